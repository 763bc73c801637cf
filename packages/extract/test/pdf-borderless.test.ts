/**
 * Real forms printed without their borders (fixtures/pdf/borderless,
 * scripts/fixtures/make-borderless-pdfs.sh): the PDF reader has only the
 * text's alignment. A column whose header is centred over it while its cells
 * are set flush left (二级指标 over 数量指标 | 社会效益指标) starts where its
 * cells do, so two levels side by side stay two columns.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes, toMatrix } from "../src/index.ts";
import { normalizeDocument } from "@jixiao/normalize";

const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;
const read = (path: string) => extractBytes(readFileSync(`${FIXTURES}${path}`), { fileName: path, ocr: { mode: "off" } });
const levels = async (path: string) =>
  normalizeDocument(await read(path)).forms[0]!.indicators.map((i) => [i.level1, i.level2, i.name]);

describe("levels side by side in a borderless print", () => {
  it("reads 产出指标 | 数量指标 as two cells, not one (四川 2023 自评表)", async () => {
    const doc = await read("pdf/borderless/sichuan-2023-project-self-eval.pdf");
    const rows = doc.blocks.flatMap((b) => (b.kind === "table" ? toMatrix(b.table).map((r) => r.map((c) => c?.text ?? "")) : []));
    const row = rows.find((r) => r.includes("发放(缴纳)覆盖率"));
    expect(row).toEqual(expect.arrayContaining(["产出指标", "数量指标"]));
    expect(rows.flat().some((t) => t.includes("产出指标数量指标"))).toBe(false);
  });

  it.each(["sichuan-2023-project-self-eval", "hubei-2020-project-targets"])("gives the bordered print's levels and names (%s)", async (id) => {
    expect(await levels(`pdf/borderless/${id}.pdf`)).toEqual(await levels(`real/pdf/chromium/${id}.pdf`));
  });
});
