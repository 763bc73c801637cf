/**
 * pdfjs-dist's legacy build bundles core-js, which replaces Array.prototype.push
 * with a JavaScript version in Node 20 (it distrusts V8's handling of
 * non-writable lengths, an edge nothing here relies on). That polyfill is
 * several times slower and every array in the process uses it, pdf.js's own
 * included. The native method is taken before pdf.js loads and put back after
 * each load (the worker half of pdf.js loads later, on the first document).
 */
const NATIVE_ARRAY_PUSH = Array.prototype.push;

export function restoreNativeArrayPush(): void {
  if (Array.prototype.push !== NATIVE_ARRAY_PUSH) {
    Object.defineProperty(Array.prototype, "push", { value: NATIVE_ARRAY_PUSH, writable: true, configurable: true, enumerable: false });
  }
}
