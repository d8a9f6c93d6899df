import { describe, expect, it } from "vitest";
import { fsrs, createEmptyCard, Rating } from "ts-fsrs";
import { review, preview, isLearning } from "../../../src/quiz/schedule";
import { interleaveChapters, nextCard, planReview, sessionCounts, LEARN_AHEAD_MS } from "../../../src/quiz/review-session";
import { emptyQuizProgress, recordUndoable, undoAnswer, recordAnswer, setSuspended, resetCard } from "../../../src/quiz/store";
import type { QuestionMeta } from "../../../src/quiz/sessions";

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000,
  DAY = 86_400_000;

const q = (id: string, chapter: string): QuestionMeta => ({ id, type: "flashcard", topics: ["adam"], link: `${chapter}#x`, difficulty: 1 });
const BANK = [
  q("a/1", "01-what-is-deep-learning"),
  q("a/2", "01-what-is-deep-learning"),
  q("a/3", "01-what-is-deep-learning"),
  q("b/1", "02-neural-network-foundations"),
  q("b/2", "02-neural-network-foundations"),
  q("c/1", "04-optimization-algorithms"),
];

describe("intervals on the grade buttons", () => {
  it("match ts-fsrs repeat for a new card and for a review card, at the chosen retention", () => {
    for (const retention of [0.8, 0.9, 0.97]) {
      const f = fsrs({ enable_fuzz: false, enable_short_term: true, request_retention: retention });
      const fresh = f.repeat(createEmptyCard(new Date(T0)), new Date(T0));
      const mine = preview(undefined, T0, retention);
      expect(mine.again.due).toBe(fresh[Rating.Again].card.due.getTime());
      expect(mine.hard.due).toBe(fresh[Rating.Hard].card.due.getTime());
      expect(mine.good.due).toBe(fresh[Rating.Good].card.due.getTime());
      expect(mine.easy.due).toBe(fresh[Rating.Easy].card.due.getTime());
      // A graduated card: Good a few days out, shorter at a lower retention's neighbour... compared with ts-fsrs itself.
      let c = review(undefined, "good", T0, retention);
      c = review(c, "good", c.due, retention);
      const later = c.due + DAY;
      const p = preview(c, later, retention);
      expect(p.good).toEqual(review(c, "good", later, retention));
      expect(p.again.due - later).toBe(10 * MIN); // the relearning step
    }
  });

  it("new card: Again 1 min, Good 10 min (the learning steps), Easy days", () => {
    const p = preview(undefined, T0);
    expect(p.again.due - T0).toBe(1 * MIN);
    expect(p.good.due - T0).toBe(10 * MIN);
    expect(p.easy.due - T0).toBeGreaterThanOrEqual(DAY);
  });

  it("a higher desired retention schedules a review card sooner", () => {
    let c = review(undefined, "good", T0);
    c = review(c, "good", c.due);
    c = review(c, "good", c.due);
    const low = preview(c, c.due, 0.8).good.due,
      high = preview(c, c.due, 0.97).good.due;
    expect(high).toBeLessThan(low);
  });
});

