/** `jixiao inspect --tables-json`: each table as rows of cells with spans, in the documented stable format. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "../src/inspect.ts";
import { TABLES_JSON_FORMAT, type TablesJson } from "../src/tables-json.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

describe("inspect --tables-json", () => {
  it("gives each table's rows, a merged cell once at its top-left with its spans and null where it covers", async () => {
    const out = JSON.parse(await inspect(join(ROOT, "fixtures/pdf/table-finder/ruled-rows.pdf"), { tablesJson: true })) as TablesJson;
    expect(out.format).toBe(TABLES_JSON_FORMAT);
    expect(out.pageCount).toBe(1);
    expect(out.tables).toHaveLength(2);
    const t = out.tables[0]!;
    expect([t.page, t.pageTo, t.nRows, t.nCols]).toEqual([1, 1, 7, 7]);
    expect(t.rows).toHaveLength(7);
    expect(t.rows.every((r) => r.length === 7)).toBe(true);
    expect(t.rows[0]![3]).toEqual({ text: "Percent Fuel Savings", rowSpan: 1, colSpan: 4 });
    expect(t.rows[0]!.slice(4)).toEqual([null, null, null]);
    expect(t.rows[0]![0]).toEqual({ text: "Cycle Name", rowSpan: 2, colSpan: 1 });
    expect(t.rows[1]![0]).toBeNull();
    expect(t.rows[1]![3]).toEqual({ text: "Improved Speed", rowSpan: 1, colSpan: 1 });
  });
});
