/**
 * Word constructs, from one LibreOffice document (scripts/fixtures-ooxml/
 * cases.ts → fixtures/ooxml-cases/cases.docx): gridSpan, vMerge over three
 * rows, paragraphs and w:br in a cell, tracked changes, a PAGE field, a
 * hyperlink, a nested table, a text box, and a header/footer that are not
 * content, hidden text. gridBefore/gridAfter, which LibreOffice does not
 * write, are read from a hand-written table below.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { extractBytes, toMatrix, ExtractError, type ExtractedDocument, type Table } from "../src/index.ts";
import { parseXmlPart } from "../src/docx/xml.ts";
import { walkContent, type BodyItem } from "../src/docx/body.ts";
import { PageCounter } from "../src/docx/page-counter.ts";
import { stripFormatting } from "../src/docx/strip-formatting.ts";
import { readZipDirectory, inflateEntry } from "../src/zip-guard.ts";

const CASES = new URL("../../../fixtures/ooxml-cases/", import.meta.url);

describe("cases.docx", () => {
  let doc: ExtractedDocument;
  let main: Table;
  beforeAll(async () => {
    doc = await extractBytes(readFileSync(new URL("cases.docx", CASES)), { fileName: "cases.docx" });
    main = (doc.blocks[1] as { table: Table }).table;
  });
  const at = (row: number, col: number) => main.cells.find((c) => c.row === row && c.col === col);

  it("keeps paragraphs and tables in reading order, text boxes after their paragraph", () => {
    expect(doc.format).toBe("docx");
    expect(doc.blocks.map((b) => (b.kind === "text" ? b.text : `table ${b.table.nRows}x${b.table.nCols}`))).toEqual([
      "第一张表之前的段落", "table 4x4", "table 2x2", "两表之间的段落", "文本框里的说明", "table 1x2", "最后一段",
    ]);
  });

  it("turns w:gridSpan into colSpan", () => {
    expect(at(0, 1)).toMatchObject({ text: "横向合并三格", colSpan: 3, rowSpan: 1 });
    expect(main.cells.filter((c) => c.row === 0)).toHaveLength(2);
  });

  it("turns w:vMerge restart + two continues into rowSpan 3", () => {
    expect(at(1, 0)).toMatchObject({ text: "纵向合并三行", rowSpan: 3, colSpan: 1 });
    expect(at(2, 0)).toBeUndefined();
    expect(at(3, 0)).toBeUndefined();
    expect(toMatrix(main)[3]!.map((c) => c?.text ?? null)).toEqual([null, "甲", "乙", "丙"]);
  });

  it("joins a cell's paragraphs and line breaks with \\n", () => {
    expect(at(1, 1)?.text).toBe("第一段\n第二段\n换行后");
  });

  it("keeps tracked insertions and drops tracked deletions", () => {
    expect(at(1, 2)?.text).toBe("得分9分"); // "8" was deleted, "9" inserted
  });

  it("reads a hyperlink and a field by their visible text", () => {
    expect(at(1, 3)?.text).toBe("链接文字");
    expect(at(2, 1)?.text).toBe("第1页"); // PAGE field result, not its code
  });

  it("keeps a nested table as text in its cell and as a table of its own", () => {
    expect(at(2, 2)?.text).toBe("内表甲 内表乙\n1 2");
    const nested = (doc.blocks[2] as { table: Table }).table;
    expect(toMatrix(nested).map((r) => r.map((c) => c?.text))).toEqual([["内表甲", "内表乙"], ["1", "2"]]);
  });

  it("drops hidden (w:vanish) text", () => {
    expect(doc.blocks.at(-1)).toEqual({ kind: "text", page: 1, text: "最后一段" });
    expect(JSON.stringify(doc.blocks)).not.toContain("隐藏文字");
  });

  it("ignores headers and footers and folds full-width digits", () => {
    const all = JSON.stringify(doc.blocks);
    expect(all).not.toContain("页眉");
    expect(all).not.toContain("页脚");
    expect(toMatrix((doc.blocks[5] as { table: Table }).table)[0]!.map((c) => c?.text)).toEqual(["第二张表", "123"]);
  });
});

describe("document.xml details", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = (inner: string): BodyItem[] => {
    const [root] = parseXmlPart(`<w:document ${W}><w:body>${inner}</w:body></w:document>`, "test");
    const items: BodyItem[] = [];
    const bodyNode = (root!.document as Record<string, unknown>[])[0]!;
    walkContent(bodyNode, 0, (i) => items.push(i), new PageCounter(false));
    return items;
  };
  const tc = (text: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it("honours w:gridBefore and w:gridAfter (which shift columns when ignored)", () => {
    const [item] = body(`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr>${tc("A")}${tc("B")}${tc("C")}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc("b")}${tc("c")}</w:tr>
      <w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>${tc("a")}</w:tr></w:tbl>`);
    const table = (item as { table: Table }).table;
    expect(table.nCols).toBe(3);
    expect(toMatrix(table).map((r) => r.map((c) => c?.text ?? null))).toEqual([["A", "B", "C"], [null, "b", "c"], ["a", null, null]]);
  });

  it("refuses a DOCTYPE instead of expanding its entities", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    expect(() => parseXmlPart(bomb, "word/document.xml")).toThrowError(ExtractError);
    expect(() => parseXmlPart(bomb, "word/document.xml")).toThrowError(/^corrupt: expected OOXML without a DOCTYPE in word\/document\.xml, found a DOCTYPE/);
  });

  it("decodes the predefined and numeric entities only", () => {
    const [item] = body(`<w:p><w:r><w:t>A&amp;B &#x4E2D;&#25991; &lt;1&gt;</w:t></w:r></w:p>`);
    expect(item).toEqual({ kind: "text", text: "A&B 中文 <1>", page: 1 });
  });
});

describe("formatting stripped before parsing", () => {
  it("changes no content: the 16 黔南 forms read the same with and without it", () => {
    const bytes = readFileSync(new URL("../../../fixtures/docx/qiannan-2023-project-selfeval.docx", import.meta.url));
    const xml = Buffer.from(inflateEntry(bytes, readZipDirectory(bytes, "DOCX").get("word/document.xml")!, "DOCX")).toString("utf8");
    const read = (text: string) => {
      const items: BodyItem[] = [];
      const doc = parseXmlPart(text, "word/document.xml").find((n) => "document" in n)!;
      walkContent((doc.document as Record<string, unknown>[]).find((n) => "body" in n)!, 0, (i) => items.push(i), new PageCounter(false));
      return items;
    };
    const stripped = stripFormatting(xml);
    expect(stripped.length).toBeLessThan(xml.length / 3);
    const items = read(stripped);
    expect(items.filter((i) => i.kind === "table")).toHaveLength(16);
    expect(items).toEqual(read(xml));
  });
});

describe("pages of a DOCX", () => {
  const seed = (name: string) => extractBytes(readFileSync(new URL(`../../../fixtures/docx/${name}.docx`, import.meta.url)), { fileName: `${name}.docx` });

  it("counts LibreOffice's explicit page breaks: the 16 黔南 forms start on pages 1 to 16", async () => {
    const doc = await seed("qiannan-2023-project-selfeval");
    expect(doc.pageCount).toBe(16);
    expect(doc.pages.map((p) => p.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const tables = doc.blocks.flatMap((b) => (b.kind === "table" ? [[b.table.page, b.table.pageTo]] : []));
    expect(tables).toEqual(Array.from({ length: 16 }, (_, i) => [i + 1, i + 1]));
    for (const b of doc.blocks) if (b.kind === "table") expect(new Set(b.table.cells.map((c) => c.page))).toEqual(new Set([b.table.page]));
  });

  it("puts a title that follows a break in the same paragraph on the new page", async () => {
    // 衡阳: <w:p><w:r><w:br w:type="page"/></w:r><w:r><w:t>整体支出绩效目标表</w:t></w:r></w:p>
    const doc = await seed("hengyang-2023-targets");
    const title = doc.blocks.find((b) => b.kind === "text" && b.text === "整体支出绩效目标表");
    expect(title).toMatchObject({ page: 2 });
    expect(doc.blocks.filter((b) => b.kind === "table").map((b) => (b.kind === "table" ? b.table.page : 0))).toEqual([1, 2]);
  });
});

describe("pages of a DOCX: sections", () => {
  it("starts a new page where a section of type nextPage begins (the landscape section)", async () => {
    const doc = await extractBytes(readFileSync(new URL("../../../fixtures/docx/stress-rotated-section.docx", import.meta.url)), { fileName: "s.docx" });
    expect(doc.pageCount).toBe(2);
    expect(doc.blocks.filter((b) => b.kind === "table").map((b) => (b.kind === "table" ? b.table.page : 0))).toEqual([1, 2]);
  });
});

describe("hostile nesting", () => {
  it("refuses a DOCX whose document.xml nests 200,000 elements deep, in one line", async () => {
    // cases.docx with its document.xml swapped for a pathological one.
    const parts = unzipSync(readFileSync(new URL("cases.docx", CASES)));
    const depth = 200_000;
    parts["word/document.xml"] = strToU8(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>${"<w:hyperlink>".repeat(depth)}<w:r><w:t>x</w:t></w:r>${"</w:hyperlink>".repeat(depth)}</w:p></w:body></w:document>`,
    );
    // Stored, not deflated: deflated, it is small enough to be refused as a zip bomb first.
    const err = await extractBytes(zipSync(parts, { level: 0 }), { fileName: "deep.docx" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe("corrupt");
    expect((err as ExtractError).message).toMatch(/^corrupt: expected word\/document\.xml [^\n]*, found [^\n]*$/);
  });
});
