// Solved exercises in the quiz progress: recorded, read back after a save, migrated from older records, merged.
import { describe, expect, it } from "vitest";
import { EXERCISE_INTERVAL_MS, exercisesDue, markSolved, solvedExercises } from "../../../src/exercises/solved";
import { PROGRESS_KEY, readSolved } from "../../../src/exercises/solved-view";
import { dashboardSummary } from "../../../src/quiz/ui/dashboard-model";
import { QUIZ_KEY, emptyQuizProgress, loadQuizProgress, mergeQuizProgress, saveQuizProgress } from "../../../src/quiz/store";

const memory = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};

describe("markSolved", () => {
  it("markSolved records the exercise, due a week later, and keeps the first solve time", () => {
    const p = markSolved(emptyQuizProgress(), "adam-step", 1000);
    markSolved(p, "adam-step", 5000);
    expect(p.exercises?.["adam-step"]).toEqual({ solvedAt: 1000, due: 5000 + EXERCISE_INTERVAL_MS });
    expect(solvedExercises(p)).toEqual(["adam-step"]);
  });
  it("markSolved ignores an id that is not kebab-case", () => {
    expect(solvedExercises(markSolved(emptyQuizProgress(), "__proto__", 1))).toEqual([]);
  });
  it("exercisesDue lists solved exercises whose due time has come, earliest first", () => {
    const p = markSolved(markSolved(emptyQuizProgress(), "mse", 2000), "softmax-stable", 1000);
    expect(exercisesDue(p, 1000 + EXERCISE_INTERVAL_MS)).toEqual(["softmax-stable"]);
    expect(exercisesDue(p, 3000 + EXERCISE_INTERVAL_MS)).toEqual(["softmax-stable", "mse"]);
  });
});

describe("the exercises record in the quiz store", () => {
  it("loadQuizProgress reads a record saved before exercises existed, with none solved", () => {
    const store = memory();
    const old = emptyQuizProgress();
    store.setItem("dlf.quiz.v1", JSON.stringify({ version: 1, cards: old.cards, history: [], settings: old.settings }));
    const r = loadQuizProgress(store);
    expect(r.status).toBe("ok");
    expect(solvedExercises(r.progress)).toEqual([]);
  });
  it("saveQuizProgress then loadQuizProgress keeps the solved exercises", () => {
    const store = memory();
    saveQuizProgress(store, markSolved(emptyQuizProgress(), "dense-backward", 10));
    expect(solvedExercises(loadQuizProgress(store).progress)).toEqual(["dense-backward"]);
  });
  it("loadQuizProgress salvages valid solved exercises from a damaged record", () => {
    const store = memory();
    store.setItem(
      "dlf.quiz.v1",
      JSON.stringify({ version: 1, cards: 5, history: [], exercises: { mse: { solvedAt: 1, due: 2 }, "Bad Id": { solvedAt: 1, due: 2 } } }),
    );
    const r = loadQuizProgress(store);
    expect(r.status).toBe("recovered");
    expect(solvedExercises(r.progress)).toEqual(["mse"]);
  });
  it("mergeQuizProgress keeps the union of solved exercises and the earlier solve", () => {
    const a = markSolved(emptyQuizProgress(), "mse", 50);
    const b = markSolved(markSolved(emptyQuizProgress(), "mse", 10), "attention", 20);
    const merged = mergeQuizProgress(a, b).progress;
    expect(merged.exercises?.mse.solvedAt).toBe(10);
    expect(solvedExercises(merged).sort()).toEqual(["attention", "mse"]);
  });
});

describe("dashboardSummary", () => {
  it("dashboardSummary counts the solved exercises", () => {
    const p = markSolved(markSolved(emptyQuizProgress(), "mse", 1), "attention", 2);
    expect(dashboardSummary([], p, 10).exercisesSolved).toBe(2);
    expect(dashboardSummary([], emptyQuizProgress(), 10).exercisesSolved).toBe(0);
  });
});

describe("readSolved", () => {
  it("readSolved reads what saveQuizProgress wrote, under the quiz key", () => {
    expect(PROGRESS_KEY).toBe(QUIZ_KEY);
    const store = memory();
    saveQuizProgress(store, markSolved(emptyQuizProgress(), "mse", 10));
    expect(Object.keys(readSolved(store.getItem(QUIZ_KEY)))).toEqual(["mse"]);
  });
  it("readSolved drops malformed entries and survives bad JSON", () => {
    expect(readSolved("{")).toEqual({});
    expect(readSolved(null)).toEqual({});
    expect(
      Object.keys(readSolved('{"exercises":{"__proto__":{"solvedAt":1,"due":2},"ok":{"solvedAt":1,"due":2},"bad":{"due":"x"}}}')),
    ).toEqual(["ok"]);
  });
});
