import { describe, expect, it } from "vitest";
import { PenalizedOptimizer, SGD, penalties } from "../../../lib";

describe("PenalizedOptimizer", () => {
  it("PenalizedOptimizer.step adds 2λw (L2) to the penalized arrays only, then SGD steps", () => {
    // w = [1, −2], g = 0, λ = 0.5, lr 0.1: g ← 2·0.5·w = [1, −2], w ← w − 0.1·g = [0.9, −1.8]; the bias b = 3 is left alone.
    const opt = new PenalizedOptimizer(new SGD({ lr: 0.1 }), penalties.l2, 0.5, [true, false]);
    const p = [Float64Array.from([1, -2]), Float64Array.from([3])],
      g = [new Float64Array(2), new Float64Array(1)];
    expect(opt.value(p)).toBeCloseTo(0.5 * (1 + 4), 12);
    opt.step(p, g);
    expect(p[0][0]).toBeCloseTo(0.9, 12);
    expect(p[0][1]).toBeCloseTo(-1.8, 12);
    expect(p[1][0]).toBe(3);
  });

  it("PenalizedOptimizer.step adds λ·sign(w) (L1) on top of the data gradient", () => {
    // w = [1, −2], g = [0.2, 0.2], λ = 0.5, lr 0.1: g ← [0.7, −0.3], w ← [0.93, −1.97].
    const opt = new PenalizedOptimizer(new SGD({ lr: 0.1 }), penalties.l1, 0.5, [true]);
    const p = [Float64Array.from([1, -2])],
      g = [Float64Array.from([0.2, 0.2])];
    expect(opt.value(p)).toBeCloseTo(0.5 * 3, 12);
    opt.step(p, g);
    expect(p[0][0]).toBeCloseTo(0.93, 12);
    expect(p[0][1]).toBeCloseTo(-1.97, 12);
  });

  it("PenalizedOptimizer with no penalty or λ 0 is the inner optimizer", () => {
    for (const opt of [
      new PenalizedOptimizer(new SGD({ lr: 0.1 }), null, 0.5, [true]),
      new PenalizedOptimizer(new SGD({ lr: 0.1 }), penalties.l2, 0, [true]),
    ]) {
      const p = [Float64Array.from([1])];
      opt.step(p, [Float64Array.from([1])]);
      expect(p[0][0]).toBeCloseTo(0.9, 12);
      expect(opt.value(p)).toBe(0);
    }
    expect(() => new PenalizedOptimizer(new SGD({ lr: 0.1 }), null, -1, [])).toThrow(RangeError);
  });
});
