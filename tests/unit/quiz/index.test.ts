import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import * as quiz from "../../../src/quiz";

describe("quiz public API", () => {
  it("index exports the grading, scheduling, store and session functions", () => {
    for (const name of [
      "gradeChoice",
      "gradeNumeric",
      "gradeGenerated",
      "gradeFlashcard",
      "shuffleOptions",
      "parseNumber",
      "review",
      "reviewQueue",
      "loadQuizProgress",
      "saveQuizProgress",
      "recordAnswer",
      "exportQuizProgress",
      "importQuizProgress",
      "practiceSet",
      "chapterCheck",
      "dailyQueue",
      "startMock",
      "summarizeMock",
      "masteryByTopic",
      "streak",
      "answersPerDay",
      "sectionHref",
    ]) {
      expect(typeof (quiz as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(quiz.generators.size).toBeGreaterThanOrEqual(30);
  });

  it("every export line of src/quiz/index.ts has a doc comment above it", () => {
    const lines = readFileSync("src/quiz/index.ts", "utf8").split("\n");
    lines.forEach((line, k) => {
      if (line.startsWith("export")) expect(lines[k - 1], `line ${k + 1}`).toMatch(/^\/\*\*.*\*\/$/);
    });
  });

  it("an answer graded, recorded and saved comes back after a reload (the whole flow, in memory)", () => {
    const items: Record<string, string> = {};
    const store = { getItem: (k: string) => items[k] ?? null, setItem: (k: string, v: string) => void (items[k] = v) };
    const now = Date.UTC(2026, 1, 1);
    const { progress } = quiz.loadQuizProgress(store);
    const q = quiz.generators.get("conv-output-size")!.generate(8);
    const r = quiz.gradeGenerated(q, String(q.answer));
    quiz.recordAnswer(progress, {
      id: "cnn/gen-conv-output-size",
      at: now,
      correct: r.correct,
      topics: ["cnn"],
      rating: r.rating,
      mode: "practice",
    });
    expect(quiz.saveQuizProgress(store, progress).ok).toBe(true);
    const again = quiz.loadQuizProgress(store).progress;
    expect(again.history).toHaveLength(1);
    expect(again.cards["cnn/gen-conv-output-size"].reps).toBe(1);
  });
});
