import { describe, expect, it } from "vitest";
import {
  loadQuizProgress,
  saveQuizProgress,
  exportQuizProgress,
  importQuizProgress,
  mergeQuizProgress,
  migrateV0,
  recordAnswer,
  emptyQuizProgress,
  QUIZ_KEY,
  QUIZ_KEY_V0,
  type KeyValueStore,
  type QuizProgress,
} from "../../../src/quiz/store";
import { backupKeyFor } from "../../../src/progress/recover";

const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { items: Record<string, string> } {
  const items = { ...initial };
  return { items, getItem: (k) => (k in items ? items[k] : null), setItem: (k, v) => void (items[k] = v) };
}

function sample(): QuizProgress {
  const p = emptyQuizProgress();
  recordAnswer(p, { id: "adam/bias", at: T0, correct: true, topics: ["adam"], rating: "good", mode: "practice" });
  recordAnswer(p, { id: "cnn/out", at: T0 + 1000, correct: false, topics: ["cnn"], rating: "again", mode: "mock" });
  return p;
}

describe("quiz progress store", () => {
  it("loadQuizProgress starts empty without a message when nothing is saved", () => {
    const r = loadQuizProgress(memoryStore());
    expect(r.status).toBe("empty");
    expect(r.progress).toEqual(emptyQuizProgress());
    expect(r.message).toBeUndefined();
  });

  it("a record saved before the review settings existed loads as is, with their defaults (no data lost, no backup)", () => {
    const old = { version: 1, cards: sample().cards, history: sample().history, settings: { newPerDay: 4, mockSize: 10, mockMinutes: 30 } };
    const store = memoryStore({ [QUIZ_KEY]: JSON.stringify(old) });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("ok");
    expect(r.progress.settings).toEqual({ newPerDay: 4, mockSize: 10, mockMinutes: 30, retention: 0.9, chapters: [], suspended: [] });
    expect(r.progress.history).toHaveLength(2);
    expect(Object.keys(store.items)).toEqual([QUIZ_KEY]);
  });

  it("saveQuizProgress then loadQuizProgress round-trips (nothing lost on reload)", () => {
    const store = memoryStore(),
      p = sample();
    expect(saveQuizProgress(store, p)).toEqual({ ok: true });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("ok");
    expect(r.progress).toEqual(p);
  });

  it("recordAnswer appends to the history and reviews the question's FSRS card", () => {
    const p = sample();
    expect(p.history).toHaveLength(2);
    expect(p.cards["adam/bias"].reps).toBe(1);
    expect(p.cards["cnn/out"].due - (T0 + 1000)).toBeLessThanOrEqual(10 * 60_000);
  });

  it("migrateV0 turns attempts into history and rebuilds cards by replaying them", () => {
    const v0 = {
      attempts: [
        { q: "adam/bias", t: T0 + DAY, ok: true },
        { q: "adam/bias", t: T0, ok: false },
        { q: "rnn/params", t: T0, ok: true },
      ],
      boxes: { "adam/bias": 2 },
    };
    const p = migrateV0(v0);
    expect(p.version).toBe(1);
    expect(p.history.map((a) => [a.id, a.at, a.correct, a.topics[0]])).toEqual([
      ["adam/bias", T0, false, "adam"],
      ["rnn/params", T0, true, "rnn"],
      ["adam/bias", T0 + DAY, true, "adam"],
    ]);
    expect(p.cards["adam/bias"].reps).toBe(2);
    expect(p.cards["adam/bias"].lapses).toBe(0); // the first review was a learning Again, not a lapse
    expect(p.cards["rnn/params"].reps).toBe(1);
  });

  it("loadQuizProgress migrates a version-0 record from the old key and says so", () => {
    const store = memoryStore({ [QUIZ_KEY_V0]: JSON.stringify({ attempts: [{ q: "gan/loss", t: T0, ok: true }] }) });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("migrated");
    expect(r.progress.history).toHaveLength(1);
    expect(r.message).toMatch(/older format \(1 answers kept\)/);
    expect(store.items[QUIZ_KEY_V0]).toBeDefined(); // the old record is left in place
  });

  it("loadQuizProgress backs up text that is not JSON and reports it, instead of wiping it", () => {
    const store = memoryStore({ [QUIZ_KEY]: "{oops" });
    const r = loadQuizProgress(store);
    const key = backupKeyFor(QUIZ_KEY, "{oops");
    expect(key).toMatch(new RegExp(`^${QUIZ_KEY}\\.unreadable\\.[0-9a-f]{8}$`));
    expect(r.status).toBe("unreadable");
    expect(r.backupKey).toBe(key);
    expect(store.items[key]).toBe("{oops");
    expect(r.message).toContain(key);
  });

  it("loadQuizProgress keeps what validates in a damaged record, backs up the raw text, counts the rest", () => {
    const good = sample();
    const raw = JSON.stringify({
      version: 1,
      cards: { ...good.cards, "bad/card": { due: "tomorrow" } },
      history: [...good.history, { id: "x/y", at: "noon", correct: true, topics: ["adam"] }, null],
      settings: { newPerDay: -4, mockSize: 12 },
    });
    const store = memoryStore({ [QUIZ_KEY]: raw });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("recovered");
    expect(r.progress.cards).toEqual(good.cards);
    expect(r.progress.history).toEqual(good.history);
    expect(r.progress.settings).toEqual({ newPerDay: 10, mockSize: 12, mockMinutes: 30, retention: 0.9, chapters: [], suspended: [] });
    expect(store.items[backupKeyFor(QUIZ_KEY, raw)]).toBe(raw);
    expect(r.message).toMatch(/4 kept, 4 dropped/);
  });

  it("loadQuizProgress does not overwrite a record written by a newer version", () => {
    const raw = JSON.stringify({ version: 2, cards: {}, history: sample().history, settings: {}, extra: true });
    const store = memoryStore({ [QUIZ_KEY]: raw });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("newer");
    expect(r.progress.history).toHaveLength(2);
    expect(store.items[backupKeyFor(QUIZ_KEY, raw)]).toBe(raw);
  });

  it("saveQuizProgress reports a full storage (QuotaExceededError) instead of swallowing it", () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
    };
    const r = saveQuizProgress(full, sample());
    expect(r).toMatchObject({ ok: false, reason: "quota" });
    if (!r.ok) expect(r.message).toMatch(/storage is full/);
    const blocked: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error("SecurityError: denied");
      },
    };
    expect(saveQuizProgress(blocked, sample())).toMatchObject({ ok: false, reason: "blocked" });
  });

  it("exportQuizProgress then importQuizProgress into an empty store gives the same progress", () => {
    const p = sample();
    const r = importQuizProgress(emptyQuizProgress(), exportQuizProgress(p, T0));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.progress.history).toEqual(p.history);
      expect(r.progress.cards).toEqual(p.cards);
      expect(r.addedAnswers).toBe(2);
    }
  });

  it("importQuizProgress merges: union of histories without duplicates, the newer card per question", () => {
    const here = sample();
    const there = sample();
    recordAnswer(there, { id: "adam/bias", at: T0 + 2 * DAY, correct: true, topics: ["adam"], rating: "good" });
    recordAnswer(here, { id: "gan/loss", at: T0 + DAY, correct: true, topics: ["gan"], rating: "easy" });
    const r = importQuizProgress(here, exportQuizProgress(there));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.addedAnswers).toBe(1);
    expect(r.progress.history.map((a) => a.at)).toEqual([T0, T0 + 1000, T0 + DAY, T0 + 2 * DAY]);
    expect(r.progress.cards["adam/bias"]).toEqual(there.cards["adam/bias"]);
    expect(r.progress.cards["gan/loss"]).toEqual(here.cards["gan/loss"]);
    // merging is idempotent
    expect(mergeQuizProgress(r.progress, there).addedAnswers).toBe(0);
  });

  it("importQuizProgress rejects invalid files with clear errors and leaves progress unchanged", () => {
    const here = sample();
    expect(importQuizProgress(here, "not json")).toMatchObject({ ok: false, errors: ["The file is not valid JSON."] });
    expect(importQuizProgress(here, JSON.stringify({ hello: 1 }))).toMatchObject({ ok: false });
    const bad = JSON.parse(exportQuizProgress(here));
    bad.history[1].at = "yesterday";
    const r = importQuizProgress(here, JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^history\.1\.at: /);
    expect(here.history).toHaveLength(2);
  });
});

describe("export of everything saved", () => {
  it("carries edited code cells and reads back only well-formed ones", async () => {
    const { CELL_PREFIX, readImport } = await import("../../../src/quiz/store");
    const cells = { [`${CELL_PREFIX}/chapters/01/#c1`]: "x = 1", [`${CELL_PREFIX}/chapters/02/#c2`]: "y = 2" };
    const text = exportQuizProgress(emptyQuizProgress(), T0, undefined, cells);
    const read = readImport(text);
    expect(read.ok && read.cells).toEqual(cells);
    const hostile = JSON.parse(text);
    hostile.cells = { "dlf.quiz.v1": "{}", [`${CELL_PREFIX}x`]: 42, [`${CELL_PREFIX}ok`]: "z" };
    const r2 = readImport(JSON.stringify(hostile));
    expect(r2.ok && { ...r2.cells }).toEqual({ [`${CELL_PREFIX}ok`]: "z" });
    expect(JSON.parse(exportQuizProgress(emptyQuizProgress(), T0)).cells).toBeUndefined();
  });
});
