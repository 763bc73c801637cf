/**
 * The pictures an Office file shows, in order, with the page (DOCX) or sheet
 * (XLSX) each is on, found through the files' relationships — not every
 * file under media/: a picture no part refers to is not shown. Read from a
 * zip whose directory has passed the zip guard; each picture is inflated
 * under the guard's limits.
 *
 * DOCX: word/document.xml refers to its pictures by relationship id
 * (r:embed of a DrawingML picture, r:id of a VML one); the page is counted
 * as docx/page-counter.ts counts it (Word's rendered breaks when the file
 * has them, else the explicit ones). XLSX: each sheet, in the workbook's
 * order, → its drawings → their pictures.
 */
import { inflateEntry, type ZipEntry } from "../zip-guard.ts";

export interface OfficePicture {
  /** The picture's part, e.g. word/media/image1.jpeg. */
  name: string;
  /** Page (DOCX) or sheet (XLSX), 1-based. */
  page: number;
  bytes: Uint8Array;
}

/** A relationships part is small; larger is no relationships part. */
const MAX_RELS_BYTES = 4 * 1024 * 1024;

type Entries = ReadonlyMap<string, ZipEntry>;

/** `folder/name` resolved against `base` (a part's folder), as OPC targets are. */
function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${base}/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

const folderOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf("/")));
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function text(bytes: Uint8Array, entries: Entries, part: string, what: string, max: number): string | null {
  const entry = entries.get(part);
  if (!entry || entry.uncompressedSize > max) return null;
  return Buffer.from(inflateEntry(bytes, entry, what)).toString("utf8");
}

/** A part's relationships: id → { type (its last path segment: image, drawing …), target part }. */
function relationships(bytes: Uint8Array, entries: Entries, part: string, what: string): Map<string, { type: string; target: string }> {
  const rels = `${folderOf(part)}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`.replace(/^\//, "");
  const xml = text(bytes, entries, rels, what, MAX_RELS_BYTES) ?? "";
  const out = new Map<string, { type: string; target: string }>();
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(tag, "Id"), type = attr(tag, "Type"), target = attr(tag, "Target");
    if (!id || !type || !target || attr(tag, "TargetMode") === "External") continue;
    out.set(id, { type: type.slice(type.lastIndexOf("/") + 1), target: resolveTarget(folderOf(part), target) });
  }
  return out;
}

function picture(bytes: Uint8Array, entries: Entries, name: string, page: number, what: string): OfficePicture | null {
  const entry = entries.get(name);
  return entry ? { name, page, bytes: inflateEntry(bytes, entry, what) } : null;
}

/** Each picture word/document.xml shows, once, on the page where it first appears. */
export function docxPictures(bytes: Uint8Array, entries: Entries, mainPart: string, xml: string): OfficePicture[] {
  const rels = relationships(bytes, entries, mainPart, "DOCX");
  const rendered = xml.includes("lastRenderedPageBreak");
  const seen = new Set<string>();
  const out: OfficePicture[] = [];
  let page = 1;
  const marks = /<w:lastRenderedPageBreak\b|<w:br\b[^>]*w:type="page"|<w:pageBreakBefore\b(?![^>]*w:val="(?:0|false|off)")|<w:sectPr\b|\br:(?:embed|id)="([^"]+)"/g;
  for (const m of xml.matchAll(marks)) {
    const id = m[1];
    if (id === undefined) {
      // Same rule as PageCounter: Word's rendered breaks when it left them, else the explicit ones.
      if (m[0].startsWith("<w:lastRenderedPageBreak") === rendered) page++;
      continue;
    }
    const rel = rels.get(id);
    if (rel?.type !== "image" || seen.has(rel.target)) continue;
    seen.add(rel.target);
    const p = picture(bytes, entries, rel.target, page, "DOCX");
    if (p) out.push(p);
  }
  return out;
}

/** Each picture drawn on the workbook's sheets, with the 1-based index of its sheet in the workbook's order. */
export function xlsxPictures(bytes: Uint8Array, entries: Entries): OfficePicture[] {
  const workbook = [...entries.keys()].find((n) => /^xl\/workbook\d*\.xml$/.test(n));
  if (!workbook) return [];
  const sheetRels = relationships(bytes, entries, workbook, "XLSX");
  const xml = text(bytes, entries, workbook, "XLSX", MAX_RELS_BYTES) ?? "";
  const out: OfficePicture[] = [];
  const seen = new Set<string>();
  [...xml.matchAll(/<sheet\b[^>]*>/g)].forEach(([tag], i) => {
    const sheet = sheetRels.get(attr(tag, "r:id") ?? "");
    if (!sheet) return;
    for (const drawing of relationships(bytes, entries, sheet.target, "XLSX").values()) {
      if (drawing.type !== "drawing") continue;
      for (const rel of relationships(bytes, entries, drawing.target, "XLSX").values()) {
        if (rel.type !== "image" || seen.has(rel.target)) continue;
        seen.add(rel.target);
        const p = picture(bytes, entries, rel.target, i + 1, "XLSX");
        if (p) out.push(p);
      }
    }
  });
  return out;
}
