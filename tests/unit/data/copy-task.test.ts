import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyTask } from "../../../lib/data/copy-task";
import { stepOf } from "../../../lib/rnn/sequence";

describe("copyTask", () => {
  it("copyTask shows the symbol at step 1, blanks through the gap, the cue last, and targets the symbol", () => {
    const { X, Y, Yonehot, T } = copyTask({ m: 5, delay: 3, symbols: 4, seed: 2 });
    expect(T).toBe(5);
    expect(X.shape).toEqual([5, 6, 5]);
    for (let j = 0; j < 5; j++) {
      const s = Y.data[j];
      expect(stepOf(X, 0).get(s, j)).toBe(1);
      for (let t = 1; t < 4; t++) expect(stepOf(X, t).get(4, j)).toBe(1);
      expect(stepOf(X, 4).get(5, j)).toBe(1);
      expect(Yonehot.get(s, j)).toBe(1);
    }
    // exactly one active channel per step and example
    expect(X.data.reduce((a, b) => a + b, 0)).toBe(5 * 5);
  });

  it("copyTask: the same seed gives the same data, another seed other symbols", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 8 }), (seed, delay) => {
        const a = copyTask({ seed, delay, m: 16 }),
          b = copyTask({ seed, delay, m: 16 });
        expect(Array.from(a.X.data)).toEqual(Array.from(b.X.data));
        expect(Array.from(a.Y.data)).toEqual(Array.from(b.Y.data));
      }),
      { seed: 1, numRuns: 20 },
    );
    expect(Array.from(copyTask({ seed: 1 }).Y.data)).not.toEqual(Array.from(copyTask({ seed: 2 }).Y.data));
  });

  it("copyTask draws every symbol about equally often", () => {
    const { Y } = copyTask({ m: 4000, symbols: 4, seed: 9 }),
      counts = [0, 0, 0, 0];
    Y.data.forEach((s) => counts[s]++);
    counts.forEach((c) => expect(Math.abs(c - 1000)).toBeLessThan(100));
  });

  it("copyTask rejects a negative delay and fewer than two symbols", () => {
    expect(() => copyTask({ delay: -1 })).toThrow(/delay/);
    expect(() => copyTask({ symbols: 1 })).toThrow(/symbols/);
  });
});
