/**
 * funding_identity — warning — the funding block's parts do not add up:
 * 年度资金总额 vs the sum of its direct parts (财政拨款 + 其他资金, or 中央补助 +
 * 地方资金 + 其他资金); 财政拨款 vs its own 其中 lines (上级补助 + 本级安排);
 * 基本支出 + 项目支出 vs the total; 结转余 vs A − B. Monitoring forms' 1–N月执行数
 * and 全年预计执行数 columns are summed the same way.
 *
 * Target forms print the year's money next to the medium-term (实施期) total:
 * the year's amount may not exceed it, nor be 0 while the form's cost targets
 * are positive.
 */
import { FUNDING_BLOCK_KEY, keyOf, WHOLE_TERM_KEY, type Form, type FundingLine } from "@jixiao/normalize";
import { formLabel, tail, whereText, type DocumentContext } from "../context.ts";
import { agrees, columnDecimals, show, sumAgrees } from "../rounding.ts";
import type { Finding } from "@jixiao/normalize";
import { isTarget, toDateText } from "../families.ts";
import { moneyValue } from "../money.ts";
import { defineRule, type Report } from "./rule.ts";

const COLUMNS = [
  ["budget", "全年预算数"],
  ["executed", "全年执行数"],
  ["initialBudget", "年初预算数"],
  ["executedToDate", "1–N月执行数"],
  ["forecastExecuted", "全年预计执行数"],
] as const;
type Column = (typeof COLUMNS)[number][0];

/** 基本支出 / 项目支出: a split of the same money by purpose, not another source. */
const PURPOSE = /基本支出|项目支出/;
/** Lines that subdivide 财政拨款 rather than the total. */
const FISCAL_CHILD_KINDS = new Set<FundingLine["sourceKind"]>(["central", "superior", "local"]);

export interface Identity {
  whole: FundingLine;
  parts: FundingLine[];
  /** How the relation reads in a message: 财政拨款＋其他资金. */
  what: string;
}

/** A medium-term or whole-project line of a target form (中期资金总额, 实施期资金总额, 项目总金额). */
const MEDIUM_TERM = /中期|实施期|总金额|项目总/;
/** The year's line (本年度项目金额, 年度资金总额). */
const THIS_YEAR = /本年|年度|当年/;

/** A target form's medium-term lines and its year's line; the identities below are over the year's money only. */
export function termLines(form: Form): { medium: FundingLine[]; year: FundingLine | null } {
  if (!isTarget(form)) return { medium: [], year: null };
  const named = form.funding.filter((l) => MEDIUM_TERM.test(keyOf(l.source)));
  const year = form.funding.find((l) => !named.includes(l) && THIS_YEAR.test(keyOf(l.source))) ?? null;
  // Beside a line that names the year (当年资金总额), another total (资金总额, 项目资金总额) is the whole project's.
  const other = year ? form.funding.filter((l) => l !== year && !named.includes(l)
    && ((l.sourceKind === "total" && !THIS_YEAR.test(keyOf(l.source))) || WHOLE_TERM_KEY in l.extra)) : [];
  return { medium: [...named, ...other], year };
}

/**
 * The form's funding blocks: one, unless its lines name the block they belong to
 * (a checklist's 合计 block, then one block per subsidy, each with its own total and parts).
 */
function blocksOf(lines: FundingLine[]): FundingLine[][] {
  const blocks = new Map<string, FundingLine[]>();
  for (const l of lines) {
    const block = l.extra[FUNDING_BLOCK_KEY] ?? "";
    const list = blocks.get(block);
    if (list) list.push(l);
    else blocks.set(block, [l]);
  }
  return [...blocks.values()];
}

/** A part as the message names it: without a leading 其中, nor the block the whole's name already gives. */
function partName(line: FundingLine): string {
  const block = line.extra[FUNDING_BLOCK_KEY];
  const name = block && line.source.startsWith(`${block} / `) ? line.source.slice(block.length + 3) : line.source;
  return name.replace(/^其中[:：]\s*/, "");
}

/** The relations the form's money should satisfy: a whole and its direct parts, 财政拨款 and its 其中 lines, the split by purpose. */
export function identities(form: Form): Identity[] {
  const { medium, year } = termLines(form);
  return blocksOf(form.funding.filter((l) => !medium.includes(l))).flatMap((lines) => blockIdentities(lines, year));
}

