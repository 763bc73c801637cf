/**
 * esc(), num() and percent(): the HTML report's only way from a document's text
 * and numbers to markup. Payloads are those of payloads.ts, which the report
 * and browser tests render whole (hostile-db.ts).
 */
import { describe, expect, it } from "vitest";
import { esc, num, percent } from "../src/report/escape.ts";
import { MARKUP_AGENCY, MARKUP_INDICATOR, MARKUP_PATH, MARKUP_PROJECT, MARKUP_REASON } from "./payloads.ts";

const MARKUP = [MARKUP_PROJECT, MARKUP_AGENCY, MARKUP_INDICATOR, MARKUP_REASON, MARKUP_PATH];

describe("esc", () => {
  it("escapes the five characters that end text or an attribute in HTML", () => {
    expect(esc(`<img src=x onerror="a('b')">&amp;`)).toBe("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;amp;");
    for (const payload of MARKUP) expect(esc(payload)).not.toMatch(/[<>"']/);
  });
  it("leaves other text as it is, numbers as their text, and nothing for null", () => {
    expect(esc("医疗服务与保障能力提升补助资金 79.74%")).toBe("医疗服务与保障能力提升补助资金 79.74%");
    expect(esc(181.82)).toBe("181.82");
    expect(esc(0)).toBe("0");
    expect(esc(null)).toBe("");
    expect(esc(undefined)).toBe("");
  });
  it("numbers and percentages without float noise, nothing for what is not a number", () => {
    expect(num(0.1 + 0.2)).toBe("0.3");
    expect(num(79.7456)).toBe("79.75");
    expect(num(79.7456, 1)).toBe("79.7");
    expect([num(null), num(undefined), num(NaN), num(Infinity)]).toEqual(["", "", "", ""]);
    expect(percent(0.7974)).toBe("79.74%");
    expect(percent(0.797456, 1)).toBe("79.7%");
    expect([percent(null), percent(undefined)]).toEqual(["", ""]);
  });
});
