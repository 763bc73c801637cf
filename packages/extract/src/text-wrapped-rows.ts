/**
 * The lines of wrapped cells of layout text (text-layout.ts) joined to the
 * row they belong to. A table read a row per line has, between its real rows
 * (a line with three or more cells, or a value), lines of one or two cells of
 * words: the lines of the rows' wrapped cells, which pdftotext puts above and
 * below the row's one-line cells, centred on them as the form centres a cell
 * in its row.
 */
import type { FoundCell } from "./pdf/page-tables.ts";
import { unionBox } from "./pdf/geometry.ts";
import type { DocTable } from "./pdf/continuation.ts";
import { joinWrappedLines } from "./pdf/words.ts";
import { COLUMN, LINE_GAP, LINE_STEP, overlapsAcross } from "./text-geometry.ts";
import { isHeaderWord, isValueCell } from "./text-stream.ts";
import { namesMoneySource } from "./text-layout-money-sources.ts";
import { cellsByRow, isIndicatorHeader } from "./text-grid-rows.ts";
import { isLabelWord } from "./text-stream-words.ts";
import { ENDS_WITH_UNIT, isGoalsWord } from "./text-layout-words.ts";

/**
 * A wrapped cell's line holds words, never a value alone or a dash (those fit
 * on one line); a line that starts with a figure is words when a sentence
 * goes on after it, punctuated (0.5分,扣完为止。 / 5000吨稻谷、500吨), not a
 * date range, a target with a unit or a name (2023.07-2024.01, ≥80M, 1290.3平方米冷库).
 */
export const isWordsOnly = (text: string) =>
  !isValueCell(text) && (!/^\s*[≥≤=<>]?\s*[-+]?\d/.test(text) || /[,;，。；、：]/.test(text));
/**
 * A row the form leaves for more indicators (……, ..., a dash, or 指标 2: with nothing after it): a row of its own,
 * never a line of a neighbour's cell.
 */
export const isPlaceholder = (text: string) => /^(?:[.…。·]+|[-—–]+|指标\d+[:：]?)$/.test(text.replace(/\s+/g, "")) || isGroupHeading(text);
/**
 * A group's numbered heading on a row of its own (一、投入目标, 三、产出目标, 1.数量目标): it heads the rows under it,
 * and is no line of a neighbour's cell.
 */
const isGroupHeading = (text: string) => /^(?:[一二三四五六七八九十]+[、.．]\S{2,10}|\d{1,2}[、.．]\S{0,8})(?:目标|指标)$/.test(text.replace(/\s+/g, ""));
/**
 * The label of a group of indicators (数量指标, 产出指标(50分)), merged down over their rows: it may sit
 * left of a row's label, and text-span-labels.ts moves it to the first row it covers.
 */
export const isLevelLabel = (text: string) => /指标(?:[(（][^()（）]*[)）])?$/.test(text.replace(/\s+/g, ""));
/** A row of this many column words (一级指标, 指标值 …) or more is a header; the heads of its wrapped cells are at most MAX_HEADER_PIECE long (未完成原因和改进 over 措施). */
const MIN_HEADER_WORDS = 2;
const MAX_HEADER_PIECE = 12;
/** The tail of a header's wrapped cell under its line is a column word's end: at most this long ((B), 措施, 数). */
const MAX_HEADER_TAIL = 6;
/** Rows with at most this many cells, all words, may be lines of wrapped cells... */
const MAX_WRAP_CELLS = 2;
/** ...when at most this many of them come between two other rows (a cell of five lines, centred, puts two above its row's line and two below). */
const MAX_WRAP_RUN = 4;
/**
 * A label, a colon and an amount of money (三、其他:3683.3970 万元, 财政拨款：15万元): a whole cell,
 * a row of its own, never a line of a neighbour's cell or of a paragraph. The unit may be the block's
 * (其中:公共财政拨款:183.18 under 年度预算收支情况(万元)) where the label names money.
 */
export const isMoneyFact = (text: string) => {
  const m = /^((?:其中\s*[:：]\s*)?[^:：\d]{2,})[:：]\s*[-+]?\d[\d,]*(?:\.\d+)?\s*(万元|元|亿元)?$/.exec(text.trim());
  return m !== null && (m[2] !== undefined || MONEY_LABEL.test(m[1]!));
};
/**
 * A line that opens a numbered indicator of a list (指标1部门重点支出…, 指标 2(社会效益):…): no line of the
 * cell above it. (Not 目标 1: a goals cell breaks its lines at its goals.)
 */
