import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { BatchNorm } from "../../../lib/layers/batch-norm";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor, seeded } from "../helpers";

const X = Tensor.from([
  [1, 2, 3, 4],
  [10, 10, 20, 20],
]);

describe("BatchNorm", () => {
  it("BatchNorm.forward standardizes each feature over the batch, then applies γ and β", () => {
    const bn = new BatchNorm(2);
    bn.gamma.data.set([2, 1]);
    bn.beta.data.set([5, 0]);
    const A = bn.forward(X);
    // row 1: μ = 2.5, σ² = 1.25 (biased);  x̂ = (x − 2.5)/√(1.25 + 1e-5)
    const s = Math.sqrt(1.25 + 1e-5);
    [1, 2, 3, 4].forEach((x, j) => expect(A.get(0, j)).toBeCloseTo(2 * ((x - 2.5) / s) + 5, 12));
    expect(Array.from(bn.cache.mu.data)).toEqual([2.5, 15]);
    expect(Array.from(bn.cache.var.data)).toEqual([1.25, 25]);
  });

  it("BatchNorm.forward updates running stats with PyTorch's rule (momentum 0.1, unbiased variance)", () => {
    const bn = new BatchNorm(2);
    bn.forward(X);
    // running_mean = 0.9·0 + 0.1·2.5 = 0.25;  running_var = 0.9·1 + 0.1·(5/3) = 1.0666…   (5/3 = Σ(x − μ)²/(m − 1))
    expect(bn.runningMean.data[0]).toBeCloseTo(0.25, 15);
    expect(bn.runningVar.data[0]).toBeCloseTo(0.9 + 0.1 * (5 / 3), 15);
    expect(bn.runningVar.data[1]).toBeCloseTo(0.9 + 0.1 * (100 / 3), 13);
    bn.forward(X);
    // second step: 0.9·0.25 + 0.25 = 0.475;  0.9·1.0666… + 0.1666… = 1.12666…
    expect(bn.runningMean.data[0]).toBeCloseTo(0.475, 15);
    expect(bn.runningVar.data[0]).toBeCloseTo(0.9 * (0.9 + 0.1 * (5 / 3)) + 0.1 * (5 / 3), 15);
  });

  it("BatchNorm.forward in eval mode uses the running statistics and leaves them alone", () => {
    const bn = new BatchNorm(2);
    bn.forward(X);
    bn.eval();
    const rm = bn.runningMean.data[0],
      rv = bn.runningVar.data[0],
      A = bn.forward(Tensor.from([[3], [0]]));
    expect(A.get(0, 0)).toBeCloseTo((3 - rm) / Math.sqrt(rv + 1e-5), 14);
    expect(bn.runningMean.data[0]).toBe(rm);
  });

  it("BatchNorm.backward matches finite differences in training mode for random shapes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 6 }), fc.integer(), (n, m, seed) => {
        const rng = seeded(seed),
          bn = new BatchNorm(n);
        bn.gamma.data.set(randomTensor(rng, n, 1).data);
        bn.beta.data.set(randomTensor(rng, n, 1).data);
        const report = gradCheck(bn, randomTensor(rng, n, m, 2), randomTensor(rng, n, m), losses.mse, { input: true });
        expect(report.ok).toBe(true);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it("BatchNorm.backward matches finite differences in eval mode", () => {
    const rng = createRng(2),
      bn = new BatchNorm(3);
    bn.forward(randomTensor(rng, 3, 5));
    bn.eval();
    expect(gradCheck(bn, randomTensor(rng, 3, 4), randomTensor(rng, 3, 4), losses.mse, { input: true }).ok).toBe(true);
  });

  it("gradCheck on a BatchNorm leaves its running statistics untouched (frozen while checking)", () => {
    const rng = createRng(3),
      bn = new BatchNorm(2),
      before = Array.from(bn.runningMean.data);
    gradCheck(bn, randomTensor(rng, 2, 4), randomTensor(rng, 2, 4), losses.mse);
    expect(Array.from(bn.runningMean.data)).toEqual(before);
    expect(bn.frozen).toBe(false);
  });

  it("BatchNorm.forward refuses a training batch of one example, as PyTorch", () => {
    expect(() => new BatchNorm(2).forward(new Tensor([2, 1]))).toThrow(/more than 1 example/);
    expect(() => new BatchNorm(2).eval().forward(new Tensor([2, 1]))).not.toThrow();
  });

  it("BatchNorm.params lists gamma and beta without weight decay", () => {
    expect(new BatchNorm(3, { name: "bn" }).params().map((p) => [p.name, p.decay])).toEqual([
      ["bn.gamma", false],
      ["bn.beta", false],
    ]);
  });
});