function blockIdentities(lines: FundingLine[], year: FundingLine | null): Identity[] {
  const total = (year && year.sourceKind === "total" && lines.includes(year) ? year : null) ?? lines.find((l) => l.sourceKind === "total");
  const others = lines.filter((l) => l !== total);
  const purpose = others.filter((l) => PURPOSE.test(keyOf(l.source)));
  // Another total beside the total (计划投资额 | 570 … 实际到位资金 | 398.88 in one row of
  // pairs) is a second account of the whole money, not one of its parts.
  const sources = others.filter((l) => !purpose.includes(l) && l.sourceKind !== "total");
  const fiscal = sources.find((l) => l.sourceKind === "fiscal");
  const fiscalChildren = fiscal ? sources.filter((l) => FISCAL_CHILD_KINDS.has(l.sourceKind)) : [];
  const direct = sources.filter((l) => !fiscalChildren.includes(l) && !(fiscal && l.sourceKind === "fiscal" && l !== fiscal));
  const list: Identity[] = [];
  const label = (ls: FundingLine[]) => ls.map(partName).join("＋");
  // 财政拨款 against its own 其中 lines first: when it is the line that is wrong (0 while 本级安排
  // carries the money), the total against 财政拨款 + 其他 fails for the same reason, and is not reported twice.
  // A relation without parts is never broken (mismatch() finds no part printing the column), so none is left out here.
  if (fiscal) list.push({ whole: fiscal, parts: fiscalChildren, what: label(fiscalChildren) });
  if (total) list.push({ whole: total, parts: direct, what: label(direct) });
  if (total && purpose.length > 1) list.push({ whole: total, parts: purpose, what: label(purpose) });
  return list;
}

/** First column where the whole and its parts both print numbers and disagree. */
function mismatch(id: Identity, column: Column): { whole: number; sum: number } | null {
  // ?? null: rows loaded from a database written before the monitoring columns existed lack them.
  const whole = id.whole[column] ?? null;
  const values = id.parts.map((p) => p[column] ?? null);
  if (whole === null || values.every((v) => v === null)) return null;
  // A blank line is a part with nothing in it (本级安排 left empty next to 财政拨款 228); but a line
  // that prints other amounts and not this one was probably misread here, and is not taken as zero.
  if (id.parts.some((p) => p[column] == null && COLUMNS.some(([c]) => p[c] != null))) return null;
  return disagreement(whole, values.map((v) => v ?? 0));
}

/** The whole and the sum of its parts, where they disagree beyond the rounding of their printed decimals. */
function disagreement(whole: number, parts: number[]): { whole: number; sum: number } | null {
  if (sumAgrees(whole, parts, columnDecimals([whole, ...parts]))) return null;
  return { whole, sum: parts.reduce((s, p) => s + p, 0) };
}

/** An amount as an extra column prints it: a plain number, no share (88.3%) and no words. */
const PLAIN_AMOUNT = /^-?\d[\d,]*(?:\.\d+)?$/;
const amountIn = (line: FundingLine, key: string) => {
  const t = line.extra[key]?.trim();
  return t !== undefined && PLAIN_AMOUNT.test(t) ? Number(t.replace(/,/g, "")) : null;
};

/**
 * Amount columns the block prints beyond the canonical ones (近两年收支金额 2021年 | 2022年 beside 当年金额):
 * their parts add up as the year's do. Only columns where the whole and every part print a plain amount.
 */
function extraAmountKeys(id: Identity): string[] {
  if (id.parts.length < 2) return [];
  return Object.keys(id.whole.extra).filter((key) => amountIn(id.whole, key) !== null && id.parts.every((p) => amountIn(p, key) !== null));
}

function extraMismatch(id: Identity, key: string): { whole: number; sum: number } | null {
  return disagreement(amountIn(id.whole, key)!, id.parts.map((p) => amountIn(p, key)!));
}

function balanceFindings(ctx: DocumentContext, form: Form, report: Report): Finding[] {
  return form.funding.flatMap((line) => {
    if (line.balance === null || line.budget === null || line.executed === null) return [];
    const computed = line.budget - line.executed;
    const decimals = columnDecimals([line.balance, line.budget, line.executed]);
    if (agrees(line.balance, computed, decimals)) return [];
    return [
      report({
        form,
        funding: line,
        message:
          `资金结转结余填报为${line.balance}，按全年预算数${line.budget}－全年执行数${line.executed}计算应为${show(computed, decimals)}` +
          tail(whereText(ctx, line), formLabel(form), line.source),
        expected: computed,
        observed: line.balance,
        params: { identity: "结转结余 = A − B", decimals },
      }),
    ];
  });
}

