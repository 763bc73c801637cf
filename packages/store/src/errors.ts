/**
 * Something the store refuses or cannot do, with a one-line reason saying what
 * was expected, what was found and where (file, document, form seq).
 */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}
