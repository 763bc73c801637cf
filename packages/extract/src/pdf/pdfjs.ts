/**
 * The one place pdfjs-dist (legacy build, for Node) is imported, so that the
 * native Array.prototype.push is restored right after it loads.
 */
import { restoreNativeArrayPush } from "./native-push.ts";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

restoreNativeArrayPush();

export const { OPS, getDocument, VerbosityLevel } = pdfjs;
export type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
export type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;
