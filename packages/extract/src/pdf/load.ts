/**
 * Opening a PDF with pdf.js safely: the legacy build (Node), no worker, no eval,
 * no font loading, CMaps and standard fonts from the package so CJK fonts
 * decode. pdf.js failures become ExtractErrors with one-line reasons.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ExtractError } from "../errors.ts";
import { type PdfDocument, loadPdfJs, withoutSourceMaps } from "./pdfjs.ts";

export type { PdfDocument, PdfPage } from "./pdfjs.ts";


const require = createRequire(import.meta.url);
/** Folder of the installed pdfjs-dist package; its cmaps/ and standard_fonts/ are read from disk. */
const PDFJS_DIR = dirname(require.resolve("pdfjs-dist/package.json"));
export const CMAP_DIR = join(PDFJS_DIR, "cmaps") + "/";
export const STANDARD_FONT_DIR = join(PDFJS_DIR, "standard_fonts") + "/";

/** Turns whatever pdf.js threw into an ExtractError that says what was expected and found. */
export function toExtractError(err: unknown, where: string): ExtractError {
  if (err instanceof ExtractError) return err;
  const e = err as { name?: string; message?: string } | null;
  const name = e?.name ?? "";
  const msg = (e?.message ?? String(err)).replace(/\s+/g, " ").trim();
  // Raised by jixiao's pdf.js patch (patches/pdfjs-dist@*.patch) when one stream
  // would inflate past its cap: a deflate bomb, refused like a zip bomb.
  if (/inflates to more than/.test(msg)) {
    return new ExtractError(`too_large: expected PDF streams of a readable size, found ${msg} (${where})`, "too_large");
  }
  if (name === "PasswordException") {
    return new ExtractError(`encrypted: expected a readable PDF, found one that needs a password (${where})`, "encrypted");
  }
  return new ExtractError(`corrupt: expected a valid PDF, found ${msg || name || "an unreadable file"} (${where})`, "corrupt");
}

/**
 * `stopAtErrors`: pdf.js normally skips what it cannot parse and keeps going
 * (a page whose content it gives up on comes back without text); a document
 * opened this way rejects instead, which says what went wrong.
 */
export async function openPdf(bytes: Uint8Array, { stopAtErrors = false }: { stopAtErrors?: boolean } = {}): Promise<{ doc: PdfDocument; destroy: () => Promise<void> }> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
  const data = new Uint8Array(bytes);
  const task = getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
    verbosity: VerbosityLevel.ERRORS,
    stopAtErrors,
  });
  try {
    // The worker half of pdf.js is loaded while the document opens.
    const doc = await withoutSourceMaps(() => task.promise);
    return { doc, destroy: () => task.destroy() };
  } catch (err) {
    await task.destroy().catch(() => {});
    throw toExtractError(err, "opening the document");
  }
}
