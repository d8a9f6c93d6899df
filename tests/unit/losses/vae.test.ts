import { describe, expect, it } from "vitest";
import { reparameterize, vaeNegativeElbo, klStandardNormal, createRng } from "../../../lib";

describe("reparameterize", () => {
  it("reparameterize computes μ + σ·ε", () => {
    expect(reparameterize([1, 0], [0.5, 2], [2, -1])).toEqual([2, -2]);
  });
  it("reparameterize samples have mean μ and standard deviation σ", () => {
    const rng = createRng(3),
      n = 20000,
      zs: number[] = [];
    for (let k = 0; k < n; k++) zs.push(reparameterize([1.5], [0.5], [rng.normal()])[0]);
    const m = zs.reduce((a, b) => a + b, 0) / n,
      sd = Math.sqrt(zs.reduce((a, z) => a + (z - m) ** 2, 0) / n);
    expect(m).toBeCloseTo(1.5, 1);
    expect(sd).toBeCloseTo(0.5, 1);
  });
  it("reparameterize rejects mismatched lengths", () => {
    expect(() => reparameterize([0], [1, 1], [0])).toThrow(/differ/);
  });
});

describe("vaeNegativeElbo", () => {
  it("vaeNegativeElbo adds the summed BCE and the closed-form KL", () => {
    const r = vaeNegativeElbo([1, 0], [0.9, 0.2], [0], [1]);
    expect(r.reconstruction).toBeCloseTo(-Math.log(0.9) - Math.log(0.8), 14);
    expect(r.kl).toBe(0);
    const s = vaeNegativeElbo([1, 0, 1], [0.7, 0.1, 0.6], [0.5, -1], [0.8, 1.2]);
    expect(s.kl).toBeCloseTo(klStandardNormal([0.5, -1], [0.8, 1.2]), 14);
    expect(s.loss).toBeCloseTo(-Math.log(0.7) - Math.log(0.9) - Math.log(0.6) + s.kl, 12);
  });
  it("vaeNegativeElbo stays finite for a confident wrong reconstruction", () => {
    expect(Number.isFinite(vaeNegativeElbo([1], [0], [0], [1]).loss)).toBe(true);
  });
});
