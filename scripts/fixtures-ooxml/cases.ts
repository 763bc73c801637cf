/**
 * The edge cases the OOXML extractors must get right, as flat ODF sources.
 * Each is small and says in its own cells what it is testing.
 */
import { esc, flatOdf, sheetRow, type SheetCell } from "./odf.ts";

const s = (text: string, more: Partial<SheetCell> = {}): SheetCell => ({ text, ...more });
const n = (value: number, style?: string, more: Partial<SheetCell> = {}): SheetCell => ({ value, ...(style ? { style } : {}), ...more });
const EMPTY: SheetCell = {};

const SHEET_STYLES = `
<number:percentage-style style:name="Npct"><number:number number:decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:number-style style:name="Nthou"><number:number number:decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:style style:name="pct" style:family="table-cell" style:data-style-name="Npct"/>
<style:style style:name="thou" style:family="table-cell" style:data-style-name="Nthou"/>
<style:style style:name="shown" style:family="table"><style:table-properties table:display="true"/></style:style>
<style:style style:name="hiddenSheet" style:family="table"><style:table-properties table:display="false"/></style:style>`;

/** A project form with a two-row header (指标名称 over two rows, 年度指标 over 年初/调整后). */
function formRows(name: string, total: number): string[] {
  return [
    sheetRow([s(`${name}项目支出绩效自评表`, { colspan: 5 }), null, null, null, null]),
    sheetRow([s("指标名称", { rowspan: 2 }), s("年度指标", { colspan: 2 }), null, s("权重", { rowspan: 2 }), s("得分", { rowspan: 2 })]),
    sheetRow([null, s("年初指标"), s("调整后指标"), null, null]),
    sheetRow([s("执行率"), n(0.7974, "pct"), n(0.7974, "pct"), n(10), n(7.97)]),
    sheetRow([s("基本支出"), n(1326.26, "thou"), EMPTY, EMPTY, EMPTY]),
    sheetRow([s("项目支出"), n(100, "thou"), EMPTY, EMPTY, EMPTY]),
    // A formula: readers must show LibreOffice's cached result, never evaluate it.
    sheetRow([s("合计"), n(total, "thou", { formula: "of:=[.B5]+[.B6]" }), EMPTY, EMPTY, EMPTY]),
  ];
}

export function casesWorkbook(): string {
  const first = [
    ...formRows("甲", 1426.26),
    sheetRow([]), // blank row: the second form is a separate block
    ...formRows("乙", 1426.26),
    sheetRow([s("隐藏行的备注"), s("这一行被隐藏")], { hidden: true }),
  ].join("");
  // A merged range spanning 50 rows (a printed page and more), as 绩效指标 does in long forms.
  // Column D is hidden: a reviewer's draft notes, there but not shown.
  const tallRows: string[] = [sheetRow([s("一级指标"), s("三级指标"), s("指标值"), s("隐藏列")])];
  for (let i = 1; i <= 50; i++) {
    tallRows.push(sheetRow([i === 1 ? s("产出指标", { rowspan: 50 }) : null, s(`指标${i}`), n(i), i === 1 ? s("草稿") : EMPTY]));
  }
  const hidden = sheetRow([s("隐藏表的内容"), n(42)]);
  return flatOdf("spreadsheet", {
    styles: SHEET_STYLES,
    body: [
      `<table:table table:name="两张表" table:style-name="shown"><table:table-column table:number-columns-repeated="5"/>${first}</table:table>`,
      `<table:table table:name="长合并" table:style-name="shown"><table:table-column table:number-columns-repeated="3"/><table:table-column table:visibility="collapse"/>${tallRows.join("")}</table:table>`,
      `<table:table table:name="隐藏表" table:style-name="hiddenSheet"><table:table-column table:number-columns-repeated="2"/>${hidden}</table:table>`,
      // A sheet named like a prototype key: its name must never be used as an object path.
      `<table:table table:name="__proto__" table:style-name="shown"><table:table-column/>${sheetRow([s("polluted")])}</table:table>`,
    ].join(""),
  });
}

/** A sheet whose last row is 1,000,000: the extractor must refuse it, not read a million rows. */
export function tallWorkbook(): string {
  const rows = [
    sheetRow([s("第一行")]),
    `<table:table-row table:number-rows-repeated="999998"><table:table-cell/></table:table-row>`,
    sheetRow([s("第一百万行")]),
  ].join("");
  return flatOdf("spreadsheet", { body: `<table:table table:name="百万行"><table:table-column/>${rows}</table:table>` });
}

