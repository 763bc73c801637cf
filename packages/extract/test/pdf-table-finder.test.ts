/**
 * The table finder on layouts it once read wrongly, each printed by Chromium
 * from HTML (fixtures/pdf/table-finder, made by its make.sh from U.S. federal
 * reports' tables): wrapped header cells, values stacked in one ruled band,
 * tables ruled only between column groups, a layout grid holding prose beside
 * the real table, two-column prose and a bulleted list, and a horizontal bar
 * printed on purpose, banded rows shaded by several rectangles of one colour,
 * unruled tables whose columns of figures, or of words, are set closer than a word gap,
 * two partly ruled tables one above the other, an unruled table parted by section headings,
 * column headers set sideways, and row names printed beside a ruled grid of figures.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { toMatrix, type ExtractedDocument, type Table } from "../src/index.ts";
import { extractPdf } from "../src/pdf/index.ts";

const FIXTURES = new URL("../../../fixtures/pdf/table-finder/", import.meta.url).pathname;
const read = (name: string) => extractPdf(readFileSync(`${FIXTURES}${name}.pdf`));
const tables = (doc: ExtractedDocument): Table[] => doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const texts = (t: Table) => toMatrix(t).map((r) => r.map((c) => c?.text ?? null));
const span = (t: Table, text: string) => {
  const c = t.cells.find((x) => x.text === text);
  return c && [c.row, c.col, c.rowSpan, c.colSpan];
};

describe("ruled-rows.pdf: in a ruled table the rules decide the rows (stackedLineBorders)", () => {
  let found: Table[];
  beforeAll(async () => { found = tables(await read("ruled-rows")); });

  it("keeps a header cell that wraps onto two lines as one cell under its spanning header", () => {
    const t = found[0]!;
    expect([t.nRows, t.nCols]).toEqual([7, 7]);
    expect(span(t, "Percent Fuel Savings")).toEqual([0, 3, 1, 4]);
    expect(texts(t)[1]!.slice(3)).toEqual(["Improved Speed", "Decreased Accel", "Eliminate Stops", "Decreased Idle"]);
    expect(texts(t)[6]).toEqual(["4171_1", "0.07", "173.9", "58.1%", "1.6%", "2.1%", "0.5%"]);
  });

  it("splits values stacked in one ruled band into a row per line, a missing value left empty", () => {
    const t = found[1]!;
    expect([t.nRows, t.nCols]).toEqual([11, 4]);
    expect(texts(t)[1]).toEqual(["Under 1 year", "0.0156", "", "3,533,692"]);
    expect(texts(t)[6]).toEqual(["20 - 29 years", "0.1803", "0.2650", "40,839,623"]);
    expect(texts(t)[10]![0]).toBe("Total");
  });
});

describe("partly-ruled.pdf: rules only between column groups (closeOpenSides, textGapBorders)", () => {
  let t: Table;
  beforeAll(async () => {
    const found = tables(await read("partly-ruled"));
    expect(found).toHaveLength(1);
    t = found[0]!;
  });

  it("closes the sides the rows' rules reach, so the age and total columns are in the table", () => {
    expect(texts(t).map((r) => r[0])).toEqual(["Age (years)", "1-2", "3-5", "6-11", "12-19", "20-29", "All"]);
    expect(texts(t).map((r) => r[t.nCols - 1])).toContain("99,759,580");
  });

  it("splits each group at the gap its values leave on every line, the group's heading spanning both", () => {
    expect([t.nRows, t.nCols]).toEqual([7, 8]);
    expect(texts(t)[1]).toEqual(["1-2", "2,586,688", "2,568,738", "647,701", "639,327", "409,038", "392,640", "7,244,132"]);
    expect(span(t, "Non-Hispanic black Male Female")).toEqual([0, 3, 1, 2]);
  });
});

describe("layout-and-prose.pdf: a layout grid, two-column prose and a list are no tables (enclosedTables, isProse)", () => {
  let doc: ExtractedDocument;
  beforeAll(async () => { doc = await read("layout-and-prose"); });

  it("finds the real table inside the layout grid's box, and nothing else", () => {
    const found = tables(doc);
    expect(found).toHaveLength(1);
    expect([found[0]!.nRows, found[0]!.nCols]).toEqual([7, 2]);
    expect(texts(found[0]!)[0]).toEqual(["Organism", "Wildlife Criterion (pg/L)"]);
    expect(texts(found[0]!)[6]).toEqual(["Bald eagle", "100"]);
  });

  it("reads the layout's boxes, the two columns of prose and the list as text", () => {
    const text = doc.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : [])).join(" ");
    expect(text).toContain("Mercury Study Report to Congress");
    expect(text).toContain("Piscivorous birds and mammals receive a");
    expect(text).toContain("Under all circumstances, a percentage-wise increase");
  });
});

describe("horizontal-bar.pdf: glyph aliases only where the producer mis-maps (producerMisMaps)", () => {
  it("keeps a horizontal bar (U+2015) printed in a Latin font, and the em dash beside it", async () => {
    const t = tables(await read("horizontal-bar"))[0]!;
    expect(texts(t)[1]).toEqual(["2001\u20152006", "126", "trend items \u2014 kept"]);
  });
});

describe("two ruled tables stacked on one rule: a neighbour's column border does not cut a label (splitAcrossColumns)", () => {
  // 四川's 评价指标体系 (fixtures/real, LibreOffice PDF): the lower table's centred
  // level labels "(7 分)" straddle a border that only the upper table draws, and
  // the upper table's "可持续发展能力(15 分)" one that only the lower table draws.
  let cells: string[];
  beforeAll(async () => {
    const doc = await extractPdf(readFileSync(new URL("../../../fixtures/real/pdf/lo/sichuan-undated-scorecard.pdf", import.meta.url).pathname));
    cells = tables(doc).flatMap((t) => t.cells.map((c) => c.text));
  });
  it("keeps each bracketed label in one cell", () => {
    expect(cells).toEqual(expect.arrayContaining(["(7分)", "(3分)", "可持续发展能力(15分)"]));
    expect(cells).not.toContain("分)");
  });
});

describe("a merged cell's spaced phrase over borders other rows draw stays one cell (splitAcrossColumns)", () => {
  // 奉节 2023 目标审批表 (fixtures/real, LibreOffice PDF): 建设周期's value spans three columns
  // and LibreOffice spaces its digits from the CJK ("2023 年 4 月-2024 年 2 月"); the word
  // space before "2 月" falls on the 项目负责人 row's border.
  let t: Table;
  beforeAll(async () => {
    const doc = await extractPdf(readFileSync(new URL("../../../fixtures/real/pdf/lo/chongqing-2023-project-targets.pdf", import.meta.url).pathname));
    t = tables(doc)[0]!;
  });
  it("reads 建设周期 | 2023年4月-2024年2月 (three columns) | 业务主管部门 | 县民宗委", () => {
    expect(span(t, "2023年4月-2024年2月")).toEqual([1, 1, 1, 3]);
    expect(texts(t)[1]!.filter((x) => x !== null)).toEqual(["建设周期", "2023年4月-2024年2月", "业务主管部门", "县民宗委"]);
  });
});

describe("a row cut by a page break is joined back when its name and numbers stay above (joinContinuedTable)", () => {
  const real = (path: string) => extractPdf(readFileSync(new URL(`../../../fixtures/real/${path}`, import.meta.url).pathname));
  it("湖南 评分表 (LibreOffice PDF): the scoring rule's last line, after a hard line break, goes back into its row", async () => {
    const t = tables(await real("pdf/lo/hunan-undated-department-scorecard.pdf"))[0]!;
    const rows = texts(t);
    const at = rows.findIndex((r) => r.includes("资金使用合规性"));
    expect(rows[at]![3]).toMatch(/^①支出符合.*虚列支出等情况。以上情况每出现一例不符合要求的扣1分,扣完为止。$/);
    expect(rows[at]!.slice(4, 6)).toEqual(["3", "3"]);
    expect(rows[at + 1]![2]).toBe("预决算信息公开性和完善性");
  });
  it("银川 自评表 (Chromium PDF): a new group whose placeholder row prints no numbers stays a row of its own", async () => {
    const t = tables(await real("pdf/chromium/ningxia-2021-project-self-eval.pdf"))[0]!;
    expect(t.cells.map((c) => c.text)).toEqual(expect.arrayContaining(["项目产出(30分)", "项目效益(35分)", "绿化、水电费等成本"]));
  });
});

describe("shaded-tiles.pdf: every other row shaded by one colour painted over itself (fillRectsToEdges)", () => {
  // Chromium paints a banded row's cell backgrounds, then each cell's text block and padding strip over
  // them in the same colour; before seams were dropped, each shaded row came out as a table of its own.
  let found: Table[];
  beforeAll(async () => { found = tables(await read("shaded-tiles")); });

  it("finds one table holding the seven states, one row each with their eight cells", () => {
    expect(found).toHaveLength(1);
    const rows = texts(found[0]!);
    const first = rows.findIndex((r) => r[0] === "Andhra Pradesh");
    expect(rows.slice(first).map((r) => r[0])).toEqual(["Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Delhi", "Goa"]);
    expect(rows[first]).toEqual(["Andhra Pradesh", "47,824,589", "9,967,837", "1,275,000", "15,000", "59,082,426", "14,898,243", "73,980,669"]);
    expect(rows[first + 1]).toEqual(["Arunachal Pradesh", "2,241,609", "107,549", "23,000", "0", "2,372,158", "86,336", "2,458,494"]);
  });
});

describe("close-figures.pdf: an unruled table whose columns of figures are closer than a chunk gap (valueColumnBorders)", () => {
  // NFHS table 5.6: 16 columns of figures, some a few points apart (11.2 then 7.4), were read as
  // 9 columns, up to six figures in a cell; a long label ran over the first column of figures.
  let t: Table;
  beforeAll(async () => {
    const found = tables(await read("close-figures"));
    expect(found).toHaveLength(1);
    t = found[0]!;
  });

  it("parts every column of figures, each figure in a cell of its own", () => {
    const rows = texts(t);
    const at = rows.findIndex((r) => r[0] === "Scheduled caste");
    expect(rows[at]).toEqual(["Scheduled caste", "74.8", "55.8", "42.9", "0.9", "9.7", "0.0", "0.2", "2.2", "0.0", "19.0", "11.2", "7.4", "0.4", "25.2", "100.0", "1,363"]);
    expect(rows.find((r) => r[0] === "Highest")).toEqual(["Highest", "78.3", "44.4", "19.5", "1.0", "9.7", "1.4", "0.0", "12.7", "0.0", "33.8", "18.2", "15.6", "0.0", "21.7", "100.0", "733"]);
  });

  it("stops a label that runs over the first column of figures short of it", () => {
    expect(texts(t).find((r) => r[0] === "Other backward class")!.slice(0, 3)).toEqual(["Other backward class", "71.4", "51.1"]);
  });
});

describe("close-words.pdf: an unruled listing whose columns of words are a few points apart (valueColumnBorders, flush left)", () => {
  // Oklahoma ABLE Commission, M27: number, type, names, address, city, state, ZIP set 5 pt apart ran
  // into four columns; a word space other lines leave free (OKLAHOMA CITY beside TULSA) is no column.
  let rows: (string | null)[][];
  beforeAll(async () => {
    const found = tables(await read("close-words"));
    expect(found).toHaveLength(1);
    rows = texts(found[0]!);
  });

  it("parts the columns of words where the next column's words start flush", () => {
    expect(rows.find((r) => r[0] === "648765")).toEqual(["648765", "AAA", "ALLEGIANT AIR", "ALLEGIANT AIR LLC", "7100 TERMINAL DRIVE", "OKLAHOMA CITY", "OK", "73159", "-", "2014/12/03"]);
    expect(rows.find((r) => r[0] === "509462")).toEqual(["509462", "AAA", "AMERICAN AIRLINES", "AMERICAN AIRLINES INC", "7777 EAST APACHE DRIVE", "TULSA", "OK", "74115", "(918) 831-6302", "2014/08/19"]);
  });

  it("keeps a phrase whose word space other lines leave free in one cell (OKLAHOMA CITY, AMERICAN EAGLE AIRLINES INC)", () => {
    expect(rows.find((r) => r[0] === "402986")!.slice(3, 6)).toEqual(["AMERICAN EAGLE AIRLINES INC", "7777 EAST APACHE DRIVE", "TULSA"]);
    expect(rows.slice(1).flat().filter((c) => c === "OKLAHOMA" || c === "CITY" || c === "INC")).toEqual([]);
    expect(rows.filter((r) => r.includes("OKLAHOMA CITY")).length).toBeGreaterThanOrEqual(8);
  });
});

describe("a published listing: licence numbers set flush right, a word space before the flush-left type (valueColumnBorders, figures before words)", () => {
  // The Oklahoma ABLE Commission's M27 listing as published (fixtures/pdf/published, camelot's m27.pdf):
  // 648765 and 82030 end together 2.9 pt (a third of the font size) before AAA, whose column starts
  // flush; a column of street numbers before the street's name (7100 TERMINAL) starts together too.
  // Its two pages have different column borders: each cell keeps its own column when they are joined.
  // (On the second page every number has six digits: nothing there tells figures set flush right
  // from street numbers set flush left, and its numbers stay with their type.)
  let t: Table;
  let rows: (string | null)[][];
  beforeAll(async () => {
    const found = tables(await extractPdf(readFileSync(`${FIXTURES}../published/oklahoma-able-2014-m27-licenses.pdf`)));
    expect(found).toHaveLength(1);
    t = found[0]!;
    rows = texts(t);
  });

  it("parts the figures set flush right from the words set flush left after them", () => {
    const row = (n: string) => rows.find((r) => r[0] === n)!.filter((c) => c !== null);
    expect(row("648765")).toEqual(["648765", "AAA", "ALLEGIANT AIR", "ALLEGIANT AIR LLC", "7100 TERMINAL DRIVE", "OKLAHOMA CITY", "OK", "73159", "-", "2014/12/03"]);
    expect(row("82030").slice(0, 5)).toEqual(["82030", "AAA", "AMERICAN AIRLINES", "AMERICAN AIRLINES INC", "7100 TERMINAL DRIVE"]);
    const firstPage = t.cells.filter((c) => c.page === 1).map((c) => c.text);
    expect(firstPage.filter((c) => /^\d{5,6} [A-Z]{3}$/.test(c))).toEqual([]);
    expect(firstPage.filter((c) => /^\d{5,6}$/.test(c)).length).toBeGreaterThan(40);
  });

  it("gives every cell of the table joined over its two pages a slot of its own", () => {
    expect(t.pageTo).toBe(2);
    const slots = t.cells.map((c) => `${c.row}:${c.col}`);
    expect(new Set(slots).size).toBe(slots.length);
  });
});

describe("stacked-partly-ruled.pdf: two tables ruled only between column groups, one above the other (closeOpenSides)", () => {
  // Statistical Abstract 2012, tables 324 and 325: the rows of both are ruled to the same x, where
  // the closed side used to run from the first table's top to the second's bottom and join them.
  let found: Table[];
  beforeAll(async () => { found = tables(await read("stacked-partly-ruled")); });

  it("finds two tables, each with its own columns", () => {
    expect(found).toHaveLength(2);
    expect([found[0]!.nCols, found[1]!.nCols]).toEqual([10, 6]);
  });

  it("reads each table's rows under its own groups", () => {
    expect(texts(found[0]!).find((r) => r[0] === "Robbery")).toEqual(["Robbery", "102.1", "25.5", "76.6", "90.0", "22.9", "67.1", "12.1", "2.5", "9.5"]);
    expect(texts(found[1]!).find((r) => r[0] === "Robbery")).toEqual(["Robbery", "100,496", "43,039", "55,742", "726", "989"]);
    expect(found.flatMap((t) => t.cells.map((c) => c.text)).filter((x) => x.startsWith("Source:"))).toEqual([]);
  });
});

describe("section-headings.pdf: an unruled table whose sections have headings of their own (joinSections)", () => {
  // Key figures 2016: label | amount under Class A, Class B, each heading set well above its rows;
  // each section came out as a table of its own.
  it("reads the sections with the same columns as one table, the heading between them a row", async () => {
    const found = tables(await read("section-headings"));
    const t = found.find((x) => x.cells.some((c) => c.text === "5,111,372"))!;
    const rows = texts(t).map((r) => r.filter((x) => x));
    expect(rows).toContainEqual(["Class B"]);
    expect(rows).toContainEqual(["Net Asset Value at 31 December", "49,144,825"]);
    expect(rows.findIndex((r) => r[1] === "5,111,372")).toBeLessThan(rows.findIndex((r) => r[0] === "Class B"));
  });
});

describe("sideways-headers.pdf: column headers turned to read up the page (glyphsFromRuns)", () => {
  // Alcona County 2018 returns: each candidate's name reads bottom to top; glyph by glyph it came out
  // backwards and letter-spaced ("y e l l a C n a i r B").
  it("reads each sideways header as its words, in their order", async () => {
    const t = tables(await read("sideways-headers"))[0]!;
    expect(texts(t)[0]).toEqual(["Township", "Number of Registered voters", "Poll Book Totals", "Brian Calley", "Patrick Colbeck", "Jim Hines", "Bill Schuette"]);
    expect(texts(t)[1]).toEqual(["Alcona", "963", "439", "55", "26", "47", "164"]);
  });
});

describe("row-labels-beside.pdf: each row's name printed left of a ruled grid of counts (adoptRowLabels)", () => {
  // Alcona County 2018 returns: only the counts are ruled; the townships' names stood outside the
  // table as lines of text, and the counts had no row names.
  it("makes the names the table's first column, each on its row", async () => {
    const doc = await read("row-labels-beside");
    const t = tables(doc)[0]!;
    expect(texts(t).map((r) => r[0])).toEqual(["", "Alcona", "Caledonia", "Curtis", "Greenbush", "Gustin"]);
    expect(texts(t)[4]).toEqual(["Greenbush", "1212", "423", "56", "26", "40", "126"]);
    const lines = doc.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
    expect(lines.filter((x) => x === "Alcona" || x === "Gustin")).toEqual([]);
    expect(lines.some((x) => x.startsWith("Source:"))).toBe(true);
  });
});
