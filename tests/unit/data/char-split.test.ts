import { describe, expect, it } from "vitest";
import { charCorpus, charVocabulary } from "../../../lib/data/char-corpus";
import { charSplit } from "../../../lib/data/char-split";

const decodeWindow = (X: { data: Float64Array; shape: readonly number[] }, j: number, vocab: string[]) => {
  const [T, K, m] = X.shape;
  let s = "";
  for (let t = 0; t < T; t++) for (let k = 0; k < K; k++) if (X.data[(t * K + k) * m + j] === 1) s += vocab[k];
  return s;
};

describe("charSplit", () => {
  it("charSplit puts every training window (targets included) before the cut and every held-out window after it", () => {
    const T = 24,
      { train, heldOut, cut } = charSplit({ T, heldOut: 0.2 });
    expect(charCorpus.slice(cut - 2, cut)).toBe(". ");
    expect(cut).toBeGreaterThanOrEqual(0.8 * charCorpus.length);
    const trainChars = new Set<number>(),
      heldChars = new Set<number>();
    for (const a of train.starts) for (let i = a; i <= a + T; i++) trainChars.add(i);
    for (const a of heldOut.starts) for (let i = a; i <= a + T; i++) heldChars.add(i);
    expect([...heldChars].filter((i) => trainChars.has(i))).toEqual([]);
    expect(Math.max(...heldChars)).toBe(charCorpus.length - 1);
    // stride 1: every window that fits on its side of the cut
    expect(train.starts.length).toBe(cut - T);
    expect(heldOut.starts.length).toBe(charCorpus.length - cut - T);
  });

  it("charSplit windows read the text and predict its next character, in the whole text's vocabulary", () => {
    const T = 10,
      { train, heldOut, vocab } = charSplit({ T, trainStride: 3, heldOutStride: 5 });
    expect(vocab).toEqual(charVocabulary(charCorpus));
    expect(Array.from(train.starts.slice(0, 3))).toEqual([0, 3, 6]);
    expect(heldOut.starts[1] - heldOut.starts[0]).toBe(5);
    for (const [w, j] of [
      [train, 1],
      [heldOut, 2],
    ] as const) {
      const a = w.starts[j];
      expect(decodeWindow(w.X, j, vocab)).toBe(charCorpus.slice(a, a + T));
      const m = w.Y.shape[2];
      expect(vocab[w.Y.data[(T - 1) * m + j]]).toBe(charCorpus[a + T]);
    }
  });

  it("charSplit refuses a held-out share outside (0, 1) and a part too short for a window", () => {
    expect(() => charSplit({ heldOut: 0 })).toThrow(RangeError);
    expect(() => charSplit({ heldOut: 1 })).toThrow(RangeError);
    expect(() => charSplit({ T: 200, heldOut: 0.2 })).toThrow(/cannot hold a window/);
  });
});
