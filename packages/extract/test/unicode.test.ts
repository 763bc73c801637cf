/** Compatibility characters that PDF producers emit fold to the characters readers mean. */
import { describe, expect, it } from "vitest";
import { foldCompatibilityCharacters, parseExtractedText } from "@jixiao/extract";

describe("foldCompatibilityCharacters", () => {
  it("maps Kangxi radicals and radical-supplement forms to unified ideographs", () => {
    expect(foldCompatibilityCharacters("项\u2F6C名称")).toBe("项目名称");
    expect(foldCompatibilityCharacters("\u2ED3效管理")).toBe("长效管理");
    expect(foldCompatibilityCharacters("\u2ECB辆\u2EDA码")).toBe("车辆页码");
  });
  it("folds full-width digits and percent but keeps full-width punctuation as printed", () => {
    expect(foldCompatibilityCharacters("９０％（万元）：")).toBe("90%（万元）：");
  });
  it("is applied by the text extractor to every cell and line", () => {
    const doc = parseExtractedText("项\u2F6C名称\t\u2ED3效\n说\u2F6C");
    const table = doc.blocks[0]!;
    expect(table.kind === "table" && table.table.cells.map((c) => c.text)).toEqual(["项目名称", "长效"]);
    expect(doc.blocks[1]).toMatchObject({ kind: "text", text: "说目" });
  });
});
