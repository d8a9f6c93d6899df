import { describe, expect, it } from "vitest";
import { BatchNorm } from "../../../lib/layers/batch-norm";
import { mlp } from "../../../lib/layers/mlp";
import { backward, forward, paramArrays, paramCount } from "../../../lib/layers/model";
import { Tensor } from "../../../lib/tensor/tensor";

describe("model helpers", () => {
  it("forward and backward call the model's own passes", () => {
    const model = mlp([2, 3, 1], { hidden: "tanh" }),
      X = Tensor.from([
        [1, 2],
        [3, 4],
      ]);
    const Y = forward(model, X);
    expect(Y).toBe(model.cache.A);
    const dX = backward(model, Tensor.from([[1, 1]]));
    expect(dX.shape).toEqual([2, 2]);
    expect(model.grads.dA_prev).toBe(dX);
  });
  it("paramArrays pairs each parameter with its gradient buffer in order", () => {
    const model = mlp([2, 3, 1]),
      { values, grads } = paramArrays(model),
      ps = model.params();
    expect(values.length).toBe(4);
    values.forEach((v, k) => expect(v).toBe(ps[k].value));
    grads.forEach((g, k) => expect(g).toBe(ps[k].grad));
  });
  it("paramCount counts every learned number", () => {
    expect(paramCount(mlp([3, 4, 1]))).toBe(21); // 12 + 4 + 4 + 1
    expect(paramCount(mlp([784, 128, 10]))).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(paramCount(new BatchNorm(8))).toBe(16);
  });
});