const INDICATOR_ITEM = /^\s*指标\s*\d{1,2}(?![\d.,%])\s*\S/;
/** A label that names an amount of money: a grant, a fund, spending, income, a budget, a total. */
const MONEY_LABEL = /(?:拨款|资金|支出|收入|经费|预算|金额|合计|小计|总额)$/;
/**
 * A whole label of a form's header block: a few words ending as labels end (主管部门, 项目类别, 填报日期,
 * 项目负责人及电话, 项目支出实施期, 本年度绩效目标); not the tail of one (及代码 after 主管部门) nor a bare 单位
 * (the end of 项目实施 / 单位).
 */
const WHOLE_LABEL = /^[^\d\s及和与、(（][^\d\s]{1,9}(?:名称|部门|单位|类别|属性|类型|性质|日期|时间|期限|电话|负责人|联系人|编码|代码|编号|地址|依据|可行性|必要性|概况|内容|额|目标|实施期|周期)$/;
/** Labels of one word, never the tail of a longer one. */
const ONE_WORD_LABEL = /^(?:地址|邮编|电话|传真)$/;
const isWholeLabel = (text: string) => {
  const t = text.replace(/\s+/g, "");
  return WHOLE_LABEL.test(t) || ONE_WORD_LABEL.test(t);
};
/** A comparison sign or a unit sign alone (≧, ═, %): a cell no line continues. */
export const BARE_SIGN = /^[≥≤=<>≧≦═＝＞＜%‰]+$/;
/** A cell's text ending so looks finished: the middle line of a run under it begins the next row's cell. */
const FINISHED = /[)）。;；]$/u;

/**
 * Joins the lines of wrapped cells to the row they belong to. pdftotext puts
 * a row's one-line cells on one line and the lines of its wrapped cells above
 * and below it (centred on the row), so a table read a row per line has
 * "rows" of one or two cells of words between the real rows. Each such line
 * goes to the row above or the row below. Where the geometry says (centredSplit),
 * the lines before a blank line end cells of the row above, else as many
 * lines end them as joined the row above from above (its cells are centred
 * on its line: as many lines below it as above), and the rest begin cells
 * of the row below. Otherwise, of the lines between two rows, the
 * first half ends cells of the row above and the second half begins cells of
 * the row below; the middle one of an odd run goes down when the row below
 * has a line in its column below it too and the row above none above it
 * (the cell centred on the row below), up in the mirrored case, and else up
 * where its column already has text that does not look finished (FINISHED:
 * a closing bracket, a full stop), else down. A line joins a row only where that row's slot in
 * its column is empty or holds words anchored there, and never left of a row
 * that starts with a label (words without a figure, such as 总分) unless it
 * is a group's label (数量指标, isLevelLabel); runs longer than
 * MAX_WRAP_RUN (a goal paragraph in two columns) that no centred split
 * divides, lines after the last row
 * and the first half (and middle) of the lines before the first row are left
 * as rows. In text a blank line is a gap between rows, so no line is joined
 * across one, and a line no wider than one cell is never joined over two of
 * a row's cells (a goal text under a header row of wrapped cells). Lines left
 * as rows right above a header row that hold the heads of its wrapped cells
 * (实际完成 over 值) join it, and nothing else above a header does (a goal's
 * last lines); a line of column words' ends right under a header, under such
 * a head, ends its cells ((B) under 全年执行数).
 */
