/**
 * The ingest connection's SQLite page cache is bounded (ingest.ts
 * INGEST_SQLITE_CACHE_MB): the main process's memory counts toward the run's
 * limit, and better-sqlite3's own default is 16 MB.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { openStore } from "@jixiao/store";
import { INGEST_SQLITE_CACHE_MB } from "../src/ingest.ts";
import { tempDir } from "./bulk-helpers.ts";

describe("the ingest connection's page cache", () => {
  it("is set in KiB from cacheMb, and left at the build's default without it", () => {
    const db = join(tempDir(), "cache.sqlite");
    const bounded = openStore(db, { cacheMb: INGEST_SQLITE_CACHE_MB });
    try {
      expect(bounded.db.pragma("cache_size", { simple: true })).toBe(-INGEST_SQLITE_CACHE_MB * 1024);
    } finally {
      bounded.close();
    }
    const plain = openStore(db);
    try {
      expect(plain.db.pragma("cache_size", { simple: true })).toBe(-16000);
    } finally {
      plain.close();
    }
  });
});
