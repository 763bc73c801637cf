/**
 * The one place pdfjs-dist (legacy build, for Node) is loaded. Loading it
 * lazily lets two process-wide side effects be undone or avoided:
 * - core-js in the legacy build replaces Array.prototype.push with a slow
 *   JavaScript version (native-push.ts puts the native one back);
 * - under tsx, Node caches the source maps of every module it loads, and
 *   pdf.js ships multi-megabyte maps for its two bundles: loading them with
 *   source maps off saves their memory and parse time (stack traces inside
 *   pdf.js then point at its bundled JavaScript, which is what it ships).
 * The operator codes the edge finder needs are copied in ops.ts (a test
 * checks them against pdf.js's OPS).
 */
import { restoreNativeArrayPush } from "./native-push.ts";

export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
export type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

/** Runs `load` with Node's source-map caching off, then restores both global side effects. */
export async function withoutSourceMaps<T>(load: () => Promise<T>): Promise<T> {
  const enabled = process.sourceMapsEnabled;
  if (enabled) process.setSourceMapsEnabled(false);
  try {
    return await load();
  } finally {
    if (enabled) process.setSourceMapsEnabled(true);
    restoreNativeArrayPush();
  }
}

let pdfjs: Promise<PdfJs> | null = null;
export const loadPdfJs = () => (pdfjs ??= withoutSourceMaps(() => import("pdfjs-dist/legacy/build/pdf.mjs")));
