import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  elasticNetGrad,
  elasticNetPenalty,
  halfL2Grad,
  halfL2Penalty,
  l1Grad,
  l1Penalty,
  l2Grad,
  l2Penalty,
  penalties,
} from "../../../lib/regularize/penalties";
import { Tensor } from "../../../lib/tensor/tensor";

/** Central finite difference of f at w along coordinate i. */
function numericGrad(f: (w: Float64Array) => number, w: Float64Array, i: number, h = 1e-5): number {
  const plus = w.slice(),
    minus = w.slice();
  plus[i] += h;
  minus[i] -= h;
  return (f(plus) - f(minus)) / (2 * h);
}

describe("penalties", () => {
  const w = [1, -2, 0.5];

  it("l2Penalty is λ·Σw² and l2Grad is 2λw", () => {
    // 0.1·(1 + 4 + 0.25) = 0.525;  2·0.1·w = [0.2, −0.4, 0.1]
    expect(l2Penalty(w, 0.1)).toBeCloseTo(0.525, 15);
    Array.from(l2Grad(w, 0.1)).forEach((g, i) => expect(g).toBeCloseTo([0.2, -0.4, 0.1][i], 15));
  });

  it("halfL2Penalty is ½λ·Σw² and halfL2Grad is λw (PyTorch's weight_decay)", () => {
    // ½·0.1·5.25 = 0.2625;  0.1·w = [0.1, −0.2, 0.05]
    expect(halfL2Penalty(w, 0.1)).toBeCloseTo(0.2625, 15);
    Array.from(halfL2Grad(w, 0.1)).forEach((g, i) => expect(g).toBeCloseTo([0.1, -0.2, 0.05][i], 15));
    expect(halfL2Penalty(w, 0.2)).toBeCloseTo(l2Penalty(w, 0.1), 15);
  });

  it("l1Penalty is λ·Σ|w| and l1Grad is λ·sign(w) with 0 at 0", () => {
    // 0.1·(1 + 2 + 0.5) = 0.35
    expect(l1Penalty(w, 0.1)).toBeCloseTo(0.35, 15);
    expect(Array.from(l1Grad([1, -2, 0], 0.1))).toEqual([0.1, -0.1, 0]);
  });

  it("elasticNetPenalty adds λ₁·Σ|w| and λ₂·Σw²", () => {
    // 0.1·3.5 + 0.01·5.25 = 0.35 + 0.0525 = 0.4025;  grad = 0.1·sign(w) + 0.02·w
    expect(elasticNetPenalty(w, 0.1, 0.01)).toBeCloseTo(0.4025, 15);
    Array.from(elasticNetGrad(w, 0.1, 0.01)).forEach((g, i) => expect(g).toBeCloseTo([0.12, -0.14, 0.11][i], 15));
  });

  it("l2Penalty accepts a Tensor and l2Grad writes into out", () => {
    const W = Tensor.from([
        [1, 2],
        [3, 4],
      ]),
      out = new Float64Array(4);
    expect(l2Penalty(W, 1)).toBe(30);
    expect(l2Grad(W, 0.5, out)).toBe(out);
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
  });

  it("every penalty's gradient matches central finite differences away from 0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        (sizes, negative, lambda) => {
          const w = Float64Array.from(sizes, (s, i) => (negative[i] ? -s : s));
          const pairs = [
            ...Object.values(penalties).map((p) => ({
              f: (x: Float64Array) => p.penalty(x, lambda),
              df: (x: Float64Array) => p.grad(x, lambda),
            })),
            {
              f: (x: Float64Array) => elasticNetPenalty(x, lambda, 2 * lambda),
              df: (x: Float64Array) => elasticNetGrad(x, lambda, 2 * lambda),
            },
          ];
          for (const { f, df } of pairs) {
            const g = df(w);
            for (let i = 0; i < w.length; i++) {
              const num = numericGrad(f, w, i);
              expect(Math.abs(g[i] - num) / Math.max(1, Math.abs(num))).toBeLessThan(1e-6);
            }
          }
        },
      ),
      { seed: 42 },
    );
  });
});
