import { describe, expect, it } from "vitest";
import { l1 } from "../../../lib/losses/l1";
import { Tensor } from "../../../lib/tensor/tensor";

describe("l1", () => {
  it("l1 is the mean absolute residual, as torch.nn.L1Loss", () => {
    expect(l1(Tensor.from([[1, 3]]), Tensor.from([[0, 1]])).loss).toBe(1.5);
    expect(l1(Tensor.from([[1, 3]]), Tensor.from([[0, 1]]), "sum").loss).toBe(3);
  });
  it("l1 gradient is sign(ŷ − y)/N with sign(0) = 0", () => {
    expect(Array.from(l1(Tensor.from([[1, -3, 2]]), Tensor.from([[0, 1, 2]])).grad.data)).toEqual([1 / 3, -1 / 3, 0]);
  });
});
