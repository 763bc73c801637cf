/**
 * Block content of a Word document (the body, a table cell, a text box) in
 * reading order: paragraphs become text, tables become grid tables. The same
 * walk serves every container so that nesting (a table in a cell, a table in a
 * text box) needs no special case.
 */
import type { Block, Table } from "../grid.ts";
import { foldCompatibilityCharacters } from "../unicode.ts";
import { readParagraph } from "./paragraph.ts";
import { readTable } from "./table.ts";
import type { PageCounter } from "./page-counter.ts";
import { childrenOf, tagOf, child, type XmlNode } from "./xml.ts";

/** What a container holds, in order. */
export type BodyItem = { kind: "text"; text: string; page: number } | { kind: "table"; table: Table; nested: Table[] };

/** Word nests tables freely; beyond this depth the content is flattened to text only. */
export const MAX_TABLE_NESTING = 8;

function cleanLine(s: string): string {
  return foldCompatibilityCharacters(s).replace(/\u00a0/g, " ").trim();
}

export function walkContent(container: XmlNode, depth: number, emit: (item: BodyItem) => void, pages: PageCounter): void {
  for (const n of childrenOf(container)) {
    switch (tagOf(n)) {
      case "p": {
        const { text, textBoxes, page = pages.page } = readParagraph(n, pages);
        // w:br inside a body paragraph is a line break within one text block.
        const lines = text.split("\n").map(cleanLine).filter((l) => l !== "");
        if (lines.length > 0) emit({ kind: "text", text: lines.join("\n"), page });
        for (const box of textBoxes) walkContent(box, depth, emit, pages);
        // A section that ends here and is followed by one starting on a new page.
        const pPr = child(n, "pPr");
        if (pPr && child(pPr, "sectPr")) pages.explicitBreak();
        break;
      }
      case "tbl": {
        if (depth >= MAX_TABLE_NESTING) {
          emit({ kind: "text", text: flattenText(n), page: pages.page });
          break;
        }
        const { table, nested } = readTable(n, (tc, nestedOut) => readCellText(tc, depth + 1, nestedOut, pages), pages);
        emit({ kind: "table", table, nested });
        break;
      }
      case "sdt": {
        const content = child(n, "sdtContent");
        if (content) walkContent(content, depth, emit, pages);
        break;
      }
      case "customXml":
      case "ins":
      case "moveTo":
        walkContent(n, depth, emit, pages);
        break;
      case "AlternateContent": {
        // The same content twice (Choice for new readers, Fallback for old): read one.
        const alt = child(n, "Choice") ?? child(n, "Fallback");
        if (alt) walkContent(alt, depth, emit, pages);
        break;
      }
      default:
      // sectPr, bookmarks, del/moveFrom (tracked deletions), altChunk: not content.
    }
  }
}

/**
 * A cell's text: its paragraphs (and text-box paragraphs) one per line; a
 * nested table contributes its rows as lines (cells separated by a space) and
 * is also returned as a table of its own.
 */
function readCellText(tc: XmlNode, depth: number, nested: Table[], pages: PageCounter): string {
  const lines: string[] = [];
  walkContent(tc, depth, (item) => {
    if (item.kind === "text") lines.push(item.text);
    else {
      for (const line of tableLines(item.table)) lines.push(line);
      nested.push(item.table);
      for (const t of item.nested) nested.push(t);
    }
  }, pages);
  return lines.join("\n");
}

function tableLines(table: Table): string[] {
  const rows: string[][] = Array.from({ length: table.nRows }, () => []);
  for (const c of table.cells) if (c.text !== "") rows[c.row]?.push(c.text.replace(/\n/g, " "));
  return rows.map((r) => r.join(" ")).filter((l) => l !== "");
}

function flattenText(node: XmlNode): string {
  const lines: string[] = [];
  const visit = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      if (tagOf(n) === "p") {
        const line = cleanLine(readParagraph(n).text);
        if (line) lines.push(line);
      } else visit(childrenOf(n));
    }
  };
  visit(childrenOf(node));
  return lines.join("\n");
}

/** Body items as grid blocks: a table is followed by the tables nested in it. */
export function toBlocks(items: BodyItem[]): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.kind === "text") blocks.push({ kind: "text", page: item.page, text: item.text });
    else {
      blocks.push({ kind: "table", table: item.table });
      for (const t of item.nested) blocks.push({ kind: "table", table: t });
    }
  }
  return blocks;
}
