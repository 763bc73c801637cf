import { readFileSync } from "node:fs";
import type { OcrMode } from "@jixiao/extract/ocr-modes";

/** Stored with every document and run, so rows can be traced to the code that produced them. */
export const PIPELINE_VERSION: string = (() => {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
})();

/**
 * The version stored with documents read under a user vocabulary: the
 * pipeline's, plus the vocabulary's id (`0.1.0+vocab.1a2b3c4d5e6f`). A changed
 * vocabulary is then a different pipeline, and ingest re-reads what the old one
 * read, once; an unchanged one keeps skipping unchanged files.
 *
 * Likewise an OCR mode other than the default (`+ocr.off`, `+ocr.force`): a
 * scan stored as partial by an `--ocr off` run is read again, with OCR, by the
 * next ordinary run, and `--ocr force` re-reads what was read from text layers.
 */
export function pipelineVersionFor(vocabularyId: string | null | undefined, ocr: OcrMode = "auto"): string {
  const base = vocabularyId ? `${PIPELINE_VERSION}+vocab.${vocabularyId}` : PIPELINE_VERSION;
  return ocr === "auto" ? base : `${base}+ocr.${ocr}`;
}
