/**
 * The real fixtures as plain pdftotext printed them (fixtures/real/text/ID.pdftotext.txt),
 * read by the text-stream tests: the text, its grid, its rows of cell texts, and the
 * forms the whole pipeline finds in it.
 */
import { readFileSync } from "node:fs";
import { extractBytes, parseExtractedText, toMatrix, type ExtractedDocument } from "@jixiao/extract";
import { normalizeDocument, type Form } from "@jixiao/normalize";

const REAL = new URL("../../../fixtures/real/", import.meta.url);
const plainFile = (id: string) => new URL(`text/${id}.pdftotext.txt`, REAL);

export const plainText = (id: string) => readFileSync(plainFile(id), "utf8");

export const readPlain = (id: string) => parseExtractedText(plainText(id));

/** Every table row of the document, as its non-empty cell texts. */
export const tableRowsOf = (doc: ExtractedDocument) =>
  doc.blocks.flatMap((b) => (b.kind === "table" ? toMatrix(b.table).map((r) => r.map((c) => c?.text ?? "").filter(Boolean)) : []));

/** Every narrative block's text. */
export const textsOf = (doc: ExtractedDocument) => doc.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));

export async function plainForms(id: string): Promise<Form[]> {
  const file = plainFile(id);
  const doc = await extractBytes(readFileSync(file), { fileName: file.pathname });
  return normalizeDocument(doc, { fileName: file.pathname }).forms;
}

export { REAL };
