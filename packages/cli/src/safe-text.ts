/**
 * Text that came from outside (file names, zip entry names, messages quoting
 * them) made safe to print and to store as a one-line reason: control
 * characters are shown as escapes instead of reaching a terminal, where an
 * ESC [ … sequence in a file name would move the cursor, recolour or retitle it.
 *
 * Escaped: C0 controls (U+0000–U+001F, ESC included, as `\x1b`), DEL and the C1
 * controls (U+007F–U+009F, `\x9b` is CSI to some terminals), and the invisible
 * bidirectional overrides and isolates (U+061C, U+200E/F, U+202A–U+202E,
 * U+2066–U+2069) that make a name read differently from what it is, as
 * `\u{202e}`. Backslashes are left as they are (names from Windows zips hold
 * them), so a name that literally contains `\x1b` looks like an escaped one.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.codePointAt(0)!;
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16)}}`;
  });
}

/**
 * JSON for a log line: JSON.stringify already writes C0 controls as \u00XX;
 * this also writes DEL, the C1 controls, the bidi controls and U+2028/U+2029
 * as \uXXXX escapes, so `cat`ing a log never drives a terminal. The value parsed
 * back is the same.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