/** The year's amount of a target form: its 全年预算数 column, else the first amount it prints. */
function amountOf(line: FundingLine): number | null {
  return line.budget ?? line.initialBudget ?? line.executed;
}

/**
 * Cost targets of the form that name money (≤1018.55万元, 不超过20万元): their values, positive ones only.
 * A target naming money is a cost target whatever its level says (isCostIndicator), so the money is the test.
 */
function positiveCostTargets(form: Form): { name: string; text: string; value: number }[] {
  return form.indicators.flatMap((ind) => {
    const text = ind.adjustedTargetText ?? ind.targetText;
    const v = moneyValue(text);
    return v && v.value > 0 ? [{ name: ind.name, text: text!, value: v.value }] : [];
  });
}

function termFindings(ctx: DocumentContext, form: Form, report: Report): Finding[] {
  if (!isTarget(form)) return [];
  const { medium, year } = termLines(form);
  const found: Finding[] = [];
  const yearAmount = year ? amountOf(year) : null;
  if (year && yearAmount !== null) {
    for (const m of medium) {
      const total = amountOf(m);
      if (total === null) continue;
      const decimals = columnDecimals([total, yearAmount]);
      // Beyond rounding: the year's printed amount stands for more than the total's could.
      if (yearAmount - total < 10 ** -decimals - 1e-9) continue;
      found.push(
        report({
          form,
          funding: year,
          message: `${year.source.replace(/[:：]$/, "")}${yearAmount}超过${m.source.replace(/[:：]$/, "")}${total}` + tail(whereText(ctx, year), formLabel(form)),
          expected: total,
          observed: yearAmount,
          params: { identity: "年度金额 ≤ 中期（实施期）总额", medium: m.source, year: year.source },
          inputs: [m],
        }),
      );
    }
  }
  const zeroLine = year ?? form.funding.find((l) => l.sourceKind === "total") ?? form.funding[0] ?? null;
  const zero = zeroLine ? amountOf(zeroLine) : null;
  const costs = positiveCostTargets(form);
  if (zeroLine && zero === 0 && costs.length > 0) {
    const c = costs[0]!;
    found.push(
      report({
        form,
        funding: zeroLine,
        message:
          `${zeroLine.source.replace(/[:：]$/, "")}为0，但成本指标“${c.name}”的指标值为${c.text}` + tail(whereText(ctx, zeroLine), formLabel(form)),
        expected: null,
        observed: 0,
        params: { identity: "年度金额 > 0 when cost targets are positive", costTargets: costs.length },
      }),
    );
  }
  return found;
}

export const fundingIdentity = defineRule("funding_identity", "warning", (ctx, report) => {
  return ctx.doc.forms.flatMap((form) => {
    const found: Finding[] = [];
    for (const id of identities(form)) {
      // One broken relation is one finding, at its first broken column; a total broken only because a
      // part already reported is wrong says nothing new.
      if (found.some((f) => f.fundingSeq !== null && id.parts.some((p) => p.seq === f.fundingSeq))) continue;
      const columns = [...COLUMNS.map(([column, name]) => ({ column, name, m: mismatch(id, column) })),
        ...extraAmountKeys(id).map((key) => ({ column: key, name: key, m: extraMismatch(id, key) }))];
      for (const { column, name: columnName, m } of columns) {
        if (!m) continue;
        found.push(
          report({
            form,
            funding: id.whole,
            message:
              `${id.whole.source.replace(/[:：]$/, "")}${column === "executedToDate" ? `${toDateText(form)}执行数` : columnName}为${m.whole}，但其组成${id.what}合计为${show(m.sum)}` +
              tail(whereText(ctx, id.whole), formLabel(form)),
            expected: m.sum,
            observed: m.whole,
            params: { identity: `${id.whole.source} = ${id.what}`, column },
            inputs: id.parts,
          }),
        );
        break;
      }
    }
    return [...found, ...balanceFindings(ctx, form, report), ...termFindings(ctx, form, report)];
  });
});
