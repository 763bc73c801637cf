/** Test helpers: a real fixture's rendered file extracted, and two extracted documents read as one. */
import { readFileSync } from "node:fs";
import { extractBytes, type ExtractedDocument } from "@jixiao/extract";
import { renderedPath, type RealFormat } from "./real-forms.ts";

export async function extractedFixture(id: string, format: RealFormat): Promise<ExtractedDocument> {
  const file = renderedPath(id, format);
  return extractBytes(readFileSync(file), { fileName: file });
}

/** The first document's pages, then the second's after them. */
export function appended(first: ExtractedDocument, second: ExtractedDocument): ExtractedDocument {
  const offset = first.pages.length;
  const shift = <T extends { page: number }>(x: T): T => ({ ...x, page: x.page + offset });
  return {
    ...first,
    pages: [...first.pages, ...second.pages.map((p) => ({ ...p, number: p.number + offset }))],
    blocks: [
      ...first.blocks,
      ...second.blocks.map((b) =>
        b.kind === "text" ? shift(b) : { ...b, table: { ...shift(b.table), pageTo: b.table.pageTo + offset, cells: b.table.cells.map(shift) } }),
    ],
  };
}
