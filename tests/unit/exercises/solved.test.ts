// Solved exercises in the quiz progress: recorded, read back after a save, migrated from older records, merged.
import { describe, expect, it } from "vitest";
import { exercisesDue, markSolved, solveRating, solvedExercises } from "../../../src/exercises/solved";
import { review } from "../../../src/quiz/schedule";
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

const DAY = 86_400_000;

describe("markSolved", () => {
  it("markSolved makes the first solve an FSRS review card rated Easy, days out, and keeps the first solve time", () => {
    const p = markSolved(emptyQuizProgress(), "adam-step", 1000);
    const card = p.cards["exercises/adam-step"];
    expect(card).toEqual(review(undefined, "easy", 1000));
    expect(card.state).toBe(2); // review: no minutes-long learning step after code that passed every case
    expect(card.due - 1000).toBeGreaterThan(DAY);
    expect(p.exercises?.["adam-step"]).toEqual({ solvedAt: 1000, due: card.due });
    expect(solvedExercises(p)).toEqual(["adam-step"]);
  });
  it("markSolved again before the card is due changes nothing; once due it is a review rated Good", () => {
    const p = markSolved(emptyQuizProgress(), "mse", 1000);
    const first = p.cards["exercises/mse"];
    markSolved(p, "mse", 5000);
    expect(p.cards["exercises/mse"]).toEqual(first);
    markSolved(p, "mse", first.due + 1);
    expect(p.cards["exercises/mse"]).toEqual(review(first, "good", first.due + 1));
    expect(p.cards["exercises/mse"].reps).toBe(2);
    expect(p.exercises?.mse).toEqual({ solvedAt: 1000, due: p.cards["exercises/mse"].due });
  });
  it("solveRating: Easy without a card, Good when due, nothing before", () => {
    const card = review(undefined, "easy", 0);
    expect([solveRating(undefined, 0), solveRating(card, card.due), solveRating(card, card.due - 1)]).toEqual(["easy", "good", null]);
  });
  it("markSolved ignores an id that is not kebab-case", () => {
    const p = markSolved(emptyQuizProgress(), "__proto__", 1);
    expect(solvedExercises(p)).toEqual([]);
    expect(Object.keys(p.cards)).toEqual([]);
  });
  it("exercisesDue lists solved exercises whose card has fallen due, earliest first", () => {
    const p = markSolved(markSolved(emptyQuizProgress(), "mse", 2000), "softmax-stable", 1000);
    const due = (id: string) => p.cards[`exercises/${id}`].due;
    expect(due("softmax-stable")).toBeLessThan(due("mse"));
    expect(exercisesDue(p, due("softmax-stable"))).toEqual(["softmax-stable"]);
    expect(exercisesDue(p, due("mse"))).toEqual(["softmax-stable", "mse"]);
    expect(exercisesDue(p, 3000)).toEqual([]);
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
  it("dashboardSummary counts a solved exercise's card as due once it falls due, unless suspended", () => {
    const p = markSolved(emptyQuizProgress(), "mse", 1);
    const due = p.cards["exercises/mse"].due;
    expect(dashboardSummary([], p, due - 1).dueNow).toBe(0);
    expect(dashboardSummary([], p, due).dueNow).toBe(1);
    p.settings.suspended = ["exercises/mse"];
    expect(dashboardSummary([], p, due).dueNow).toBe(0);
  });
});

describe("readSolved", () => {
  it("readSolved reads what saveQuizProgress wrote, under the quiz key", () => {
    expect(PROGRESS_KEY).toBe(QUIZ_KEY);
    const store = memory();
    saveQuizProgress(store, markSolved(emptyQuizProgress(), "mse", 10));
    expect(Object.keys(readSolved(store.getItem(QUIZ_KEY)))).toEqual(["mse"]);
  });
  it("readSolved takes the due time from the exercise's review card when there is one", () => {
    const raw = (card?: unknown) =>
      JSON.stringify({ exercises: { mse: { solvedAt: 1, due: 2 } }, cards: card ? { "exercises/mse": card } : {} });
    expect(readSolved(raw({ due: 99 })).mse).toEqual({ solvedAt: 1, due: 99 });
    expect(readSolved(raw()).mse).toEqual({ solvedAt: 1, due: 2 });
    expect(readSolved(raw({ due: "soon" })).mse).toEqual({ solvedAt: 1, due: 2 });
  });
  it("readSolved drops malformed entries and survives bad JSON", () => {
    expect(readSolved("{")).toEqual({});
    expect(readSolved(null)).toEqual({});
    expect(
      Object.keys(readSolved('{"exercises":{"__proto__":{"solvedAt":1,"due":2},"ok":{"solvedAt":1,"due":2},"bad":{"due":"x"}}}')),
    ).toEqual(["ok"]);
  });
});
