import { describe, expect, it } from "vitest";
import { polynomialData, sineData } from "../../../lib/data/regression-1d";

describe("1-D regression sets", () => {
  it("sineData without noise lies on amplitude·sin(frequency·x) inside [−π, π]", () => {
    const { X, Y } = sineData({ m: 40, noise: 0, amplitude: 2, frequency: 3 });
    expect(X.shape).toEqual([1, 40]);
    X.data.forEach((x, i) => {
      expect(Math.abs(x)).toBeLessThanOrEqual(Math.PI);
      expect(Y.data[i]).toBeCloseTo(2 * Math.sin(3 * x), 14);
    });
  });

  it("sineData gives the same sample for the same seed", () => {
    expect(Array.from(sineData({ seed: 5 }).Y.data)).toEqual(Array.from(sineData({ seed: 5 }).Y.data));
    expect(Array.from(sineData({ seed: 5 }).Y.data)).not.toEqual(Array.from(sineData({ seed: 6 }).Y.data));
  });

  it("polynomialData without noise lies on Σ cₖ·xᵏ", () => {
    const { X, Y } = polynomialData({ coefficients: [1, 0, -2, 0.5], noise: 0, xMin: -2, xMax: 2, m: 25 });
    X.data.forEach((x, i) => {
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(Y.data[i]).toBeCloseTo(1 - 2 * x * x + 0.5 * x ** 3, 13);
    });
  });

  it("polynomialData's noise has about the requested standard deviation", () => {
    const m = 4000,
      clean = polynomialData({ m, noise: 0, seed: 8 }),
      noisy = polynomialData({ m, noise: 0.3, seed: 8 });
    // same seed: same x draws, so the difference is the noise alone
    expect(Array.from(noisy.X.data)).toEqual(Array.from(clean.X.data));
    const residual = Array.from(noisy.Y.data, (y, i) => y - clean.Y.data[i]);
    expect(Math.sqrt(residual.reduce((s, r) => s + r * r, 0) / m)).toBeCloseTo(0.3, 1);
  });
});
