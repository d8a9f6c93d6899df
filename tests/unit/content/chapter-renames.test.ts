import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { CHAPTER_RENAMES, currentChapter } from "../../../src/content/chapter-renames";
import { readProgress } from "../../../src/progress/store";
import { settingsSchema } from "../../../src/quiz/store";

describe("renamed chapters", () => {
  it("map each old slug to a chapter that exists, and no old slug is still a chapter file", () => {
    for (const [old, current] of Object.entries(CHAPTER_RENAMES)) {
      expect(existsSync(`content/chapters/${current}.mdx`)).toBe(true);
      expect(existsSync(`content/chapters/${old}.mdx`)).toBe(false);
    }
  });

  it("give the current slug for an old slug or path and leave anything else alone", () => {
    expect(currentChapter("09-interview-preparation")).toBe("11-interview-preparation");
    expect(currentChapter("chapters/09-interview-preparation")).toBe("chapters/11-interview-preparation");
    expect(currentChapter("chapters/04-optimization-algorithms")).toBe("chapters/04-optimization-algorithms");
    expect(currentChapter("__proto__")).toBe("__proto__");
    expect(currentChapter("toString")).toBe("toString");
  });

  it("move saved reading progress to the new slug, merged with an entry already there", () => {
    const { progress, dropped } = readProgress({
      version: 1,
      chapters: {
        "chapters/11-interview-preparation": { position: 0.2, read: false, visitedAt: 50 },
        "chapters/09-interview-preparation": { position: 0.95, read: true, visitedAt: 10 },
      },
      last: "chapters/09-interview-preparation",
    });
    expect(dropped).toBe(false);
    expect(Object.keys(progress.chapters)).toEqual(["chapters/11-interview-preparation"]);
    expect(progress.chapters["chapters/11-interview-preparation"]).toEqual({ position: 0.95, read: true, visitedAt: 50 });
    expect(progress.last).toBe("chapters/11-interview-preparation");
  });

  it("keep a chapter chosen for the daily review chosen under its new slug, once", () => {
    const s = settingsSchema.parse({ chapters: ["09-interview-preparation", "11-interview-preparation", "04-optimization-algorithms"] });
    expect(s.chapters).toEqual(["11-interview-preparation", "04-optimization-algorithms"]);
  });
});
