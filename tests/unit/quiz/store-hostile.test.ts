// Saved progress as a careless or hostile user leaves it: ids that are names every object inherits, records too
// big to back up, oversized imports, ids the bank does not hold.
import { describe, expect, it } from "vitest";
import {
  loadQuizProgress,
  exportQuizProgress,
  importQuizProgress,
  recordAnswer,
  emptyQuizProgress,
  idsNotInBank,
  mergeQuizProgress,
  QUIZ_KEY,
  QUIZ_KEY_V0,
  IMPORT_MAX_BYTES,
  type KeyValueStore,
} from "../../../src/quiz/store";
import { backupKeyFor } from "../../../src/progress/recover";
import { review } from "../../../src/quiz/schedule";

const T0 = Date.UTC(2026, 0, 5, 9);
const HOSTILE = ["__proto__", "toString", "constructor", "hasOwnProperty", "valueOf"];

function memoryStore(
  initial: Record<string, string> = {},
  limit = Infinity,
): KeyValueStore & { items: Map<string, string>; writes: string[] } {
  const items = new Map(Object.entries(initial)),
    writes: string[] = [];
  const used = () => [...items].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    items,
    writes,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (items.get(k)?.length ?? 0) + v.length > limit) throw new DOMException("full", "QuotaExceededError");
      writes.push(k);
      items.set(k, v);
    },
  };
}

describe("loadQuizProgress with hostile ids", () => {
  it("loadQuizProgress migrates a v0 record whose ids are __proto__, toString… without throwing, dropping only those", () => {
    const attempts = [...HOSTILE.map((q, k) => ({ q, t: T0 + k, ok: true })), { q: "adam/bias", t: T0 + 9, ok: true }];
    const raw = JSON.stringify({ attempts });
    const store = memoryStore({ [QUIZ_KEY_V0]: raw });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("migrated");
    expect(Object.keys(r.progress.cards)).toEqual(["adam/bias"]);
    expect(r.progress.history.map((a) => a.id)).toEqual(["adam/bias"]);
    expect(Object.getPrototypeOf(r.progress.cards)).toBeNull();
    expect(r.message).toMatch(/5 answers had ids that are not question ids/);
    expect(store.items.get(QUIZ_KEY_V0)).toBe(raw); // the original stays where it was
  });

  it("loadQuizProgress backs up a v0-shaped record under the current key before dropping hostile ids", () => {
    const raw = JSON.stringify({ attempts: [{ q: "__proto__", t: T0, ok: false }] });
    const store = memoryStore({ [QUIZ_KEY]: raw });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("migrated");
    expect(r.backupKey).toBe(backupKeyFor(QUIZ_KEY, raw));
    expect(store.items.get(r.backupKey!)).toBe(raw);
  });

  it("loadQuizProgress salvages a v1 record whose card and answer ids are inherited names", () => {
    const card = review(undefined, "good", T0);
    // JSON text, as storage holds it: JSON.parse makes "__proto__" an own key, as a hostile record would.
    const raw =
      `{"version":1,"cards":{"__proto__":${JSON.stringify(card)},"toString":${JSON.stringify(card)},"adam/bias":${JSON.stringify(card)}},` +
      `"history":[{"id":"toString","at":${T0},"correct":true,"topics":["adam"]},{"id":"adam/bias","at":${T0},"correct":true,"topics":["adam"]}],"settings":{}}`;
    const store = memoryStore({ [QUIZ_KEY]: raw });
    const r = loadQuizProgress(store);
    expect(r.status).toBe("recovered");
    expect(Object.keys(r.progress.cards)).toEqual(["adam/bias"]);
    expect(r.progress.cards.toString).toBeUndefined();
    expect(r.progress.history.map((a) => a.id)).toEqual(["adam/bias"]);
    expect(store.items.get(r.backupKey!)).toBe(raw);
    // and answering afterwards still works for every id
    for (const id of HOSTILE)
      expect(() => recordAnswer(r.progress, { id, at: T0, correct: true, topics: ["adam"], rating: "good" })).not.toThrow();
    expect(Object.keys(r.progress.cards)).toEqual(["adam/bias"]);
  });

  it("loadQuizProgress never throws, even when the store itself throws on reading", () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {},
    };
    expect(loadQuizProgress(broken).status).toBe("unreadable");
  });
});

