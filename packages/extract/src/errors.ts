/**
 * An input the extractor refuses, with a one-line reason meant for
 * documents.error: what was expected, what was found.
 */
export class ExtractError extends Error {
  constructor(
    message: string,
    /** Machine-readable cause: 'empty', 'binary', 'encrypted', 'zip_bomb', 'too_large', 'timeout', 'corrupt', 'unsupported'. */
    readonly code: string,
  ) {
    super(message);
    this.name = "ExtractError";
  }
}
