/**
 * A user's vocabulary file (`--vocab FILE`, or `jixiao.vocab.json` beside the
 * database): read, hashed and checked on the main thread, so a bad file stops
 * the command before anything is read (exit 2, one line naming the file). The
 * workers get the file's text and id and compile it once each (parse-worker.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { compileVocabulary, VocabularyError, VocabularyFile, type Vocabulary } from "@jixiao/normalize";

/** The file ingest looks for in the database's folder when no --vocab is given. */
export const VOCAB_FILE_NAME = "jixiao.vocab.json";

/** What the workers need to compile the vocabulary themselves (structured-clone safe). */
export interface VocabText {
  /** The file, as named in messages. */
  where: string;
  /** The file's JSON text. */
  text: string;
  /** sha256 of the file's bytes, 12 hex digits: stored in pipeline_version. */
  id: string;
}

export interface VocabSource extends VocabText {
  vocabulary: Vocabulary;
  /** How it was found: named by --vocab, or found beside the database. */
  from: "--vocab" | "beside the database";
}

/** A vocabulary file that cannot be used: its message is one line naming the file. */
export class VocabFileError extends Error {}

/** The short id of a vocabulary file's bytes. */
export function vocabularyId(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}

/** Reads and checks a vocabulary file; throws VocabFileError with what was expected and what was found. */
export function readVocabFile(path: string, from: VocabSource["from"] = "--vocab"): VocabSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const found = code === "ENOENT" ? "no file there" : code === "EISDIR" ? "a folder" : (code ?? String(e));
    throw new VocabFileError(`vocabulary ${path}: unreadable: expected a readable JSON file, found ${found}`);
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new VocabFileError(oneLine(`vocabulary ${path}: not JSON: expected a JSON object, found ${(e as Error).message}`));
  }
  const id = vocabularyId(bytes);
  try {
    return { where: path, text, id, vocabulary: compileVocabulary(json, path, id), from };
  } catch (e) {
    if (!(e instanceof VocabularyError)) throw e;
    throw new VocabFileError(oneLine(`vocabulary ${e.message}${foundText(json)}`));
  }
}

/** `jixiao.vocab.json` in the folder of the database file, if there is one. */
export function vocabBesideDb(db: string): string | null {
  const candidate = join(dirname(resolve(db)), VOCAB_FILE_NAME);
  return existsSync(candidate) ? candidate : null;
}

/**
 * The vocabulary a command uses: the file named (`vocab` a path), none
 * (`vocab` false, --no-vocab), or else, when a database is given,
 * jixiao.vocab.json beside it.
 */
export function resolveVocab(vocab: string | false | undefined, db?: string): VocabSource | null {
  if (vocab === false) return null;
  if (vocab !== undefined) return readVocabFile(vocab, "--vocab");
  const beside = db === undefined ? null : vocabBesideDb(db);
  return beside ? readVocabFile(beside, "beside the database") : null;
}

/** What the schema error's value was, appended to its message (", found ..."); for a bad pattern, why it does not compile. */
function foundText(json: unknown): string {
  const parsed = VocabularyFile.safeParse(json);
  if (parsed.success) return "";
  const issue = parsed.error.issues[0]!;
  if (issue.code === "unrecognized_keys") return `; expected only ${keysAt(issue.path).join(", ")}`;
  let value: unknown = json;
  for (const key of issue.path) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
  if (value === undefined || (typeof value === "object" && value !== null)) return "";
  if (typeof value === "string" && issue.path[issue.path.length - 1] === "pattern") {
    try {
      new RegExp(value, "u");
    } catch (e) {
      return `, found ${JSON.stringify(value)} (${(e as Error).message})`;
    }
  }
  return `, found ${clip(JSON.stringify(value))}`;
}

/** The keys an object of the vocabulary file may have, by the list it is in (the top level: all lists). */
const ENTRY_KEYS: Record<string, string[]> = {
  titles: ["pattern", "kind"], labels: ["pattern", "field"], headers: ["pattern", "field"], families: ["kind", "required"],
};

function keysAt(path: PropertyKey[]): string[] {
  return path.length === 0 ? Object.keys(VocabularyFile.shape) : (ENTRY_KEYS[String(path[0])] ?? []);
}

function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ");
}

/** The text workers need, without the compiled vocabulary. */
export function vocabText(v: VocabSource): VocabText {
  return { where: v.where, text: v.text, id: v.id };
}
