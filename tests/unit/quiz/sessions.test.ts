import { describe, expect, it } from "vitest";
import {
  practiceSet,
  chapterCheck,
  startMock,
  mockRemaining,
  summarizeMock,
  masteryByTopic,
  streak,
  answersPerDay,
  dailyQueue,
  sectionHref,
  chapterOf,
  type QuestionMeta,
} from "../../../src/quiz/sessions";
import { emptyQuizProgress, recordAnswer } from "../../../src/quiz/store";

const T0 = Date.UTC(2026, 0, 5, 12);
const DAY = 86_400_000;

const bank: QuestionMeta[] = [
  { id: "adam/a1", type: "choice", topics: ["adam"], link: "04-optimization-algorithms#adam", difficulty: 1 },
  { id: "adam/a2", type: "numeric", topics: ["adam"], link: "04-optimization-algorithms#bias-correction", difficulty: 2 },
  {
    id: "adam/a3",
    type: "generated",
    topics: ["adam", "adamw"],
    link: "04-optimization-algorithms#adamw-weight-decay-done-right",
    difficulty: 3,
  },
  { id: "dropout/d1", type: "flashcard", topics: ["dropout"], link: "05-regularization#dropout", difficulty: 1 },
  { id: "dropout/d2", type: "choice", topics: ["dropout"], link: "05-regularization#dropout", difficulty: 2 },
  { id: "cnn/c1", type: "generated", topics: ["cnn"], link: "11-interview-preparation", difficulty: 2 },
];

