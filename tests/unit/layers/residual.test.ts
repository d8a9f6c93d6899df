import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { Dense } from "../../../lib/layers/dense";
import { Residual } from "../../../lib/layers/residual";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor, seeded } from "../helpers";

describe("Residual", () => {
  it("Residual.forward returns x + F(x)", () => {
    const f = new Dense(2, 2);
    f.W.data.set([1, 0, 0, 2]);
    const block = new Residual([f]),
      A = block.forward(Tensor.from([[1], [3]]));
    expect(A.toArray()).toEqual([[2], [9]]); // [1 + 1, 3 + 6]
    expect(block.cache.F.toArray()).toEqual([[1], [6]]);
  });
  it("Residual.backward keeps the identity path: dA_prev = dA when F's weights are zero (erratum E54)", () => {
    const f = new Dense(3, 3, { init: "zeros" }),
      block = new Residual([f]);
    block.forward(randomTensor(createRng(1), 3, 2));
    const dA = Tensor.from([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(Array.from(block.backward(dA).data)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it("Residual.backward matches finite differences for random widths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, m, seed) => {
        const rng = seeded(seed),
          block = new Residual([new Dense(n, n + 1, { activation: "tanh", rng }), new Dense(n + 1, n, { rng })]);
        expect(gradCheck(block, randomTensor(rng, n, m), randomTensor(rng, n, m), losses.mse, { input: true }).ok).toBe(true);
      }),
      { seed: 42, numRuns: 15 },
    );
  });
  it("Residual.forward throws naming both shapes when F changes the width", () => {
    expect(() => new Residual([new Dense(2, 3)]).forward(new Tensor([2, 4]))).toThrow(
      /Residual.forward \(x \+ F\(x\)\): shapes \[2, 4\] and \[3, 4\]/,
    );
  });
  it("Residual.params prefixes the branch's parameter names with the block's name", () => {
    expect(new Residual([new Dense(2, 2), new Dense(2, 2)], "res").params().map((p) => p.name)).toEqual([
      "res.dense1.W",
      "res.dense1.b",
      "res.dense2.W",
      "res.dense2.b",
    ]);
  });
});
