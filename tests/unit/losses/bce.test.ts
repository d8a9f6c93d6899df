import { describe, expect, it } from "vitest";
import { bce, bceAccuracy } from "../../../lib/losses/bce";
import { Tensor } from "../../../lib/tensor/tensor";

describe("bce", () => {
  it("bce matches −(y log p + (1 − y) log(1 − p)) averaged over entries", () => {
    // −log 0.8 = 0.2231435513142097, −log 0.7 = 0.35667494393873245, mean 0.2899092476264711
    expect(bce(Tensor.from([[0.8, 0.3]]), Tensor.from([[1, 0]])).loss).toBeCloseTo(0.2899092476264711, 15);
  });
  it("bce dA is −y/p + (1 − y)/(1 − p)", () => {
    const { dA } = bce(Tensor.from([[0.8, 0.3]]), Tensor.from([[1, 0]]));
    expect(dA.data[0]).toBeCloseTo(-1 / 0.8, 14);
    expect(dA.data[1]).toBeCloseTo(1 / 0.7, 14);
  });
  it("bce clamps each log at −100 as PyTorch, so p = 0 or 1 stays finite", () => {
    expect(bce(Tensor.from([[0]]), Tensor.from([[1]])).loss).toBe(100);
    expect(bce(Tensor.from([[1]]), Tensor.from([[0]])).loss).toBe(100);
    expect(bce(Tensor.from([[1]]), Tensor.from([[1]])).loss).toBe(0);
    const { grad } = bce(Tensor.from([[0]]), Tensor.from([[1]]));
    expect(grad.data[0]).toBe(-1e12); // (0 − 1)/max(0, 1e-12)
  });
  it("bceAccuracy thresholds probabilities at 0.5", () => {
    expect(bceAccuracy(Tensor.from([[0.9, 0.2, 0.5, 0.1]]), Tensor.from([[1, 1, 1, 0]]))).toBe(0.75);
  });
});