/** Twenty rows with a cell in A and one in XFD, the last column: 327,680 slots of mostly nothing. */
export function wideWorkbook(): string {
  const row = `<table:table-row table:number-rows-repeated="20">${sheetRow([s("最左")]).slice(17, -18)}<table:table-cell table:number-columns-repeated="16382"/>${sheetRow([s("最右")]).slice(17, -18)}</table:table-row>`;
  return flatOdf("spreadsheet", { body: `<table:table table:name="宽表"><table:table-column table:number-columns-repeated="16384"/>${row}</table:table>` });
}

/** A1:Z50000 merged into one cell: 1.3 million covered slots. */
export function bigMergeWorkbook(): string {
  const first = `<table:table-row>${sheetRow([s("大合并", { colspan: 26, rowspan: 50000 })]).slice(17, -18)}<table:covered-table-cell table:number-columns-repeated="25"/></table:table-row>`;
  const rest = `<table:table-row table:number-rows-repeated="49999"><table:covered-table-cell table:number-columns-repeated="26"/></table:table-row>`;
  return flatOdf("spreadsheet", { body: `<table:table table:name="大合并"><table:table-column table:number-columns-repeated="26"/>${first}${rest}</table:table>` });
}

const TEXT_STYLES = `<style:style style:name="hiddenText" style:family="text"><style:text-properties text:display="none"/></style:style><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/><style:footer-style/></style:page-layout>`;
const MASTER = `<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>页眉文字不是内容</text:p></style:header><style:footer><text:p>页脚文字不是内容</text:p></style:footer></style:master-page>`;

const change = (id: string, kind: "insertion" | "deletion", deleted = "") => `<text:changed-region text:id="${id}"><text:${kind}>
<office:change-info><dc:creator>审核人</dc:creator><dc:date>2024-02-26T10:00:00</dc:date></office:change-info>${deleted ? `<text:p>${esc(deleted)}</text:p>` : ""}</text:${kind}></text:changed-region>`;

const cell = (inner: string, span: { cols?: number; rows?: number } = {}) =>
  `<table:table-cell office:value-type="string"${span.cols ? ` table:number-columns-spanned="${span.cols}"` : ""}${span.rows ? ` table:number-rows-spanned="${span.rows}"` : ""}>${inner}</table:table-cell>`;
const p = (inner: string) => `<text:p>${inner}</text:p>`;
const COVERED = "<table:covered-table-cell/>";
const row = (...cells: string[]) => `<table:table-row>${cells.join("")}</table:table-row>`;

export function casesDocument(): string {
  const nested = `<table:table table:name="内嵌"><table:table-column table:number-columns-repeated="2"/>${row(cell(p("内表甲")), cell(p("内表乙")))}${row(cell(p("1")), cell(p("2")))}</table:table>`;
  const main = `<table:table table:name="合并"><table:table-column table:number-columns-repeated="4"/>
${row(cell(p("项目名称")), cell(p("横向合并三格"), { cols: 3 }), COVERED, COVERED)}
${row(cell(p("纵向合并三行"), { rows: 3 }), cell(p("第一段") + p("第二段<text:line-break/>换行后")), cell(p("得分<text:change text:change-id=\"del1\"/><text:change-start text:change-id=\"ins1\"/>9<text:change-end text:change-id=\"ins1\"/>分")), cell(p("<text:a xlink:type=\"simple\" xlink:href=\"https://example.org/\">链接文字</text:a>")))}
${row(COVERED, cell(p("第<text:page-number text:select-page=\"current\">1</text:page-number>页")), cell(nested), cell(p("")))}
${row(COVERED, cell(p("甲")), cell(p("乙")), cell(p("丙")))}
</table:table>`;
  const frame = `<draw:frame draw:name="文本框1" text:anchor-type="paragraph" svg:width="6cm" svg:height="2cm"><draw:text-box><text:p>文本框里的说明</text:p></draw:text-box></draw:frame>`;
  return flatOdf("text", {
    styles: TEXT_STYLES,
    masterStyles: MASTER,
    body: [
      `<text:tracked-changes>${change("ins1", "insertion")}${change("del1", "deletion", "8")}</text:tracked-changes>`,
      p("第一张表之前的段落"),
      main,
      p(`两表之间的段落${frame}`),
      `<table:table table:name="第二张"><table:table-column table:number-columns-repeated="2"/>${row(cell(p("第二张表")), cell(p("１２３")))}</table:table>`,
      // Hidden text (w:vanish) is not what the reader sees.
      p(`最后一段<text:span text:style-name="hiddenText">隐藏文字</text:span>`),
    ].join("\n"),
  });
}
