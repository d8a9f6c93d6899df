import { describe, expect, it } from "vitest";
import { sineSequence } from "../../../lib/data/sine-sequence";

describe("sineSequence", () => {
  it("sineSequence: y_t is the next observed value, so X shifted by one step equals Y", () => {
    const { X, Y } = sineSequence({ m: 3, T: 10, seed: 4 });
    expect(X.shape).toEqual([10, 1, 3]);
    for (let t = 1; t < 10; t++) for (let j = 0; j < 3; j++) expect(X.data[t * 3 + j]).toBe(Y.data[(t - 1) * 3 + j]);
  });

  it("sineSequence without noise follows A·sin(ω·t + φ) exactly, and the noise has the asked spread", () => {
    const { Y, clean } = sineSequence({ m: 2, T: 50, noise: 0, amplitude: 2, seed: 1 });
    expect(Array.from(Y.data)).toEqual(Array.from(clean.data));
    // consecutive clean values obey the sine recurrence s_{t+1} = 2cos(ω)s_t − s_{t−1}
    for (let t = 1; t < 49; t++)
      expect(clean.data[(t + 1) * 2]).toBeCloseTo(2 * Math.cos(0.3) * clean.data[t * 2] - clean.data[(t - 1) * 2], 12);
    expect(Math.max(...Array.from(Y.data, Math.abs))).toBeLessThanOrEqual(2);
    const noisy = sineSequence({ m: 200, T: 50, noise: 0.1, seed: 1 });
    let s = 0;
    noisy.Y.data.forEach((v, i) => (s += (v - noisy.clean.data[i]) ** 2));
    expect(Math.sqrt(s / noisy.Y.size)).toBeCloseTo(0.1, 2);
  });

  it("sineSequence: the same seed gives the same data", () => {
    expect(Array.from(sineSequence({ seed: 8 }).X.data)).toEqual(Array.from(sineSequence({ seed: 8 }).X.data));
    expect(Array.from(sineSequence({ seed: 8 }).X.data)).not.toEqual(Array.from(sineSequence({ seed: 9 }).X.data));
  });
});
