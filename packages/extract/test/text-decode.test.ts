/** decodeText: a few bad bytes are replaced (with a warning), UTF-16 with a BOM is read, binary is still refused. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { decodeText, decodeTextWithWarnings, extractBytes, extractText } from "@jixiao/extract";

const enc = new TextEncoder();
const TEXT = "项目名称\t医疗服务与保障能力提升补助资金\n总分\t\t100\t98\n";

describe("decodeText", () => {
  it("replaces one bad byte instead of refusing the file, and says how many and where", () => {
    const good = enc.encode(TEXT);
    const bytes = new Uint8Array([...good.subarray(0, 12), 0xff, ...good.subarray(12)]);
    const { text, warnings } = decodeTextWithWarnings(bytes);
    expect(text).toBe("项目名称\uFFFD\t医疗服务与保障能力提升补助资金\n总分\t\t100\t98\n");
    expect(warnings).toEqual(["txt: 1 byte sequence not valid UTF-8 replaced with U+FFFD (first at byte offset 12)"]);
  });

  it("points at the start of a sequence cut short, and keeps the warning on the extracted document", () => {
    const bytes = new Uint8Array([...enc.encode("项目名称\t"), 0xe5, 0x8c, ...enc.encode("医疗服务\n总分\t100\t98\n")]);
    const doc = extractText(bytes);
    expect(doc.warnings).toEqual(["txt: 1 byte sequence not valid UTF-8 replaced with U+FFFD (first at byte offset 13)"]);
    expect(doc.blocks[0]).toMatchObject({ kind: "table" });
  });

  it("does not count a U+FFFD the file itself holds", () => {
    expect(decodeTextWithWarnings(enc.encode("a\uFFFDb\tc")).warnings).toEqual([]);
  });

  it("reads UTF-16LE and UTF-16BE with a byte-order mark (Windows Notepad's Unicode)", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/\n/g, "\r\n"), "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    expect(be[0]).toBe(0xfe);
    for (const bytes of [le, be]) {
      expect(decodeText(bytes)).toBe(TEXT.replace(/\n/g, "\r\n"));
      const doc = await extractBytes(bytes, { fileName: "form.txt" });
      expect(doc.format).toBe("txt");
      expect(doc.warnings).toEqual([]);
      expect(doc.blocks).toHaveLength(1);
    }
  });

  it("still reads GB18030, and reads UTF-8 with a bad byte as UTF-8 rather than as GB18030 mojibake", () => {
    expect(decodeText(new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0x09, 0x31]))).toBe("项目\t1");
    const bytes = new Uint8Array([...enc.encode("绩效指标\t产出指标\t数量指标"), 0xc0, ...enc.encode("\t≥12个\n")]);
    expect(decodeText(bytes)).toBe("绩效指标\t产出指标\t数量指标\uFFFD\t≥12个\n");
  });

  it("still refuses a binary file with the one-line reason", () => {
    const bytes = readFileSync(new URL("../../../fixtures/broken/binary.txt", import.meta.url));
    expect(() => decodeText(bytes)).toThrow(/^not text: expected UTF-8 or GB18030 text, found bytes that decode as neither$/);
    const random = new Uint8Array(2000).map((_, i) => (i * 7919 + 13) % 256);
    expect(() => decodeText(random)).toThrow(/^not text/);
  });
});
