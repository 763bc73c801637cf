/**
 * Texts a hostile or broken document could carry, each aimed at one output:
 * markup for the HTML report, control characters for JSON and the terminal,
 * formula prefixes for CSV and XLSX.
 */

/** Runs script when parsed as HTML: sets a global the browser test looks for. */
export const MARKUP_PROJECT = `<img src=x onerror="window.__pwned='project'">医疗服务与保障能力提升补助资金`;
/** Ends a table cell, and the report's embedded JSON <script> if it were written raw. */
export const MARKUP_AGENCY = `黔南州医疗保障局</td></script><script>window.__pwned='agency'</script>`;
export const MARKUP_INDICATOR = `<b onmouseover="window.__pwned='indicator'">工作经费</b>`;
export const MARKUP_REASON = `表头声明元<iframe srcdoc="<script>parent.__pwned='reason'</script>"></iframe>，金额按万元计`;
export const MARKUP_PATH = `archive/"><svg onload="window.__pwned='path'">/qiannan.pdf.txt`;
export const CONTROL_PROJECT = "城乡居民\u0000基本\u001b[31m医疗\u009b2J保险\u2028资金\u007f\u202e";
export const FORMULA_PROJECTS = ['=HYPERLINK("http://example.invalid/x","点击查看")', "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1+1"];
