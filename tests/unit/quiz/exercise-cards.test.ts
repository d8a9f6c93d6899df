// Solved coding exercises as cards of the daily review: which are in it, how they are planned next to questions,
// how they are counted, listed in the card browser, and built into the bank file.
import { describe, expect, it } from "vitest";
import { exerciseCardId, exerciseOfCard, isExerciseCard, solvedExerciseCards } from "../../../src/quiz/exercise-cards";
import { nextCard, planReview, sessionCounts } from "../../../src/quiz/review-session";
import { emptyQuizProgress, recordAnswer, QUESTION_ID } from "../../../src/quiz/store";
import { browseCards } from "../../../src/quiz/card-states";
import { markSolved } from "../../../src/exercises/solved";
import { EXERCISES } from "../../../src/exercises";
import { exerciseCards } from "../../../src/quiz/ui/exercise-bank";
import type { QuestionMeta } from "../../../src/quiz/sessions";
import { setLangSource } from "../../../src/i18n/lang";
import { loadCatalog } from "../../../src/i18n/load";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const DAY = 86_400_000;
const q = (id: string, chapter: string): QuestionMeta => ({ id, type: "flashcard", topics: ["adam"], link: `${chapter}#x`, difficulty: 1 });
const CARDS = exerciseCards(EXERCISES);
const BANK = [q("a/1", "01-what-is-deep-learning"), q("a/2", "01-what-is-deep-learning"), q("b/1", "02-neural-network-foundations")];

describe("exercise card ids", () => {
  it("exerciseCardId makes a valid question id that maps back to the exercise", () => {
    for (const ex of EXERCISES) {
      const id = exerciseCardId(ex.id);
      expect(QUESTION_ID.test(id)).toBe(true);
      expect(isExerciseCard(id)).toBe(true);
      expect(exerciseOfCard(id)).toBe(ex.id);
    }
    expect(isExerciseCard("adam/bias")).toBe(false);
  });
});

describe("exerciseCards (the bank file's exercise cards)", () => {
  it("exerciseCards gives one flashcard per exercise, with its topics, statement, link and reference solution", () => {
    expect(CARDS).toHaveLength(EXERCISES.length);
    const lstm = CARDS.find((c) => c.id === "exercises/lstm-step")!;
    expect(lstm).toMatchObject({ type: "flashcard", topics: ["lstm"], href: "exercises/#ex-lstm-step-title" });
    expect(lstm.promptHtml).toContain("Exercise: One LSTM step");
    expect(lstm.promptHtml).toContain('<a href="/exercises/#ex-lstm-step-title">');
    expect(lstm.promptHtml).toContain("<code>hPrev</code>");
    expect(lstm.answerHtml).toContain("function lstmStep(");
    expect(lstm.answerHtml).not.toMatch(/<(?!\/?(p|strong|pre|code)[ >])/); // the code's < and > are escaped
    expect(lstm.text).toMatch(/^Exercise: One LSTM step /);
  });

  it("exerciseCards of a Chinese page are in Chinese, with the same code", async () => {
    await loadCatalog("zh-cn");
    setLangSource(() => "zh-cn");
    try {
      const lstm = exerciseCards(EXERCISES).find((c) => c.id === "exercises/lstm-step")!;
      expect(lstm.promptHtml).toContain("练习：LSTM 的一步");
      expect(lstm.promptHtml).toContain("<code>hPrev</code>");
      expect(lstm.answerHtml).toContain("function lstmStep(");
      expect(lstm.text).toMatch(/^练习：LSTM 的一步 权重按 PyTorch 的顺序/);
    } finally {
      setLangSource(() => undefined);
    }
  });
});

describe("solved exercises in the daily review", () => {
  it("solvedExerciseCards keeps only the cards of solved exercises", () => {
    const p = markSolved(markSolved(emptyQuizProgress(), "mse", T0), "rnn-bptt", T0);
    expect(solvedExerciseCards(CARDS, p).map((c) => c.id)).toEqual(["exercises/mse", "exercises/rnn-bptt"]);
    expect(solvedExerciseCards(CARDS, emptyQuizProgress())).toEqual([]);
  });

  it("planReview schedules a solved exercise like a question: not before its card is due, then before new questions", () => {
    const p = markSolved(emptyQuizProgress(), "mse", T0);
    p.settings.newPerDay = 2;
    const pool = [...BANK, ...solvedExerciseCards(CARDS, p)];
    expect(planReview(pool, p, T0 + DAY, 0)).not.toContain("exercises/mse");
    const due = p.cards["exercises/mse"].due;
    const plan = planReview(pool, p, due, 0);
    expect(plan[0]).toBe("exercises/mse");
    expect(plan).toHaveLength(3); // the exercise, then the two new questions of the day
    expect(nextCard({ planned: plan, answered: [] }, p.cards, due)).toEqual({ id: "exercises/mse", reason: "planned" });
    expect(sessionCounts({ planned: plan, answered: [] }, p.cards)).toEqual({ fresh: 2, learning: 0, review: 1 });
  });

  it("planReview keeps exercise cards whatever chapters are chosen, and drops them when suspended", () => {
    const p = markSolved(emptyQuizProgress(), "mse", T0);
    const pool = [...BANK, ...solvedExerciseCards(CARDS, p)];
    const due = p.cards["exercises/mse"].due;
    p.settings.chapters = ["02-neural-network-foundations"];
    expect(planReview(pool, p, due, 0)).toEqual(["exercises/mse", "b/1"]);
    p.settings.suspended = ["exercises/mse"];
    expect(planReview(pool, p, due, 0)).toEqual(["b/1"]);
  });

  it("a solved exercise without a card (reset, or solved before cards) is owed a review now, never a new card", () => {
    const p = markSolved(emptyQuizProgress(), "mse", T0);
    delete p.cards["exercises/mse"];
    p.settings.newPerDay = 1;
    const pool = [...BANK, ...solvedExerciseCards(CARDS, p)];
    const plan = planReview(pool, p, T0, 0);
    expect(plan).toEqual(["exercises/mse", "a/1"]);
    expect(sessionCounts({ planned: plan, answered: [] }, p.cards)).toEqual({ fresh: 1, learning: 0, review: 1 });
  });

  it("reviewing an exercise card today does not use up a new question of the day", () => {
    const p = markSolved(emptyQuizProgress(), "mse", T0);
    p.settings.newPerDay = 1;
    const due = p.cards["exercises/mse"].due;
    recordAnswer(p, { id: "exercises/mse", at: due, correct: true, topics: ["losses"], rating: "good", mode: "review" });
    const pool = [...BANK, ...solvedExerciseCards(CARDS, p)];
    expect(planReview(pool, p, due + 60_000, 0)).toEqual(["a/1"]);
  });

  it("browseCards lists a solved exercise's card under its topics, found by the word 'exercise'", () => {
    const p = markSolved(emptyQuizProgress(), "batchnorm-forward", T0);
    const rows = browseCards(solvedExerciseCards(CARDS, p), p, { text: "exercise batch", topic: "batch-norm" });
    expect(rows.map((r) => [r.id, r.state, r.due])).toEqual([
      ["exercises/batchnorm-forward", "review", p.cards["exercises/batchnorm-forward"].due],
    ]);
  });
});
