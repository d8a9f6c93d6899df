import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HISTORY_PART, ImportAssembly, importMessages } from "../../../../src/quiz/ui/import-messages";
import type { ImportResult } from "../../../../src/quiz/store";

const answer = (k: number) => ({ id: `adam/q-${k % 5}`, at: 1000 + k, correct: k % 3 > 0, topics: ["adam" as const] });
const merged = (n: number): ImportResult => ({
  ok: true,
  progress: {
    version: 1,
    cards: { "adam/q-1": { due: 5 } as never },
    history: Array.from({ length: n }, (_, k) => answer(k)),
    settings: {} as never,
  },
  addedAnswers: n,
  updatedCards: 1,
  message: "Imported",
  ids: ["adam/q-1"],
});
const roundTrip = (r: ImportResult, serialized?: string) => {
  const assembly = new ImportAssembly();
  let whole = null;
  const messages = [...importMessages(r, serialized)].map((m) => structuredClone(m));
  for (const m of messages) whole = assembly.take(m) ?? whole;
  return { whole, messages };
};

describe("import messages", () => {
  it("carry a merged record's history in parts and put it back together in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * HISTORY_PART + 7 }), (n) => {
        const r = merged(n);
        const { whole, messages } = roundTrip(r, "stored text");
        expect(messages.length).toBe(2 + Math.ceil(n / HISTORY_PART));
        for (const m of messages) if (m.kind === "history") expect(m.part.length).toBeLessThanOrEqual(HISTORY_PART);
        expect(whole?.serialized).toBe("stored text");
        expect(whole?.result).toEqual(r);
      }),
      { numRuns: 10 },
    );
  });

  it("give the card table back without a prototype, and leave the worker's record untouched", () => {
    const r = merged(3);
    const { whole } = roundTrip(r);
    expect(whole?.result.ok && Object.getPrototypeOf(whole.result.progress.cards)).toBe(null);
    expect(r.ok && r.progress.history.length).toBe(3);
  });

  it("carry a refusal as it is", () => {
    const refused: ImportResult = { ok: false, errors: ["not JSON"], message: "not JSON" };
    expect(roundTrip(refused).whole).toEqual({ result: refused, serialized: undefined });
  });

  it("give nothing before the end arrives", () => {
    const assembly = new ImportAssembly();
    const [head, ...rest] = [...importMessages(merged(5))];
    expect(assembly.take(head)).toBe(null);
    expect(assembly.take(rest[0])).toBe(null);
    expect(assembly.take(rest[1])).not.toBe(null);
  });
});
