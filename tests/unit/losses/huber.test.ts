import { describe, expect, it } from "vitest";
import { createHuber, huber } from "../../../lib/losses/huber";
import { Tensor } from "../../../lib/tensor/tensor";

describe("huber", () => {
  it("huber is ½r² inside δ and δ(|r| − ½δ) outside, averaged (torch.nn.HuberLoss)", () => {
    // δ = 1: 0.125 and 1·(3 − 0.5) = 2.5 → 1.3125;  δ = 2: 0.125 and 2·(3 − 1) = 4 → 2.0625
    expect(huber(Tensor.from([[0.5, 3]]), Tensor.from([[0, 0]])).loss).toBe(1.3125);
    expect(huber(Tensor.from([[0.5, 3]]), Tensor.from([[0, 0]]), "mean", 2).loss).toBe(2.0625);
  });
  it("huber dA clamps the residual to [−δ, δ]", () => {
    expect(Array.from(huber(Tensor.from([[0.5, 3, -5]]), Tensor.from([[0, 0, 0]])).dA.data)).toEqual([0.5, 1, -1]);
  });
  it("createHuber fixes δ for the training loop and rejects δ ≤ 0", () => {
    expect(createHuber(2).compute(Tensor.from([[0.5, 3]]), Tensor.from([[0, 0]])).loss).toBe(2.0625);
    expect(() => huber(Tensor.from([[1]]), Tensor.from([[0]]), "mean", 0)).toThrow(/delta must be positive/);
  });
});
