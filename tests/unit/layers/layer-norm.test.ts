import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { LayerNorm } from "../../../lib/layers/layer-norm";
import { losses } from "../../../lib/losses";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor, seeded } from "../helpers";

describe("LayerNorm", () => {
  it("LayerNorm.forward standardizes each example (column) over its features", () => {
    const ln = new LayerNorm(3),
      A = ln.forward(
        Tensor.from([
          [1, 10],
          [2, 10],
          [3, 40],
        ]),
      );
    // column 1: μ = 2, σ² = 2/3;  column 2: μ = 20, σ² = 200
    expect(Array.from(ln.cache.mu.data)).toEqual([2, 20]);
    expect(ln.cache.var.data[0]).toBeCloseTo(2 / 3, 15);
    expect(A.get(0, 0)).toBeCloseTo(-1 / Math.sqrt(2 / 3 + 1e-5), 14);
    expect(A.get(2, 1)).toBeCloseTo(20 / Math.sqrt(200 + 1e-5), 14);
  });
  it("LayerNorm.backward matches finite differences for random shapes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, m, seed) => {
        const rng = seeded(seed),
          ln = new LayerNorm(n);
        ln.gamma.data.set(randomTensor(rng, n, 1).data);
        ln.beta.data.set(randomTensor(rng, n, 1).data);
        expect(gradCheck(ln, randomTensor(rng, n, m, 2), randomTensor(rng, n, m), losses.mse, { input: true }).ok).toBe(true);
      }),
      { seed: 42, numRuns: 20 },
    );
  });
  it("LayerNorm.forward is the same in training and eval mode", () => {
    const X = Tensor.from([
        [1, 4],
        [3, 0],
      ]),
      ln = new LayerNorm(2);
    const a = Array.from(ln.forward(X).data),
      b = Array.from(ln.eval().forward(X).data);
    expect(b).toEqual(a);
  });
});
