/**
 * Text set aslant over a form is no text of its cells: a watermark repeated
 * over the page (内部资料 仅供参考 at 30°) and a vector seal's ring of
 * characters, each turned to follow the ring, printed by Chromium over real
 * forms (fixtures/pdf/aslant, scripts/fixtures/make-watermarked-pdfs.sh). The
 * form reads as it does without them, and the document says what was left out.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { extractBytes, type Block } from "../src/index.ts";
import { normalizeDocument } from "@jixiao/normalize";

const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;
const read = (path: string) => extractBytes(readFileSync(`${FIXTURES}${path}`), { fileName: path, ocr: { mode: "off" } });
const cellsOf = (blocks: readonly Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table").map((b) => b.table.cells.map((c) => `${c.row},${c.col}:${c.text}`));

describe("a watermark over the page (安徽 2022 自评表)", () => {
  it("leaves every cell as the unmarked page has it, and is said in the document's warnings", async () => {
    const marked = await read("pdf/aslant/watermark-anhui-2022-project-self-eval.pdf");
    const plain = await read("real/pdf/chromium/anhui-2022-project-self-eval.pdf");
    expect(cellsOf(marked.blocks)).toEqual(cellsOf(plain.blocks));
    expect(marked.warnings).toContainEqual(expect.stringMatching(/^第1页有8段斜置的文字\(水印或印章: 内部资料 仅供参考\)/));
    expect(plain.warnings.some((w) => /斜置/.test(w))).toBe(false);
  });
});

describe("a vector seal's ring over the funding block (云南 2023 自评表)", () => {
  it("takes the ring's upright and sideways characters out with its slanted ones, and not the cells under it", async () => {
    const sealed = await read("pdf/aslant/seal-yunnan-2023-project-self-eval.pdf");
    // Its 17 characters: the slanted ones, and 和 at its top and 临, 务 at its sides, turned as the ring runs there.
    expect(sealed.warnings).toContainEqual(expect.stringMatching(/^第1页有17段斜置的文字/));
    const texts = sealed.blocks.flatMap((b) => (b.kind === "table" ? b.table.cells.map((c) => c.text) : []));
    expect(texts).toContain("执行率");
    expect(texts.filter((t) => /[临务和]$/.test(t) && !/草原局$/.test(t))).toEqual([]);
  });

  it("reads the same form as the unsealed page", async () => {
    const form = (doc: Awaited<ReturnType<typeof read>>) => {
      const [f] = normalizeDocument(doc).forms;
      return { funding: f!.funding.map((l) => [l.source, l.budget, l.executed, l.executionRate, l.weight, l.score]), indicators: f!.indicators.map((i) => [i.name, i.targetText, i.actualText, i.weight, i.score]) };
    };
    expect(form(await read("pdf/aslant/seal-yunnan-2023-project-self-eval.pdf"))).toEqual(form(await read("real/pdf/chromium/yunnan-2023-project-self-eval.pdf")));
  });
});
