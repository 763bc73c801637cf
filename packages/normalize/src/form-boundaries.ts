/**
 * Where one form ends and the next begins when no title line stands between them: a form that has read
 * content of its own (indicators, money, a total), then a table or a line that names another project or
 * department (parse.ts ends the form there; see docs/form-families.md, "forms back to back").
 */
import type { Form } from "./model.ts";
import { factKeyOf } from "./vocab.ts";
import { keyOf } from "./text-key.ts";

/** Indicators, money or a total read: a form, not only a header block. */
export function hasOwnContent(f: Form): boolean {
  return f.indicators.length > 0 || f.funding.length > 0 || f.totalScore !== null;
}

/**
 * Whether pairs name a project or a department other than the one an open form with content of its own
 * (indicators, money, a total) already names: 项目名称 | Y under a form of project X is the next form's.
 * Two spellings of one name (塘湖镇政府, 塘湖镇人民政府) share most of their characters: the same form.
 */
export function namesAnotherForm(f: Form, pairs: readonly { label: string; value: string }[], unnamedEnds: boolean): boolean {
  // unnamedEnds: whether a name ends a form that has none of its own yet (see below).
  if (!hasOwnContent(f)) return false;
  // (A form that names no such thing yet has ended when its indicators have been read: a footer table does
  // not open with a project's or a department's name.)
  const named = [f.projectName, f.agency, ...f.facts.filter((x) => x.field !== null).map((x) => x.value)].filter((v): v is string => !!v && v.trim() !== "");
  return pairs.some((p) => {
    const key = factKeyOf(p.label);
    if ((key !== "projectName" && key !== "agency") || p.value.trim() === "") return false;
    const current = key === "projectName" ? f.projectName : f.agency;
    if (current !== null) return !sameName(current, p.value);
    return unnamedEnds && f.indicators.length > 0 && !named.some((n) => sameName(n, p.value));
  });
}

/** Whether two names are one spelt two ways: most characters of the shorter stand in the longer. */
function sameName(a: string, b: string): boolean {
  const [x, y] = [keyOf(a), keyOf(b)].sort((p, q) => p.length - q.length) as [string, string];
  if (x.length === 0) return true;
  const shared = [...x].filter((ch) => y.includes(ch)).length;
  return shared / x.length >= SAME_NAME_SHARE;
}
const SAME_NAME_SHARE = 0.6;
