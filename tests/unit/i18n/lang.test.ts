import { describe, expect, it } from "vitest";
import { langOfPath, langOfTag, pageBase, withoutLangPrefix } from "../../../src/i18n/lang";
import { chapterSlugOf } from "../../../src/content/chapter-id";
import { t, catalogSubset } from "../../../src/i18n";
import { loadCatalog } from "../../../src/i18n/load";
import { translateQuestion } from "../../../src/quiz/translation";
import type { Question } from "../../../src/quiz/schema";

describe("languages", () => {
  it("reads a page's language from its path, under any base", () => {
    expect(langOfPath("/chapters/06-vanishing-gradients/")).toBe("en");
    expect(langOfPath("/zh-cn/chapters/06-vanishing-gradients/")).toBe("zh-cn");
    expect(langOfPath("/course/zh-cn/", "/course/")).toBe("zh-cn");
    expect(langOfPath("/course/zh-cn", "/course/")).toBe("zh-cn");
    expect(langOfPath("/zh-cnx/")).toBe("en");
    expect(langOfTag("zh-CN")).toBe("zh-cn");
    expect(langOfTag("en")).toBe("en");
  });

  it("shares one chapter slug and one progress key between languages", () => {
    expect(withoutLangPrefix("zh-cn/chapters/04-optimization-algorithms/")).toBe("chapters/04-optimization-algorithms/");
    expect(chapterSlugOf("zh-cn/chapters/04-optimization-algorithms")).toBe("04-optimization-algorithms");
    expect(chapterSlugOf("chapters/04-optimization-algorithms")).toBe("04-optimization-algorithms");
    expect(chapterSlugOf("questions/adam")).toBeUndefined();
    expect(pageBase("zh-cn")).toBe("/zh-cn/");
    expect(pageBase("en")).toBe("/");
  });

  it("gives the Chinese string once loaded, with the same placeholders filled", async () => {
    await loadCatalog("zh-cn");
    expect(t("home.minutes", { minutes: 7 }, "en")).toBe("7 min read");
    const zh = t("home.minutes", { minutes: 7 }, "zh-cn");
    expect(zh).toContain("7");
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    const part = catalogSubset(["quizCore."], "zh-cn");
    expect(part.lang).toBe("zh-cn");
    expect(Object.keys(part.messages).length).toBeGreaterThan(5);
    expect(Object.keys(part.messages).every((k) => k.startsWith("quizCore."))).toBe(true);
  });
});

describe("a question's translation", () => {
  const choice: Question = {
    type: "choice",
    prompt: "Which?",
    topics: ["adam"],
    difficulty: 1,
    link: "04-optimization-algorithms#adam",
    answer: "This one.",
    options: [
      { text: "A", correct: true, why: "Because." },
      { text: "B", correct: false },
    ],
  };

  it("takes the text and keeps what is not text", () => {
    const zh = translateQuestion(
      choice,
      { translatedFrom: "0123456789ab", prompt: "哪个？", answer: "这个。", options: [{ text: "甲", why: "因为。" }, { text: "乙" }] },
      "q.yaml",
    );
    expect(zh).toMatchObject({ prompt: "哪个？", answer: "这个。", link: choice.link, topics: ["adam"] });
    if (zh.type !== "choice") throw new Error("type changed");
    expect(zh.options.map((o) => [o.text, o.correct, o.why])).toEqual([
      ["甲", true, "因为。"],
      ["乙", false, undefined],
    ]);
  });

  it("refuses a half translation, naming the file and what is missing", () => {
    expect(() =>
      translateQuestion(
        choice,
        { translatedFrom: "0123456789ab", prompt: "哪个？", answer: "这个。", options: [{ text: "甲" }, { text: "乙" }] },
        "q.yaml",
      ),
    ).toThrow(/q\.yaml: needs "options\[0\]\.why"/);
    expect(() =>
      translateQuestion(
        choice,
        { translatedFrom: "0123456789ab", prompt: "哪个？", answer: "这个。", options: [{ text: "甲", why: "因为。" }] },
        "q.yaml",
      ),
    ).toThrow(/1 options; its English source has 2/);
    expect(() =>
      translateQuestion(
        choice,
        { translatedFrom: "0123456789ab", prompt: "哪个？", options: [{ text: "甲", why: "因为。" }, { text: "乙" }] },
        "q.yaml",
      ),
    ).toThrow(/needs "answer"/);
  });
});
