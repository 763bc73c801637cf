/** Temporary database files for tests, removed after each test file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-store-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let counter = 0;
/** A fresh database path inside dir. */
export function dbPath(dir: string): string {
  counter += 1;
  return join(dir, `test-${counter}.sqlite`);
}
