import { describe, expect, it } from "vitest";
import { dashboardSummary, dueForecast, historyRows, masteryRows } from "../../../../src/quiz/ui/dashboard-model";
import { emptyQuizProgress, recordAnswer } from "../../../../src/quiz/store";
import { review, retrievability } from "../../../../src/quiz/schedule";
import type { QuestionMeta } from "../../../../src/quiz/sessions";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 27, 12);
const bank: QuestionMeta[] = [
  { id: "adam/a", type: "choice", topics: ["adam"], link: "04-optimization-algorithms#adam", difficulty: 1 },
  { id: "adam/b", type: "numeric", topics: ["adam"], link: "04-optimization-algorithms#adam", difficulty: 2 },
  { id: "cnn/c", type: "flashcard", topics: ["cnn"], link: "11-interview-preparation#convolutional-networks", difficulty: 1 },
];

describe("dashboard model", () => {
  it("masteryRows orders topics as the course does and averages FSRS recall over each topic's questions", () => {
    const p = emptyQuizProgress();
    recordAnswer(p, { id: "adam/a", at: now - DAY, correct: true, topics: ["adam"], rating: "good" });
    const rows = masteryRows(bank, p, now);
    expect(rows.map((r) => r.topic)).toEqual(["adam", "cnn"]);
    const expected = retrievability(p.cards["adam/a"], now) / 2; // adam/b unseen counts 0
    expect(rows[0].mastery).toBeCloseTo(expected, 12);
    expect(rows[0].percent).toBe(Math.round(1000 * expected) / 10);
    expect(rows[1]).toMatchObject({ topic: "cnn", percent: 0, seen: 0, level: "new" });
  });
  it("dueForecast puts overdue cards on day 0 and counts later ones on their day", () => {
    const card = (due: number) => ({ ...review(undefined, "good", now - 10 * DAY), due });
    const cards = { a: card(now - 3 * DAY), b: card(now + 1000), c: card(now + 2 * DAY), d: card(now + 40 * DAY) };
    const rows = dueForecast(cards, now, 14, 0);
    expect(rows).toHaveLength(14);
    expect(rows[0]).toEqual({ offset: 0, day: "2026-11-27", due: 2 });
    expect(rows[2].due).toBe(1);
    expect(rows.reduce((s, r) => s + r.due, 0)).toBe(3); // the card 40 days ahead is outside the window
  });
  it("dashboardSummary counts due reviews, answers, questions seen and the streak", () => {
    const p = emptyQuizProgress();
    recordAnswer(p, { id: "adam/a", at: now - DAY, correct: true, topics: ["adam"], rating: "again" });
    recordAnswer(p, { id: "cnn/c", at: now - 60_000, correct: true, topics: ["cnn"], rating: "good" });
    recordAnswer(p, { id: "gone/x", at: now - 60_000, correct: false, topics: ["adam"], rating: "again" });
    const s = dashboardSummary(bank, p, now, 0);
    expect(s).toMatchObject({ answered: 3, seen: 2, total: 3, streak: 2, longest: 2 });
    expect(s.dueNow).toBe(1); // adam/a, answered "again" a day ago; cnn/c is due later; gone/x is not in the bank
    p.settings.suspended = ["adam/a"];
    expect(dashboardSummary(bank, p, now, 0).dueNow).toBe(0); // suspended: out of the review
  });
  it("historyRows returns one row per day, oldest first", () => {
    const p = emptyQuizProgress();
    recordAnswer(p, { id: "adam/a", at: now, correct: true, topics: ["adam"] });
    recordAnswer(p, { id: "adam/b", at: now - 2 * DAY, correct: false, topics: ["adam"] });
    const rows = historyRows(p, now, 30, 0);
    expect(rows).toHaveLength(30);
    expect(rows[29]).toEqual({ day: "2026-11-27", answers: 1, correct: 1 });
    expect(rows[27]).toEqual({ day: "2026-11-25", answers: 1, correct: 0 });
  });
});
