import { ExtractError } from "../errors.ts";

/** SheetJS reports problems as free text; turn the known ones into our codes. */
export function classifyParserError(message: string, what: string): ExtractError {
  if (/password|encrypt/i.test(message)) {
    return new ExtractError(`encrypted: expected an unprotected ${what}, found a password-protected one (${message})`, "encrypted");
  }
  return new ExtractError(`corrupt: expected a readable ${what}, found one the parser rejects (${message})`, "corrupt");
}
