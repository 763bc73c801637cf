import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, openStore } from "../src/index.ts";
import { dbPath, tempDir } from "./temp.ts";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("./open-in-process.ts", import.meta.url));
const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const dir = tempDir();

describe("several processes", () => {
  it("opening a new file at the same moment all end at the current schema, migrated once", async () => {
    const file = dbPath(dir);
    const children = Array.from({ length: 4 }, () =>
      run(process.execPath, ["--import", "tsx", CHILD, file], { cwd: REPO, timeout: 60_000 }),
    );
    const versions = (await Promise.all(children)).map((c) => Number(c.stdout.trim()));
    expect(versions).toEqual([SCHEMA_VERSION, SCHEMA_VERSION, SCHEMA_VERSION, SCHEMA_VERSION]);
    const store = openStore(file);
    // A step run twice would have failed on CREATE TABLE; one of each object proves it ran once.
    expect(store.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'v_forms'").get()).toEqual({ n: 1 });
    expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
    store.close();
  });
});