describe("sessions", () => {
  it("chapterOf and sectionHref turn a link into the chapter and its URL", () => {
    expect(chapterOf("04-optimization-algorithms#adam")).toBe("04-optimization-algorithms");
    expect(sectionHref("04-optimization-algorithms#adam", "/course")).toBe("/course/chapters/04-optimization-algorithms/#adam");
    expect(sectionHref("11-interview-preparation")).toBe("/chapters/11-interview-preparation/");
  });

  it("practiceSet filters by chapter or topic, in a seeded order", () => {
    expect(practiceSet(bank, { chapter: "04-optimization-algorithms" }, { seed: 1 }).sort()).toEqual(["adam/a1", "adam/a2", "adam/a3"]);
    expect(practiceSet(bank, { topic: "adamw" }, { seed: 1 })).toEqual(["adam/a3"]);
    expect(practiceSet(bank, { topic: "dropout", types: ["flashcard"] }, { seed: 2 })).toEqual(["dropout/d1"]);
    expect(practiceSet(bank, {}, { seed: 9 })).toEqual(practiceSet(bank, {}, { seed: 9 }));
    expect(practiceSet(bank, {}, { seed: 9, limit: 2 })).toHaveLength(2);
  });

  it("practiceSet puts questions last answered wrong first, then unseen ones", () => {
    const p = emptyQuizProgress();
    recordAnswer(p, { id: "adam/a1", at: T0, correct: true, topics: ["adam"] });
    recordAnswer(p, { id: "adam/a2", at: T0, correct: false, topics: ["adam"] });
    const ids = practiceSet(bank, { chapter: "04-optimization-algorithms" }, { seed: 4, progress: p });
    expect(ids).toEqual(["adam/a2", "adam/a3", "adam/a1"]);
  });

  it("chapterCheck draws n of the chapter's questions, one of each type first", () => {
    const ids = chapterCheck(bank, "04-optimization-algorithms", 3, 3);
    expect(ids.sort()).toEqual(["adam/a1", "adam/a2", "adam/a3"]);
    expect(chapterCheck(bank, "05-regularization", 3, 1)).toHaveLength(1);
  });

  it("startMock draws n distinct questions from the seed with a deadline", () => {
    const m = startMock(bank, { n: 4, seed: 42, minutes: 20, now: T0 });
    expect(new Set(m.ids).size).toBe(4);
    expect(m.endsAt - m.startedAt).toBe(20 * 60_000);
    expect(startMock(bank, { n: 4, seed: 42, minutes: 20, now: T0 }).ids).toEqual(m.ids);
    expect(mockRemaining(m, T0 + 5 * 60_000)).toBe(15 * 60_000);
    expect(mockRemaining(m, T0 + 60 * 60_000)).toBe(0);
  });

  it("summarizeMock scores, counts unanswered as wrong, and lists weak topics with links", () => {
    const m = { ids: ["adam/a1", "adam/a2", "dropout/d1", "cnn/c1"], seed: 1, startedAt: T0, endsAt: T0 + 10 * 60_000 };
    const s = summarizeMock(
      bank,
      m,
      [
        { id: "adam/a1", correct: true },
        { id: "adam/a2", correct: false },
        { id: "dropout/d1", correct: true },
      ],
      T0 + 11 * 60_000,
    );
    expect(s).toMatchObject({ total: 4, answered: 3, correct: 2, score: 0.5, timedOut: true });
    expect(s.weakTopics.map((w) => w.topic)).toEqual(["cnn", "adam"]);
    expect(s.weakTopics[1].links).toEqual(["04-optimization-algorithms#bias-correction"]);
    expect(s.byTopic.find((t) => t.topic === "dropout")).toMatchObject({ correct: 1, total: 1 });
  });

  it("masteryByTopic averages FSRS recall over each topic's questions and reports recent accuracy", () => {
    const p = emptyQuizProgress();
    for (const id of ["dropout/d1", "dropout/d2"]) {
      recordAnswer(p, { id, at: T0, correct: true, topics: ["dropout"], rating: "good" });
      recordAnswer(p, { id, at: T0 + 600_000, correct: true, topics: ["dropout"], rating: "good" });
    }
    recordAnswer(p, { id: "adam/a1", at: T0, correct: false, topics: ["adam"], rating: "again" });
    const m = masteryByTopic(bank, p, T0 + DAY);
    const dropout = m.find((x) => x.topic === "dropout")!,
      adam = m.find((x) => x.topic === "adam")!,
      cnn = m.find((x) => x.topic === "cnn")!;
    expect(dropout).toMatchObject({ questions: 2, seen: 2, accuracy: 1 });
    expect(dropout.mastery).toBeGreaterThan(0.85);
    expect(dropout.level).toBe("mastered");
    expect(adam.seen).toBe(1);
    expect(adam.accuracy).toBe(0);
    expect(adam.mastery).toBeLessThan(dropout.mastery);
    expect(cnn).toMatchObject({ mastery: 0, level: "new", accuracy: null });
    // recall fades: a month later the same history gives less mastery
    expect(masteryByTopic(bank, p, T0 + 60 * DAY).find((x) => x.topic === "dropout")!.mastery).toBeLessThan(dropout.mastery);
  });

  it("streak counts consecutive local days ending today or yesterday", () => {
    const a = (at: number) => ({ id: "adam/a1", at, correct: true, topics: ["adam"] });
    const h = [a(T0 - 5 * DAY), a(T0 - 4 * DAY), a(T0 - 2 * DAY), a(T0 - DAY), a(T0 - DAY + 1000)];
    expect(streak(h, T0, 0)).toEqual({ current: 2, longest: 2, today: false });
    expect(streak([...h, a(T0)], T0, 0)).toEqual({ current: 3, longest: 3, today: true });
    expect(streak(h, T0 + DAY, 0).current).toBe(0);
    // 23:30 UTC is already the next day in UTC+1 (offset −60)
    expect(streak([a(Date.UTC(2026, 0, 4, 23, 30))], T0, -60)).toMatchObject({ current: 1, today: true });
  });

  it("answersPerDay counts answers and right answers per local day", () => {
    const h = [
      { id: "x/y", at: T0, correct: true, topics: ["adam"] },
      { id: "x/y", at: T0 + 1, correct: false, topics: ["adam"] },
      { id: "x/y", at: T0 - 2 * DAY, correct: true, topics: ["adam"] },
    ];
    expect(answersPerDay(h, 3, T0, 0)).toEqual([
      { day: "2026-01-03", answers: 1, correct: 1 },
      { day: "2026-01-04", answers: 0, correct: 0 },
      { day: "2026-01-05", answers: 2, correct: 1 },
    ]);
  });

  it("dailyQueue counts new questions started today against the daily limit", () => {
    const p = emptyQuizProgress();
    p.settings.newPerDay = 2;
    recordAnswer(p, { id: "adam/a1", at: T0 - 3_600_000, correct: true, topics: ["adam"], rating: "easy" });
    const q = dailyQueue(bank, p, T0, 0);
    expect(q).toEqual(["adam/a2"]); // a1 is not due yet; one new already started today leaves room for one more
  });
});

describe("questionSeed", () => {
  it("questionSeed is stable for an id and salt and differs across salts and ids", async () => {
    const { questionSeed } = await import("../../../src/quiz/sessions");
    expect(questionSeed("adam/gen-adam-step", 1)).toBe(questionSeed("adam/gen-adam-step", 1));
    const seeds = new Set([0, 1, 2, 3, 4].map((s) => questionSeed("adam/gen-adam-step", s)));
    expect(seeds.size).toBe(5);
    expect(questionSeed("a/b")).not.toBe(questionSeed("a/c"));
    expect(Number.isInteger(questionSeed("x"))).toBe(true);
    expect(questionSeed("x")).toBeGreaterThanOrEqual(0);
  });
});
