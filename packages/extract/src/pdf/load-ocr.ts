/**
 * @jixiao/ocr (onnxruntime, ~15 MB of models) is imported here, on the first
 * page or picture that needs it, never before: a run that meets no scan does
 * not pay for it. It is imported by path — the package sits beside this one
 * in the workspace and is not a declared dependency of @jixiao/extract; the
 * command's bundler (cli/src/bundle-cache.mjs) makes it a chunk of its own.
 */
export type OcrModule = typeof import("../../../ocr/src/index.ts");

let ocrModule: Promise<OcrModule> | null = null;

export const loadOcr = (): Promise<OcrModule> => (ocrModule ??= import("../../../ocr/src/index.ts"));
