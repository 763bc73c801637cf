/**
 * The empty tick boxes of a choice list, read by the recogniser as 口
 * (readTickBoxes). Each line is one the recogniser read from the 200-dpi scans
 * of the real fixtures (黑龙江 目标表, 湖北 2019 监控表 and 2022 自评表, 湖南 2021
 * 目标表, 江苏 2018 申报表), as it read it.
 */
import { describe, expect, it } from "vitest";
import { readTickBoxes } from "../src/tick-boxes.ts";
import type { TextBox } from "../src/text-box.ts";

const line = (text: string): TextBox => ({
  text, confidence: 0.9, x0: 100, y0: 200, x1: 100 + 30 * text.length, y1: 232,
  chars: [...text].map((ch, k) => ({ text: ch, confidence: 0.9, x0: 100 + 30 * k, x1: 130 + 30 * k })),
});
const read = (text: string) => readTickBoxes(line(text)).text;

describe("the tick boxes of a choice list", () => {
  it("are boxes after each option, before the next option's number, or at the line's end", () => {
    expect(read("新增项目口延续项目口")).toBe("新增项目□延续项目□");
    expect(read("1、持续性项目口2、新增性项目口")).toBe("1、持续性项目□2、新增性项目□");
    expect(read("1、持续性项目2、新增性项目口")).toBe("1、持续性项目2、新增性项目□");
    expect(read("1、常年性项目口√2、延续性项目口3、一次性项目口")).toBe("1、常年性项目□√2、延续性项目□3、一次性项目□");
    expect(read("新增项目口延续项目√")).toBe("新增项目□延续项目√");
  });

  it("are boxes before each option too", () => {
    expect(read("口新增口延续")).toBe("□新增□延续");
  });

  it("keep their character and its confidence, only the text changes", () => {
    const box = readTickBoxes(line("新增项目口延续项目口"));
    expect(box.chars.map((c) => c.text).join("")).toBe(box.text);
    expect(box.chars[4]).toMatchObject({ text: "□", confidence: 0.9, x0: 220, x1: 250 });
  });

  it("leave a 口 that makes a word (人口, 出口, 口径), and a line that is no list of options", () => {
    expect(read("统计口径一致")).toBe("统计口径一致");
    expect(read("人口普查口径")).toBe("人口普查口径");
    expect(read("1、出口2、进口")).toBe("1、出口2、进口");
    expect(read("项目口")).toBe("项目口");
    const plain = line("服务窗口");
    expect(readTickBoxes(plain)).toBe(plain);
  });
});