export function joinWrappedRows(t: DocTable): DocTable {
  const byRow = cellsByRow(t);
  // A budget line whose amounts are blank (其他资金 under 其中:财政拨款) is a row, not the tail of the label
  // above; it has no wrapped cells either (its label is one line, its amounts none).
  // (So is one right above another line's label that opens with 其中: 年度资金总额 over 其中:中央补助 | 50.29, the
  // whole left blank over its parts.)
  const blankSource = byRow.map((cells, i) =>
    cells.length === 1 && namesMoneySource(cells[0]!.text) &&
    ((i > 0 && byRow[i - 1]!.some((a) => a.col === cells[0]!.col && namesMoneySource(a.text)))
      || (i + 1 < byRow.length && byRow[i + 1]!.some((b) => b.col === cells[0]!.col && /^\s*其中/.test(b.text) && namesMoneySource(b.text)))));
  const headerWords = (i: number) => (byRow[i] ?? []).filter((c) => isHeaderWord(c.text)).length;
  // Cells left of an indicator header's first column, under it: the pieces of a label merged down beside the
  // whole table (本年度 / 绩效指标 beside 一级指标 … 绩效标准). They count for no line's cells: such a piece on
  // the line of a wrapped name's first line (控制在预算成) leaves that line a line of the name.
  const headerFirst: (number | null)[] = [];
  for (let i = 0, first: number | null = null; i < byRow.length; i++) {
    if (headerWords(i) >= MIN_HEADER_WORDS) first = isIndicatorHeader(byRow[i]!) ? Math.min(...byRow[i]!.map((c) => c.col)) : null;
    headerFirst.push(first);
  }
  // (In columns no row with a value uses: 绩效指 beside a row of values is a label of the rows, 标 its piece.)
  const valueRowCols = new Set(byRow.filter((cells, i) => headerFirst[i] !== null && cells.some((c) => isValueCell(c.text))).flatMap((cells) => cells.map((c) => c.col)));
  const leftOfHeader = (c: FoundCell) => headerFirst[c.row] !== null && c.col + c.colSpan <= headerFirst[c.row]! && isWordsOnly(c.text) && !/\d/.test(c.text) &&
    !valueRowCols.has(c.col);
  // (Only beside a line of the rows' own text, not beside a group's label: 标 | 产出指标 are two labels' pieces.)
  const outerLine = byRow.map((cells) => cells.some(leftOfHeader) &&
    cells.filter((c) => !leftOfHeader(c)).every((c) => !isLevelLabel(c.text) && !isHeaderWord(c.text)));
  // (A line of such pieces alone, 绩效指标 over the first row, is a line like any other.)
  const outer = (c: FoundCell) => outerLine[c.row]! && leftOfHeader(c) && byRow[c.row]!.some((o) => !leftOfHeader(o));
  const own = (i: number) => byRow[i]!.filter((c) => !outer(c));
  const candidate = byRow.map((_, i) => {
    const cells = own(i);
    return cells.length > 0 && cells.length <= MAX_WRAP_CELLS && !blankSource[i] &&
    // A row whose cells already hold several lines (joinLabelParagraphs) is a row, not a line of one.
    cells.every((c) => c.rowSpan === 1 && c.bbox.y1 - c.bbox.y0 < LINE_STEP && c.text.trim() !== "" && isWordsOnly(c.text) && !isPlaceholder(c.text)) &&
    !cells.some((c) => isMoneyFact(c.text)) &&
    // Two column words (全年预算数(A) | 全年执行数(B)) are a header row of their own, unless a header row is
    // next to them (年初预算 | 全年执行数 over 资金来源 | 全年预算数(A) | 分值 …: the heads of its cells).
    !(headerWords(i) >= MIN_HEADER_WORDS && headerWords(i - 1) < MIN_HEADER_WORDS && headerWords(i + 1) < MIN_HEADER_WORDS);
  });
  const covered = (row: number, col: number) =>
    t.cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
  const target: (number | null)[] = byRow.map(() => null);
  const isHeaderRow = (r: number) => byRow[r]!.filter((c) => isHeaderWord(c.text)).length >= MIN_HEADER_WORDS;
  // A line never goes left of a row's label (总分 after the tail of the label above it): words without a
  // figure (a criterion or a target with one, ≦100%,计5分, is no label).
  const firstLabel = (main: number) => {
    const first = [...byRow[main]!].sort((a, b) => a.col - b.col)[0];
    return first && isWordsOnly(first.text) && !/\d/.test(first.text) ? first.col : -1;
  };
  // A piece of a group's label that wraps round a row (经济效益 above 减轻贫困学生… and 指标 below it), or in
  // lines of its own (产出指 / 标 between two rows): with the label's next line, the next line in its column
  // below the line and the row, or with what the row's slot holds, it makes a group's label.
  const piecesLevelLabel = (c: FoundCell, frag: number, main: number) => {
    if (isLevelLabel(textAt(main, c.col) + c.text)) return true;
    const from = Math.max(frag, main);
    for (let g = from + 1; g <= from + MAX_WRAP_RUN && g < t.nRows && candidate[g] && adjacent(from, g); g++) {
      const tail = byRow[g]!.find((o) => o.col === c.col);
      if (tail) return isLevelLabel(c.text + tail.text);
    }
    return false;
  };
  // A line over a row whose slot in its column is empty, with a line of that column right below the row:
  // the two lines of a cell centred on the row (省商务厅服务贸易和商贸 / 服务业处 round 项目实施单位's line).
  const centredPairHead = (f: number, main: number) => byRow[f]!.every((c) =>
    !byRow[main]!.some((m) => m.col <= c.col && c.col < m.col + m.colSpan) &&
    main + 1 < t.nRows && candidate[main + 1] && adjacent(main, main + 1) && byRow[main + 1]!.some((o) => o.col === c.col));
  // A blank line is a gap between rows: no line is joined across one.
  // (From a row's last line: a row an earlier step joined lines to ends below its first line.)
  const top = byRow.map((cells) => Math.min(...cells.map((c) => c.bbox.y0)));
  const bottom = byRow.map((cells) => Math.max(...cells.map((c) => c.bbox.y1)));
  const adjacent = (a: number, b: number) => {
    for (let i = Math.min(a, b); i < Math.max(a, b); i++) if (top[i + 1]! - bottom[i]! > LINE_GAP + 0.01) return false;
    return true;
  };
  const fits = (frag: number, main: number, asHead = false) =>
    adjacent(frag, main) && !blankSource[main] &&
    // (A line that opens a numbered indicator may head the row below it, never end the one above.)
    !(frag > main && byRow[frag]!.some((c) => INDICATOR_ITEM.test(c.text))) &&
    // (A name ending in its unit heads no cell of the row below that ends in its own: 参保人数(人) over
    // 上一轮退耕还林补助面积(万亩) are two names.)
    !(frag < main && byRow[frag]!.some((c) => ENDS_WITH_UNIT.test(c.text.trim()) && ENDS_WITH_UNIT.test(textAt(main, c.col)))) &&
    // Lines above a header are no lines of its cells, but for the heads of them (below).
    (asHead || !(frag < main && isHeaderRow(main))) &&
    byRow[frag]!.every((c) => outer(c) || c.col >= firstLabel(main) || isLevelLabel(c.text) || piecesLevelLabel(c, frag, main)) &&
    // A cell's line is no wider than its cell: a line over two of the row's cells is a row of its own (a goal under a header).
    byRow[frag]!.every((c) => !byRow[main]!.some((m) => m.col > c.col && m.col < c.col + c.colSpan)) &&
    byRow[frag]!.every((c) => {
      const slot = covered(main, c.col);
      // (A comparison sign or a unit alone, ≧ or %, is a whole cell: nothing wraps after it.)
      return !slot || (slot.row === main && slot.col === c.col && !isValueCell(slot.text) && !BARE_SIGN.test(slot.text.trim()));
    }) &&
    // A whole group label (经济效益指标, not a bare 指标) takes no more words below it, only its weight or a
    // bracket ((10分)): a label under it (社会效益指标, the head 生态效益) is another group's; two whole group
    // labels are two groups, never one wrapped cell; two
    // whole labels of a header block (主管部门 over 项目类别) two rows;
    // a whole money fact (三、其他:3683.3970 万元) takes no line.
    byRow[frag]!.every((c) => {
      const held = textAt(main, c.col);
      const afterWholeGroup = frag > main && isLevelLabel(held) && held.replace(/\s+/g, "").length > 3 && !/^[(（等]/.test(c.text.trim());
      return !afterWholeGroup && !(isLevelLabel(c.text) && isLevelLabel(held)) && !(isWholeLabel(c.text) && isWholeLabel(held)) && !isMoneyFact(held);
    });
  // The text a row's slot holds so far, its own cell and the lines joined to it, top to bottom.
  const textAt = (main: number, col: number) =>
    [...byRow[main]!, ...byRow.flatMap((cells, f) => (target[f] === main ? cells : []))]
      .filter((c) => c.col === col).sort((a, b) => a.row - b.row).map((c) => c.text).join("").trim();
  /**
   * How many of the lines between rows prev and next (rows from..to-1) end
   * prev's cells, when the geometry says: all before a blank line (a gap
   * between rows), else as many as joined prev from above (its cells are
   * centred on its line), when that many are there and the rest are no more
   * than the lines below next (which mirror them); each side at most
   * MAX_WRAP_RUN lines (a cell of that many lines above its row's line and
   * as many below). Undefined when unknown.
   */
  const centredSplit = (prev: number, from: number, to: number): number | undefined => {
    if (to - from <= MAX_WRAP_RUN) for (let i = from; i <= to; i++) if (!adjacent(i - 1, i)) return i - from;
    const above = linesAbove[prev];
    if (above === undefined || above > to - from || above > MAX_WRAP_RUN || to - from - above > MAX_WRAP_RUN) return undefined;
    let below = 0;
    while (to + 1 + below < t.nRows && candidate[to + 1 + below] && adjacent(to + below, to + 1 + below)) below++;
    return to - from - above <= below ? above : undefined;
  };
  // Lines joined to each row from above, where known: a row centred on its line has as many below it.
  const linesAbove: (number | undefined)[] = byRow.map((_, i) => (i === 0 || !candidate[i - 1] ? 0 : undefined));
  // A header's wrapped cells put their heads above it too (实际完成 over 值): lines left as rows right above a
  // header row whose pieces, short and without a figure, each sit over a piece of its cell (on its line or a
  // line joined to it from below) that is no column word on its own and no longer than the piece (a head line
  // is a full line; 标 over 一级指标 ends a label above).
  // (Or, for a head over two columns of their own, a line of column words' ends right under the header:
  // 年度指标 over 年初指标 | 调整后指标.)
  const subHeads = (h: number) => h + 1 < t.nRows && adjacent(h, h + 1) &&
    byRow[h + 1]!.every((c) => !/\d/.test(c.text) && Array.from(c.text).length <= MAX_HEADER_TAIL);
  const headOf = (piece: FoundCell, h: number) => {
    // (Within two characters: a head centred over two columns' words sits between them.)
    const over = (c: FoundCell) => c.bbox.x0 < piece.bbox.x1 + 2 * COLUMN && piece.bbox.x0 < c.bbox.x1 + 2 * COLUMN;
    const n = Array.from(piece.text).length;
    // (A label ending in a colon, 未实施情况及原因:, awaits its value: no head of a column word.)
    if (n > MAX_HEADER_PIECE || !isWordsOnly(piece.text) || /[:：]\s*$/.test(piece.text)) return false;
    if (subHeads(h) && byRow[h + 1]!.some(over)) return true;
    const tail = [h, ...byRow.keys()].filter((k) => k === h || (k > h && target[k] === h)).flatMap((k) => byRow[k]!).find(over);
    // (A formula in brackets under the header's line, (B/A×100%), may be longer than the head.)
    return tail !== undefined && !isHeaderWord(tail.text) && (n >= Array.from(tail.text).length || /^[(（][^()（）]+[)）]$/.test(tail.text.trim()));
  };
  // (Words: a head may hold a figure, 得分(20分*执 over 行率).)
  const headLike = (c: FoundCell) => isWordsOnly(c.text) && Array.from(c.text).length <= MAX_HEADER_PIECE;
  // A line of column words' ends right under a header, one of them under a head of its cells left above it
  // (全年执行数 over the header's line, (B) under it; 年度指标 over 年初指标 | 调整后指标), ends those cells.
  const tailOfHeader = (f: number, h: number) => {
    // (A label beside its value above the header, 部门(单位)名称 | 绥阳县太白镇人民政府, holds no heads of its cells
    // when the line is the head of a label centred round the row under it: 年度资金总 over 1172.55 …, 额: under it.)
    if (!isHeaderRow(h) || h === 0 || !candidate[h - 1] || target[h - 1] !== null || !adjacent(h - 1, h) || !adjacent(h, f) || (isPairRow(h - 1) && f + 1 < t.nRows && !candidate[f + 1] && centredPairHead(f, f + 1))) return false;
    for (let k = h + 1; k < f; k++) if (target[k] !== h) return false;
    const cells = byRow[f]!, heads = byRow[h - 1]!;
    return cells.every((c) => headLike(c) && Array.from(c.text).length <= MAX_HEADER_TAIL) && heads.every(headLike) &&
      cells.some((c) => heads.some((p) => c.bbox.x0 < p.bbox.x1 && p.bbox.x0 < c.bbox.x1));
  };
  const isPairRow = (i: number) => byRow[i]!.length === 2 && isWholeLabel(byRow[i]![0]!.text) && !isWholeLabel(byRow[i]![1]!.text);
  /** Lines a and b, right above and below row main, in the same columns, each a slot main leaves empty. */
  const centredRound = (a: number, main: number, b: number) => adjacent(a, b) &&
    byRow[a]!.length === byRow[b]!.length && byRow[a]!.every((c, k) => byRow[b]![k]!.col === c.col && covered(main, c.col) === undefined);
  // A lone line of a label's piece that ends the label of the row above and begins none with the row below's
  // (专项资金 / 名称 over 县级主管 / 部门: a narrow label column, its cells set at the top) is the row above's; one
  // that begins the row below's label and ends none above (其中:中央、省、市补助县级资 over 金 | 194.9), that
  // row's. Otherwise undefined: where lines sit decides.
  const labelPiece = (f: number, prev: number | null, next: number | null): number | undefined => {
    if (prev === null || next === null || f !== prev + 1 || f !== next - 1) return undefined;
    // (Not under an indicator header: 持 between 按政策给予贴息支 and 及时拨付资金 ends a name, whatever money the next
    // row's name speaks of.)
    if (headerFirst[f] !== null) return undefined;
    const label = (text: string) => isLabelWord(text) || namesMoneySource(text);
    // (Each cell that tells: ends the label above and begins none below, or the other way round; the rest, a
    // unit's line under a block's label, (万元), tells nothing.)
    const told = new Set(own(f).flatMap((c) => {
      const endsAbove = label(textAt(prev, c.col) + c.text), startsBelow = label(c.text + textAt(next, c.col));
      return endsAbove === startsBelow ? [] : [endsAbove ? prev : next];
    }));
    return told.size === 1 ? [...told][0] : undefined;
  };
  // The tails of a header's wrapped cells right under it (see below).
  const tailsOfHeader = (f: number, h: number) => {
    const tails = byRow[f]!;
    if (!isHeaderRow(h) || !adjacent(h, f)) return false;
    // (The header cell over it by column, or by where its text stands: 分值 under 参考, a column off.)
    const above = (c: FoundCell) => byRow[h]!.find((m) => m.col === c.col) ?? byRow[h]!.find((m) => overlapsAcross(m, c));
    const short = tails.every((c) => Array.from(c.text.trim()).length <= MAX_HEADER_TAIL && !/\d/.test(c.text.replace(/[(（][^()（）]*[)）]/g, "")) && above(c) !== undefined);
    const completes = (c: FoundCell) => !isHeaderWord(above(c)!.text) && isHeaderWord(above(c)!.text + c.text.trim());
    return short && (tails.length > MAX_WRAP_CELLS ? tails.some(completes) : tails.every(completes));
  };
  let r = 0;
  while (r < t.nRows) {
    if (!candidate[r]) { r++; continue; }
    let e = r;
    while (e < t.nRows && candidate[e]) e++;
    const prev = r > 0 ? r - 1 : null, next = e < t.nRows ? e : null;
    const run = e - r;
    const up = prev === null || next === null ? undefined : centredSplit(prev, r, e);
    // At a table's head, a whole label beside its value between the two lines of another cell centred on it, in
    // slots it leaves empty (2021 年交通局寨山石坪、鲍 | 项目负责人及联系电 over 项目名称 … 刘志龙 09125222043, 家沟果园路 |
    // 话 under it): both lines are that row's.
    if (prev === null && run === 3 && isPairRow(r + 1) && centredRound(r, r + 1, r + 2)) {
      target[r] = target[r + 2] = r + 1;
      r = e;
      continue;
    }
    // At a table's end, a last row of words alone (no value to anchor it), its cells centred round its line: the
    // lines above and below in the same columns, which the row's line leaves empty (指标1:工程验收合格 / 质量指标
    // ≧% / 率; 加大新冠病毒疫苗 | 通过贴息政策支持,加 / 效益指标 社会效益指标 / 保障力度 | 大新冠疫苗保障力度。).
    if (prev !== null && next === null && run === 3 && centredRound(r, r + 1, r + 2) && fits(r, r + 1) && fits(r + 2, r + 1)) {
      target[r] = target[r + 2] = r + 1;
      r = e;
      continue;
    }
    if (up !== undefined || (run <= MAX_WRAP_RUN && next !== null)) {
      for (let k = 0; k < run; k++) {
        const f = r + k;
        let to: number | null;
        const piece = labelPiece(f, prev, next);
        if (prev !== null && (tailOfHeader(f, prev) || (f === prev + 1 && tailsOfHeader(f, prev)))) to = prev;
        else if (piece !== undefined) to = piece;
        else if (up !== undefined) to = k < up ? prev : next;
        else if (prev === null && run === 1 && centredPairHead(f, next!)) to = next;
        else if (prev === null && 2 * k + 1 <= run) to = null;
        else if (2 * k + 1 < run) to = prev;
        else if (2 * k + 1 > run) to = next;
        else {
          const open = (c: FoundCell) => { const above = textAt(prev!, c.col); return above !== "" && !FINISHED.test(above); };
          // A cell centred on its row has as many lines below the row as above: the line is the head of the
          // next row's cell if that row has a line in its column below it, the tail of the row above's if that
          // one has a line above it.
          const sameCol = (g: number) => g >= 0 && g < t.nRows && candidate[g] && byRow[g]!.some((o) => byRow[f]!.some((c) => c.col === o.col));
          const head = sameCol(next! + 1) && adjacent(next!, next! + 1), tail = prev !== null && sameCol(prev - 1) && adjacent(prev - 1, prev) && target[prev - 1] === prev;
          if (head !== tail) to = head ? next : prev;
          else to = prev !== null && byRow[f]!.some(open) ? prev : next;
        }
        // A line at the head of a table has no row above to end: it stays a row.
        if (to === null) continue;
        const other = to === prev ? next : prev;
        // A line over a header that may be the head of its cells is left for the heads (below).
        if (to === next && isHeaderRow(next) && byRow[f]!.every(headLike)) to = null;
        else if (!fits(f, to)) to = other !== null && fits(f, other) ? other : null;
        if (to !== null) target[f] = to;
      }
      if (next !== null) linesAbove[next] = target.slice(r, e).filter((x) => x === next).length;
    }
    r = e;
  }
  // The second line of a cell centred on its row, whose first line joined the row from above (本年度申请市财政预
  // over the line of 919.00, 算资金(万元) under it): the line right below the row, in the columns of that first
  // line and in no other, where the row prints nothing on its own line, ends that cell, however many lines follow.
  for (let f = 2; f < t.nRows; f++) {
    const main = f - 1, head = f - 2;
    if (!candidate[f] || target[f] !== null || candidate[main] || target[head] !== main || !adjacent(main, f)) continue;
    const cols = new Set(byRow[head]!.map((c) => c.col));
    if (byRow[f]!.every((c) => cols.has(c.col) && !byRow[main]!.some((m) => m.col <= c.col && c.col < m.col + m.colSpan)) && fits(f, main)) target[f] = main;
  }
  // The tails of a header's wrapped cells on a line of their own right under it, more than a wrapped line's
  // cells (一级 | 二级 | 预期指标 | 实际完成指标 | 未完成原 over 指标 | 指标 | 值(A) | 值(B) | 因): each short, no
  // figure outside a bracket, under a cell of the header, and one at least making that cell a column word.
  // (Fewer, where each makes its cell a column word: 计算符 over 号.)
  for (let h = 0; h + 1 < t.nRows; h++) {
    const f = h + 1;
    if (target[f] === null && target[h] === null && tailsOfHeader(f, h)) target[f] = h;
  }
  // Header cells centred round the header's line in slots it leaves empty, their heads above it and their tails
  // below (评价 | 评价指标 over 指标说明 | 评分标准, 内容 | (分值) under it): both lines are the header's.
  for (let h = 1; h + 1 < t.nRows; h++) {
    const [a, b] = [h - 1, h + 1];
    if (!isHeaderRow(h) || !candidate[a] || !candidate[b] || target[a] !== null || target[b] !== null || !centredRound(a, h, b)) continue;
    if ([...byRow[a]!, ...byRow[b]!].every((c) => Array.from(c.text.trim()).length <= MAX_HEADER_PIECE && isWordsOnly(c.text))) target[a] = target[b] = h;
  }
  for (let h = 1; h < t.nRows; h++) {
    if (!isHeaderRow(h)) continue;
    for (let k = h - 1; k >= 0 && candidate[k] && target[k] === null && adjacent(k, k + 1); k--) {
      // (Nor the goals block's lines over the header: 年度总体目标完成情况, 年初设定目标 | 保障学校正常工作运行.)
      if (!byRow[k]!.every((c) => headOf(c, h)) || !fits(k, h, true) || byRow[k]!.some((c) => isGoalsWord(c.text))) break;
      target[k] = h;
    }
  }
  keepLinesInOrder(target);
  // (A label's piece beside the table stays on its line: the label's pieces are joined as a label's.)
  return mergeLines(t, target, outer);
}

/**
 * A cell's lines follow each other: a line that stays a row of its own
 * (项目类别's line, too wide to be a line of 主管部门's row) ends the lines
 * above it that end the row above, and begins those below that begin the
 * row below; a line never joins a row across it (项目属性 is a row, not the
 * tail of 主管部门 two lines up).
 */
function keepLinesInOrder(target: (number | null)[]): void {
  for (let changed = true; changed;) {
    changed = false;
    target.forEach((to, f) => {
      if (to === null) return;
      for (let k = Math.min(f, to) + 1; k < Math.max(f, to); k++) {
        if (target[k] !== null) continue;
        target[f] = null;
        changed = true;
        return;
      }
    });
  }
}

/**
 * The table with each line whose target is a row joined to that row: its
 * cells' text appended to the row's slots (top to bottom, as wrapped lines),
 * the other rows renumbered, but for the cells that stay on their line. A
 * cell of the row keeps its span down to the last row it covered.
 */
export function mergeLines(t: DocTable, target: readonly (number | null)[], stays: (c: FoundCell) => boolean = () => false): DocTable {
  if (target.every((x) => x === null)) return t;
  return mergeCells(t, (c) => (stays(c) ? null : target[c.row] ?? null));
}

/**
 * The table with each cell whose target is a row joined to that row's slot
 * in its column (the cells of one line may go to different rows); a row left
 * without cells is dropped, the others renumbered.
 */
export function mergeCells(t: DocTable, targetOf: (c: FoundCell) => number | null): DocTable {
  const moved = new Map(t.cells.map((c) => [c, targetOf(c)]));
  const kept = new Set(t.cells.filter((c) => moved.get(c) === null).map((c) => c.row));
  const newIndex: number[] = [];
  let n = 0;
  for (let i = 0; i < t.nRows; i++) newIndex[i] = kept.has(i) ? n++ : Math.max(0, n - 1);
  // A wrapped line of words goes to the cell it continues: the widest cell of words of its row whose
  // width covers its middle (间, centred under 项目起止时 a column further right, is that label's end).
  const byTarget = new Map<number, FoundCell[]>();
  for (const c of t.cells) {
    const row = moved.get(c) ?? c.row;
    byTarget.set(row, [...(byTarget.get(row) ?? []), c]);
  }
  const columnOf = (c: FoundCell, row: number): number => {
    if (moved.get(c) === null || !isWordsOnly(c.text)) return c.col;
    const mid = (c.bbox.x0 + c.bbox.x1) / 2;
    const covering = byTarget.get(row)!.filter((o) => isWordsOnly(o.text) && !isValueCell(o.text) && o.bbox.x0 <= mid && mid <= o.bbox.x1);
    const widest = covering.sort((a, b) => (b.bbox.x1 - b.bbox.x0) - (a.bbox.x1 - a.bbox.x0))[0];
    return widest ? widest.col : c.col;
  };
  // Each slot's text top to bottom: the row's own cell and the lines joined to it, in line order.
  const slots = new Map<string, FoundCell[]>();
  for (const c of t.cells) {
    const row = moved.get(c) ?? c.row;
    const key = `${row}:${columnOf(c, row)}`;
    slots.set(key, [...(slots.get(key) ?? []), c]);
  }
  const cells: FoundCell[] = [];
  for (const [key, parts] of slots) {
    const [row, col] = key.split(":").map(Number) as [number, number];
    parts.sort((a, b) => a.row - b.row);
    const own = parts.find((c) => c.row === row) ?? parts[0]!;
    const first = newIndex[row]!;
    const last = own.row === row ? newIndex[row + own.rowSpan - 1]! : first;
    cells.push({
      ...own,
      row: first,
      col,
      rowSpan: Math.max(1, last - first + 1),
      text: joinWrappedLines(parts.map((c) => c.text)),
      bbox: unionBox(parts.map((c) => c.bbox)),
    });
  }
  // A cell moved into an empty slot may span into a neighbour now anchored there.
  const anchors = new Set(cells.map((c) => `${c.row}:${c.col}`));
  for (const c of cells) {
    for (let k = c.col + 1; k < c.col + c.colSpan; k++) if (anchors.has(`${c.row}:${k}`)) { c.colSpan = k - c.col; break; }
  }
  return { ...t, nRows: n, cells: cells.sort((a, b) => a.row - b.row || a.col - b.col) };
}
