/**
 * DOCX extractor: word/document.xml only (headers, footers, comments and
 * footnotes live in other parts and are not form content), read from a zip
 * whose directory has passed the bomb checks.
 */
import type { ExtractedDocument } from "../grid.ts";
import type { OcrOptions } from "../pdf/ocr-modes.ts";
import { ExtractError } from "../errors.ts";
import { inflateEntry, readZipDirectory } from "../zip-guard.ts";
import { toBlocks, walkContent, type BodyItem } from "./body.ts";
import { stripFormatting } from "./strip-formatting.ts";
import { PageCounter } from "./page-counter.ts";
import { docxPictures } from "./office-pictures.ts";
import { markOcrPages, readPictures, withPictureBlocks } from "./ocr-pictures.ts";
import { child, findDescendant, tagOf, type XmlNode, parseXmlPart } from "./xml.ts";

const WHAT = "DOCX";

/**
 * Largest word/document.xml we parse. The parse tree costs several times the
 * XML, in this thread; the 16-form 黔南 document is 1.4 MB, so 32 MB is a
 * document of hundreds of forms.
 */
export const MAX_DOCUMENT_XML_BYTES = 32 * 1024 * 1024;

/** The main part is normally word/document.xml; Word 2013+ "strict" and some converters name it differently. */
function mainPartName(names: Iterable<string>): string | undefined {
  let fallback: string | undefined;
  for (const n of names) {
    if (n === "word/document.xml") return n;
    if (/^word\/document\d*\.xml$/.test(n)) fallback ??= n;
  }
  return fallback;
}

export async function extractDocx(bytes: Uint8Array, opts: { ocr?: OcrOptions } = {}): Promise<ExtractedDocument> {
  const entries = readZipDirectory(bytes, WHAT);
  const name = mainPartName(entries.keys());
  const entry = name === undefined ? undefined : entries.get(name);
  if (!entry) {
    const has = [...entries.keys()].slice(0, 5).join(", ");
    throw new ExtractError(`corrupt: expected word/document.xml in the DOCX, found only ${has || "no entries"}`, "corrupt");
  }
  if (entry.uncompressedSize > MAX_DOCUMENT_XML_BYTES) {
    throw new ExtractError(`too large: expected ${name} of at most ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MB, found ${(entry.uncompressedSize / 1024 / 1024).toFixed(1)} MB`, "too_large");
  }
  const xml = Buffer.from(inflateEntry(bytes, entry, WHAT)).toString("utf8");
  const root = parseXmlPart(stripFormatting(xml), name!);
  const doc = root.find((n) => tagOf(n) === "document");
  const body: XmlNode | undefined = doc ? child(doc, "body") : findDescendant(root, "body");
  if (!body) throw new ExtractError(`corrupt: expected a w:body in ${name}, found none`, "corrupt");

  const items: BodyItem[] = [];
  const pages = PageCounter.forDocument(xml);
  try {
    walkContent(body, 0, (item) => items.push(item), pages);
  } catch (err) {
    // Elements nested tens of thousands deep (no real document) exhaust the stack.
    if (err instanceof RangeError) {
      throw new ExtractError(`corrupt: expected ${name} nested at most a few thousand elements deep, found deeper nesting`, "corrupt");
    }
    throw err;
  }
  const warnings: string[] = [];
  let blocks = toBlocks(items);
  let pageInfo = Array.from({ length: pages.page }, (_, i) => ({ number: i + 1, hasText: items.length > 0 }));
  if (!items.some((i) => i.kind === "table")) {
    warnings.push("docx: no tables in word/document.xml");
    // A pasted scan or screenshot of the form: its pictures are read by OCR.
    if (opts.ocr?.mode !== "off") {
      const read = await readPictures(docxPictures(bytes, entries, name!, xml), opts.ocr, WHAT);
      warnings.push(...read.warnings);
      blocks = withPictureBlocks(blocks, read.blocks);
      pageInfo = markOcrPages(pageInfo, read.ocrPages);
    }
  }
  return { format: "docx", pageCount: pages.page, pages: pageInfo, blocks, warnings };
}
