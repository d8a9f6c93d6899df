import { describe, expect, it } from "vitest";
import { bceWithLogits, logitAccuracy } from "../../../lib/losses/bce-with-logits";
import { bce } from "../../../lib/losses/bce";
import { sigmoid } from "../../../lib/activations/sigmoid";
import { Tensor } from "../../../lib/tensor/tensor";

describe("bceWithLogits", () => {
  it("bceWithLogits gives log 2 at z = 0 and 2 + log(1 + e^(−2)) for z = 2, y = 0", () => {
    expect(bceWithLogits(Tensor.from([[0]]), Tensor.from([[1]])).loss).toBeCloseTo(Math.LN2, 15);
    expect(bceWithLogits(Tensor.from([[2]]), Tensor.from([[0]])).loss).toBeCloseTo(2.1269280110429727, 15);
  });
  it("bceWithLogits equals bce of sigmoid(z) where both are accurate", () => {
    const z = [-3, -0.5, 0.7, 4],
      y = [1, 0, 1, 0.3];
    const a = bceWithLogits(Tensor.from([z]), Tensor.from([y])).loss;
    const b = bce(Tensor.from([z.map(sigmoid.f)]), Tensor.from([y])).loss;
    expect(a).toBeCloseTo(b, 13);
  });
  it("bceWithLogits stays exact and finite at z = ±1000", () => {
    expect(bceWithLogits(Tensor.from([[-1000]]), Tensor.from([[1]])).loss).toBe(1000);
    expect(bceWithLogits(Tensor.from([[1000]]), Tensor.from([[1]])).loss).toBe(0);
    const { dA } = bceWithLogits(Tensor.from([[1000, -1000]]), Tensor.from([[0, 0]]));
    expect(Array.from(dA.data)).toEqual([1, 0]);
  });
  it("bceWithLogits dA is σ(z) − y (dZ = A − Y)", () => {
    const { dA } = bceWithLogits(Tensor.from([[0.3]]), Tensor.from([[1]]));
    expect(dA.data[0]).toBeCloseTo(sigmoid.f(0.3) - 1, 15);
  });
  it("logitAccuracy thresholds logits at 0", () => {
    expect(logitAccuracy(Tensor.from([[2, -1, 0]]), Tensor.from([[1, 1, 1]]))).toBeCloseTo(2 / 3, 15);
  });
});