describe("loadQuizProgress when no backup fits", () => {
  const raw = `{"version":1,"cards":"${"x".repeat(4000)}"`; // unreadable, and too big to copy into what is left
  it("loadQuizProgress keeps the original untouched, says so, and hands back its text", () => {
    const store = memoryStore({ [QUIZ_KEY]: raw }, raw.length + 1000);
    const r = loadQuizProgress(store);
    expect(r.status).toBe("unreadable");
    expect(r.backupKey).toBeNull();
    expect(r.memoryOnly).toBe(true);
    expect(r.raw).toBe(raw);
    expect(r.message).not.toContain("—");
    expect(r.message).toMatch(/left untouched.*memory only/);
    expect(store.writes).toEqual([]);
    expect(store.items.get(QUIZ_KEY)).toBe(raw);
  });

  it("loadQuizProgress backs the same damaged text up once, however often it is read", () => {
    const store = memoryStore({ [QUIZ_KEY]: "{oops" });
    for (let k = 0; k < 7; k++) loadQuizProgress(store);
    expect(store.writes).toEqual([backupKeyFor(QUIZ_KEY, "{oops")]);
  });
});

describe("importQuizProgress against hostile files", () => {
  it("importQuizProgress refuses a file over IMPORT_MAX_BYTES without parsing it", () => {
    const r = importQuizProgress(emptyQuizProgress(), " ".repeat(IMPORT_MAX_BYTES + 1));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/files over 5 MB are not read/);
  });

  it("importQuizProgress refuses cards keyed toString and never lets __proto__ reach the card table", () => {
    const card = JSON.stringify(review(undefined, "good", T0));
    const file = (cards: string) => `{"format":"dlf-quiz-progress","version":1,"cards":{${cards}},"history":[],"settings":{}}`;
    const refused = importQuizProgress(emptyQuizProgress(), file(`"toString":${card}`));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.join(" ")).toMatch(/toString/);
    const r = importQuizProgress(emptyQuizProgress(), file(`"__proto__":${card}`));
    expect(r.ok).toBe(true); // zod skips a "__proto__" key: nothing to import, nothing polluted
    if (r.ok) {
      expect(Object.keys(r.progress.cards)).toEqual([]);
      expect(Object.getPrototypeOf(r.progress.cards)).toBeNull();
      expect(r.updatedCards).toBe(0);
    }
  });

  it("importQuizProgress lists the file's ids so the page can report those not in the bank", () => {
    const there = emptyQuizProgress();
    recordAnswer(there, { id: "adam/bias", at: T0, correct: true, topics: ["adam"], rating: "good" });
    recordAnswer(there, { id: "retired/old-question", at: T0 + 1, correct: false, topics: ["adam"], rating: "again" });
    const r = importQuizProgress(emptyQuizProgress(), exportQuizProgress(there));
    expect(r.ok).toBe(true);
    if (r.ok) expect(idsNotInBank(r.ids, new Set(["adam/bias"]))).toEqual(["retired/old-question"]);
  });

  it("exportQuizProgress includes reading progress and importQuizProgress gives it back", () => {
    const reading = {
      version: 1 as const,
      chapters: { "chapters/01-what-is-deep-learning": { position: 0.95, read: true, visitedAt: T0 } },
      last: "chapters/01-what-is-deep-learning",
    };
    const r = importQuizProgress(emptyQuizProgress(), exportQuizProgress(emptyQuizProgress(), T0, reading));
    expect(r.ok).toBe(true);
    if (r.ok) expect({ ...r.reading, chapters: { ...r.reading!.chapters } }).toEqual(reading);
  });

  it("mergeQuizProgress keeps a card table without a prototype", () => {
    expect(Object.getPrototypeOf(mergeQuizProgress(emptyQuizProgress(), emptyQuizProgress()).progress.cards)).toBeNull();
  });
});