describe("a review session", () => {
  it("brings a card failed with Again back in the same session until it is recalled", () => {
    const progress = emptyQuizProgress();
    const planned = planReview(BANK, progress, T0);
    expect(planned).toHaveLength(6);
    const answered: string[] = [];
    let now = T0;
    const shown: string[] = [];
    const first = planned[0];
    for (let k = 0; k < 20; k++) {
      const next = nextCard({ planned, answered }, progress.cards, now);
      if (!next) break;
      shown.push(next.id);
      // The first card is missed twice, everything else known.
      const missed = next.id === first && shown.filter((x) => x === first).length <= 2;
      recordAnswer(progress, { id: next.id, at: now, correct: !missed, topics: ["adam"], rating: missed ? "again" : "easy" });
      answered.push(next.id);
      now += 30_000;
    }
    // Shown once, then again twice more (learn-ahead once the rest is done), then recalled: four times in all.
    expect(shown.filter((x) => x === first).length).toBeGreaterThanOrEqual(3);
    expect(isLearning(progress.cards[first])).toBe(false);
    expect(nextCard({ planned, answered }, progress.cards, now)).toBeNull();
  });

  it("shows a learning card as soon as its step is due, before planned cards, and early only when nothing else is left", () => {
    const progress = emptyQuizProgress();
    const planned = ["a/1", "a/2"];
    recordAnswer(progress, { id: "a/1", at: T0, correct: false, topics: ["adam"], rating: "again" });
    const s = { planned, answered: ["a/1"] };
    expect(nextCard(s, progress.cards, T0 + 1000)).toEqual({ id: "a/2", reason: "planned" });
    expect(nextCard(s, progress.cards, T0 + MIN)).toEqual({ id: "a/1", reason: "learning" });
    recordAnswer(progress, { id: "a/2", at: T0 + 2000, correct: true, topics: ["adam"], rating: "easy" });
    const done = { planned, answered: ["a/1", "a/2"] };
    expect(nextCard(done, progress.cards, T0 + 3000)).toEqual({ id: "a/1", reason: "early" });
    expect(sessionCounts(done, progress.cards)).toEqual({ fresh: 0, learning: 1, review: 0 });
    // A step further away than the learn-ahead limit ends the session.
    progress.cards["a/1"] = { ...progress.cards["a/1"], due: T0 + LEARN_AHEAD_MS + 10_000 };
    expect(nextCard(done, progress.cards, T0 + 3000)).toBeNull();
  });

  it("undo restores the card's previous state, the history and the session queue", () => {
    const progress = emptyQuizProgress();
    const planned = planReview(BANK, progress, T0);
    const before = nextCard({ planned, answered: [] }, progress.cards, T0)!;
    const undo = recordUndoable(progress, { id: before.id, at: T0, correct: false, topics: ["adam"], rating: "again" });
    expect(progress.cards[before.id]).toBeDefined();
    expect(nextCard({ planned, answered: [before.id] }, progress.cards, T0)!.id).not.toBe(before.id);
    undoAnswer(progress, undo);
    expect(progress.cards[before.id]).toBeUndefined();
    expect(progress.history).toHaveLength(0);
    expect(nextCard({ planned, answered: [] }, progress.cards, T0)).toEqual(before);
    // Undo of a second answer on the same card puts back the first answer's card.
    recordAnswer(progress, { id: "a/1", at: T0, correct: true, topics: ["adam"], rating: "good" });
    const card = progress.cards["a/1"];
    const u2 = recordUndoable(progress, { id: "a/1", at: T0 + MIN, correct: false, topics: ["adam"], rating: "again" });
    undoAnswer(progress, u2);
    expect(progress.cards["a/1"]).toEqual(card);
    expect(progress.history).toHaveLength(1);
  });

  it("settings change the queue: new cards per day, chapters, suspended cards", () => {
    const progress = emptyQuizProgress();
    progress.settings.newPerDay = 2;
    expect(planReview(BANK, progress, T0)).toHaveLength(2);
    progress.settings.newPerDay = 10;
    progress.settings.chapters = ["02-neural-network-foundations"];
    expect(planReview(BANK, progress, T0).sort()).toEqual(["b/1", "b/2"]);
    progress.settings.chapters = [];
    setSuspended(progress, "b/1", true);
    expect(planReview(BANK, progress, T0)).not.toContain("b/1");
    // A suspended card in learning never comes back in the session either.
    recordAnswer(progress, { id: "b/1", at: T0, correct: false, topics: ["adam"], rating: "again" });
    expect(nextCard({ planned: [], answered: ["b/1"] }, progress.cards, T0 + MIN, new Set(progress.settings.suspended))).toBeNull();
    setSuspended(progress, "b/1", false);
    expect(progress.settings.suspended).toEqual([]);
    resetCard(progress, "b/1");
    expect(planReview(BANK, progress, T0)).toContain("b/1");
  });

  it("new cards take turns between chapters, the same way for the same day", () => {
    const chapterOf = (id: string) => id[0];
    const ids = ["a/1", "a/2", "a/3", "b/1", "b/2", "c/1"];
    const mixed = interleaveChapters(ids, chapterOf, 7);
    expect(mixed).toEqual(interleaveChapters(ids, chapterOf, 7));
    expect(new Set(mixed.slice(0, 3).map(chapterOf)).size).toBe(3);
    expect(mixed.filter((id) => id[0] === "a")).toEqual(["a/1", "a/2", "a/3"]); // course order within a chapter
    const starts = new Set([0, 1, 2, 3, 4, 5, 6, 7].map((s) => interleaveChapters(ids, chapterOf, s)[0][0]));
    expect(starts.size).toBeGreaterThan(1); // the day decides which chapter leads
    const planned = planReview(BANK, emptyQuizProgress(), T0);
    expect(
      planned
        .slice(0, 3)
        .map((id) => id[0])
        .sort(),
    ).toEqual(["a", "b", "c"]);
  });
});

describe("the card browser's model", () => {
  const bank = [
    { id: "adam/bias", text: "Why does Adam correct the bias of its moments?", topics: ["adam" as const] },
    { id: "cnn/out", text: "Output size of a convolution", topics: ["cnn" as const] },
    { id: "cnn/pool", text: "What does max pooling do?", topics: ["cnn" as const] },
  ];
  it("filters by text (every word, case and accents ignored), topic and state; suspended wins", async () => {
    const { browseCards, cardState } = await import("../../../src/quiz/card-states");
    const p = emptyQuizProgress();
    expect(browseCards(bank, p, {}).map((r) => r.state)).toEqual(["new", "new", "new"]);
    expect(browseCards(bank, p, { text: "ADAM moments" }).map((r) => r.id)).toEqual(["adam/bias"]);
    expect(browseCards(bank, p, { text: "convolütion" }).map((r) => r.id)).toEqual(["cnn/out"]);
    expect(browseCards(bank, p, { topic: "cnn" }).map((r) => r.id)).toEqual(["cnn/out", "cnn/pool"]);
    recordAnswer(p, { id: "cnn/out", at: T0, correct: false, topics: ["cnn"], rating: "again" });
    expect(cardState(p, "cnn/out")).toBe("learning");
    let c = review(undefined, "easy", T0);
    c = review(c, "again", c.due);
    p.cards["adam/bias"] = c;
    expect(browseCards(bank, p, { state: "relearning" }).map((r) => r.id)).toEqual(["adam/bias"]);
    setSuspended(p, "cnn/pool", true);
    expect(browseCards(bank, p, { state: "suspended" }).map((r) => r.id)).toEqual(["cnn/pool"]);
    expect(browseCards(bank, p, { state: "new" })).toEqual([]);
  });
});
