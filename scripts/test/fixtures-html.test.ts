/**
 * The committed fixture HTML is what the generators make from the seeds today:
 * a change to the seed reading or the stress cases that was not re-rendered
 * shows up here (the renders themselves need LibreOffice and stay out of CI).
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe.each(["seed-to-html.ts", "stress-to-html.ts"])("scripts/fixtures/%s --check", (script) => {
  it("reports every generated HTML file up to date", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", `scripts/fixtures/${script}`, "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/(\d+) of \1 files up to date/);
  });
});
