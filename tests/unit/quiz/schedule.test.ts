import { describe, expect, it } from "vitest";
import { fsrs, createEmptyCard, Rating } from "ts-fsrs";
import { newCard, review, retrievability, reviewQueue, dueCounts, isDue } from "../../../src/quiz/schedule";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000,
  DAY = 86_400_000;

describe("FSRS scheduling", () => {
  it("newCard is new and due immediately", () => {
    const c = newCard(T0);
    expect(c.state).toBe(0);
    expect(c.due).toBe(T0);
    expect(isDue(c, T0)).toBe(true);
  });

  it("review with Again keeps a new card due within minutes (a learning step)", () => {
    const c = review(undefined, "again", T0);
    expect(c.due - T0).toBeLessThanOrEqual(10 * MIN);
    expect(c.state).toBe(1); // learning
  });

  it("review with Good on a learned card pushes it days out, Easy further than Good, Again back to minutes", () => {
    let c = review(undefined, "good", T0); // learning step
    c = review(c, "good", c.due); // graduates
    expect(c.state).toBe(2); // review
    expect(c.due - c.last_review!).toBeGreaterThanOrEqual(DAY);
    const good = review(c, "good", c.due),
      easy = review(c, "easy", c.due),
      again = review(c, "again", c.due);
    expect(good.due - c.due).toBeGreaterThan(2 * DAY);
    expect(easy.due).toBeGreaterThan(good.due);
    expect(again.due - c.due).toBeLessThanOrEqual(10 * MIN);
    expect(again.lapses).toBe(1);
  });

  it("review schedules exactly as ts-fsrs does with fuzz off (dates stored as milliseconds)", () => {
    const f = fsrs({ enable_fuzz: false });
    let card = createEmptyCard(new Date(T0));
    let ours = newCard(T0);
    let now = T0;
    for (const [r, ours4] of [
      [Rating.Good, "good"],
      [Rating.Good, "good"],
      [Rating.Hard, "hard"],
      [Rating.Again, "again"],
      [Rating.Easy, "easy"],
    ] as const) {
      card = f.next(card, new Date(now), r).card;
      ours = review(ours, ours4, now);
      expect(ours.due).toBe(card.due.getTime());
      expect(ours.stability).toBeCloseTo(card.stability, 12);
      expect(ours.difficulty).toBeCloseTo(card.difficulty, 12);
      now = card.due.getTime() + 3_600_000;
    }
  });

  it("retrievability is 0 for an unseen card and decays after a review", () => {
    expect(retrievability(undefined, T0)).toBe(0);
    let c = review(undefined, "good", T0);
    c = review(c, "good", c.due);
    const soon = retrievability(c, c.last_review! + DAY),
      later = retrievability(c, c.last_review! + 30 * DAY);
    expect(soon).toBeGreaterThan(0.8);
    expect(later).toBeLessThan(soon);
  });

  it("reviewQueue puts due cards first (most overdue first), then new ones up to the daily limit", () => {
    const a = review(undefined, "again", T0 - 2 * DAY),
      b = review(undefined, "again", T0 - DAY),
      later = review(review(undefined, "good", T0), "good", T0 + 10 * MIN);
    const cards = { a, b, later };
    const ids = ["n1", "later", "b", "n2", "a", "n3"];
    expect(reviewQueue(ids, cards, T0, { newPerDay: 2 })).toEqual(["a", "b", "n1", "n2"]);
    expect(reviewQueue(ids, cards, T0, { newPerDay: 2, newSeenToday: 1 })).toEqual(["a", "b", "n1"]);
    expect(reviewQueue(ids, cards, T0, { newPerDay: 2, newSeenToday: 5, maxReviews: 1 })).toEqual(["a"]);
    expect(dueCounts(cards, T0)).toEqual({ now: 2, tomorrow: 2 });
  });
});
