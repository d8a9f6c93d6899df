import { describe, expect, it } from "vitest";
import { lossResult, checkLossShapes } from "../../../lib/losses/loss";
import { Tensor } from "../../../lib/tensor/tensor";

describe("lossResult", () => {
  it("lossResult scales J and dA into loss and grad for each reduction", () => {
    const input = new Tensor([2, 4]);
    // pretend J = 3 over count = 8 entries, dA = 1 everywhere (m = 4)
    const into = (dA: Tensor) => (dA.data.fill(1), 3);
    const mean = lossResult(into, input, 8, "mean"),
      total = lossResult(into, input, 8, "sum");
    expect(mean.loss).toBe(3);
    expect(mean.grad.data[0]).toBe(0.25);
    expect(total.loss).toBe(24);
    expect(total.grad.data[0]).toBe(2);
  });
  it("checkLossShapes names both shapes", () => {
    expect(() => checkLossShapes("l1", new Tensor([1, 2]), new Tensor([2, 1]))).toThrow(/l1: shapes \[1, 2\] and \[2, 1\]/);
  });
});
