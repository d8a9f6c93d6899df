import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { readingMinutes } from "../../../src/content/reading-time";

describe("reading time", () => {
  it("counts English words at 200 a minute and Han characters at 300 a minute", () => {
    expect(readingMinutes("word ".repeat(2000))).toBe(10);
    expect(readingMinutes("梯度".repeat(1500))).toBe(10);
    expect(readingMinutes(`${"word ".repeat(1000)} ${"梯".repeat(1500)}`)).toBe(10);
  });

  it("gives a chapter and its translation reading times within a third of each other", () => {
    for (const file of readdirSync("content/chapters").filter((f) => f.endsWith(".mdx"))) {
      const en = readingMinutes(readFileSync(`content/chapters/${file}`, "utf8"));
      const zh = readingMinutes(readFileSync(`content/zh-cn/chapters/${file}`, "utf8"));
      expect(Math.abs(zh - en) / en, `${file}: ${en} min in English, ${zh} in Chinese`).toBeLessThan(1 / 3);
    }
  });
});
