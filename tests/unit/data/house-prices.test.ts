import { describe, expect, it } from "vitest";
import { houseData } from "../../../lib/data/house-prices";

const row = (data: Float64Array, j: number, m: number) => Array.from(data.subarray(j * m, (j + 1) * m));
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const corr = (a: number[], b: number[]) => {
  const ma = meanOf(a),
    mb = meanOf(b);
  const cov = meanOf(a.map((x, i) => (x - ma) * (b[i] - mb)));
  return cov / Math.sqrt(meanOf(a.map((x) => (x - ma) ** 2)) * meanOf(b.map((x) => (x - mb) ** 2)));
};

describe("houseData", () => {
  it("houseData gives the same houses for the same seed and others for another", () => {
    const a = houseData({ seed: 7 }),
      b = houseData({ seed: 7 }),
      c = houseData({ seed: 8 });
    expect(Array.from(a.X.data)).toEqual(Array.from(b.X.data));
    expect(Array.from(a.Y.data)).toEqual(Array.from(b.Y.data));
    expect(Array.from(a.Y.data)).not.toEqual(Array.from(c.Y.data));
  });

  it("houseData returns examples as columns: X, Xs [4, m], Y and labels [1, m]", () => {
    const d = houseData({ m: 30 });
    expect(d.X.shape).toEqual([4, 30]);
    expect(d.Xs.shape).toEqual([4, 30]);
    expect(d.Y.shape).toEqual([1, 30]);
    expect(d.labels.shape).toEqual([1, 30]);
    expect(d.features).toEqual(["bedrooms", "age", "distance", "pool"]);
  });

  it("houseData features stay in their documented ranges", () => {
    const m = 500,
      { X } = houseData({ m, seed: 3 });
    const [bedrooms, age, distance, pool] = [0, 1, 2, 3].map((j) => row(X.data, j, m));
    expect(bedrooms.every((b) => Number.isInteger(b) && b >= 1 && b <= 5)).toBe(true);
    expect(age.every((a) => Number.isInteger(a) && a >= 0 && a <= 60)).toBe(true);
    expect(distance.every((d) => d >= 0.2 && d <= 40)).toBe(true);
    expect(pool.every((p) => p === 0 || p === 1)).toBe(true);
    expect(meanOf(pool)).toBeGreaterThan(0.15);
    expect(meanOf(pool)).toBeLessThan(0.35);
  });

  it("houseData with noise 0 follows the documented price formula exactly", () => {
    const m = 50,
      { X, Y } = houseData({ m, noise: 0, seed: 11 });
    for (let i = 0; i < m; i++) {
      const [b, a, d, p] = [0, 1, 2, 3].map((j) => X.get(j, i));
      expect(Y.get(0, i)).toBeCloseTo(150 + 50 * b - 1.5 * a + 150 * Math.exp(-d / 8) + 30 * p, 12);
    }
  });

  it("houseData prices are positive and move with the features as documented", () => {
    for (const seed of [1, 2, 3]) {
      const m = 1000,
        { X, Y } = houseData({ m, seed });
      const price = Array.from(Y.data);
      expect(Math.min(...price)).toBeGreaterThan(0);
      expect(corr(row(X.data, 0, m), price)).toBeGreaterThan(0.3); // more bedrooms, dearer
      expect(corr(row(X.data, 1, m), price)).toBeLessThan(-0.1); // older, cheaper
      expect(corr(row(X.data, 2, m), price)).toBeLessThan(-0.3); // farther from the ocean, cheaper
    }
  });

  it("houseData labels mark prices above the median and are balanced", () => {
    const d = houseData({ m: 200, seed: 5 });
    const labels = Array.from(d.labels.data);
    expect(meanOf(labels)).toBe(0.5); // even m, continuous prices: exactly half
    labels.forEach((l, i) => expect(l).toBe(d.Y.data[i] > d.median ? 1 : 0));
    const odd = houseData({ m: 101, seed: 5 });
    expect(Math.abs(meanOf(Array.from(odd.labels.data)) - 0.5)).toBeLessThan(0.01);
  });

  it("houseData Xs is X standardised: each row has mean 0 and std 1", () => {
    const m = 300,
      d = houseData({ m, seed: 2 });
    for (let j = 0; j < 4; j++) {
      const z = row(d.Xs.data, j, m);
      expect(meanOf(z)).toBeCloseTo(0, 12);
      expect(meanOf(z.map((x) => x * x))).toBeCloseTo(1, 12);
      expect(d.Xs.get(j, 0)).toBeCloseTo((d.X.get(j, 0) - d.mean[j]) / d.std[j], 14);
    }
  });

  it("houseData with a larger m extends a smaller one, and features picks rows", () => {
    const small = houseData({ m: 10, seed: 4 }),
      big = houseData({ m: 20, seed: 4 });
    for (let i = 0; i < 10; i++) expect(big.Y.get(0, i)).toBe(small.Y.get(0, i));
    const three = houseData({ m: 20, seed: 4, features: ["bedrooms", "age", "distance"] });
    expect(three.X.shape).toEqual([3, 20]);
    expect(row(three.X.data, 2, 20)).toEqual(row(big.X.data, 2, 20));
    expect(Array.from(three.Y.data)).toEqual(Array.from(big.Y.data));
  });
});
