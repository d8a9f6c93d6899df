import { describe, expect, it } from "vitest";
import { activations } from "../../../lib/activations";
import type { Activation } from "../../../lib/activations/activation";
import { createLeakyRelu } from "../../../lib/activations/leaky-relu";
import { activateInto, activationBackwardInto } from "../../../lib/activations/apply";
import { Tensor } from "../../../lib/tensor/tensor";

const Z = Tensor.from([
  [-1000, -2, -0.5, 0],
  [0.5, 2, 1000, -3],
]);
const dA = Tensor.from([
  [1, -2, 3, 0.5],
  [-1, 2, 0.25, 4],
]);

describe("activateInto / activationBackwardInto", () => {
  const all: Activation[] = [
    ...Object.values(activations),
    createLeakyRelu(0.3),
    { name: "cube", f: (z) => z * z * z, df: (z) => 3 * z * z },
  ];
  for (const act of all) {
    it(`activateInto and activationBackwardInto(${act.name}) agree with f and dA·df entry by entry`, () => {
      const A = new Tensor([2, 4]),
        dZ = new Tensor([2, 4]);
      activateInto(act, Z, A);
      activationBackwardInto(act, Z, A, dA, dZ);
      for (let i = 0; i < Z.size; i++) {
        expect(A.data[i]).toBeCloseTo(act.f(Z.data[i]), 12);
        expect(dZ.data[i]).toBeCloseTo(dA.data[i] * act.df(Z.data[i]), 12);
      }
    });
  }
  it("activationBackwardInto throws naming both shapes on a mismatch", () => {
    expect(() => activationBackwardInto(activations.relu, Z, Z, new Tensor([3, 1]), new Tensor([2, 4]))).toThrow(/\[2, 4\] and \[3, 1\]/);
  });
});
