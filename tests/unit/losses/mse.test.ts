import { describe, expect, it } from "vitest";
import { halfMse, mse, mseInto } from "../../../lib/losses/mse";
import { Tensor } from "../../../lib/tensor/tensor";

describe("mse", () => {
  it("mse averages over all entries as torch.nn.MSELoss", () => {
    // residuals 1, 2 → (1 + 4)/2 = 2.5; sum: 5
    expect(mse(Tensor.from([[1, 3]]), Tensor.from([[0, 1]])).loss).toBe(2.5);
    expect(mse(Tensor.from([[1, 3]]), Tensor.from([[0, 1]]), "sum").loss).toBe(5);
    // two outputs × two examples: residuals 1, 2, 0, −2 → 9/4
    expect(
      mse(
        Tensor.from([
          [1, 3],
          [2, 0],
        ]),
        Tensor.from([
          [0, 1],
          [2, 2],
        ]),
      ).loss,
    ).toBe(2.25);
  });
  it("mse.grad is 2(ŷ − y)/(n·m) and mseInto's dA is 2(ŷ − y)/n", () => {
    const r = mse(
      Tensor.from([
        [1, 3],
        [2, 0],
      ]),
      Tensor.from([
        [0, 1],
        [2, 2],
      ]),
    );
    expect(Array.from(r.grad.data)).toEqual([0.5, 1, 0, -1]);
    const dA = new Tensor([2, 2]);
    mseInto(
      dA,
      Tensor.from([
        [1, 3],
        [2, 0],
      ]),
      Tensor.from([
        [0, 1],
        [2, 2],
      ]),
    );
    expect(Array.from(dA.data)).toEqual([1, 2, 0, -2]);
  });
  it("halfMse is the course's J = 1/(2m) Σ (ŷ − y)² with dA = ŷ − y", () => {
    const r = halfMse(Tensor.from([[1, 3]]), Tensor.from([[0, 1]]));
    expect(r.loss).toBe(1.25); // (1 + 4)/(2·2)
    expect(Array.from(r.dA.data)).toEqual([1, 2]);
    expect(Array.from(r.grad.data)).toEqual([0.5, 1]);
    expect(halfMse(Tensor.from([[1, 3]]), Tensor.from([[0, 1]]), "sum").loss).toBe(2.5);
  });
  it("mse throws naming both shapes", () => {
    expect(() => mse(new Tensor([1, 3]), new Tensor([1, 2]))).toThrow(/mse: shapes \[1, 3\] and \[1, 2\]/);
  });
});
