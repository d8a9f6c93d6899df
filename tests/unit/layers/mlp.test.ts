import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import type { Dense } from "../../../lib/layers/dense";
import { mlp } from "../../../lib/layers/mlp";
import { losses } from "../../../lib/losses";
import { randomLabels, randomTensor, seeded } from "../helpers";

describe("mlp", () => {
  it("mlp builds one Dense layer per pair of widths with the hidden and output activations", () => {
    const model = mlp([3, 4, 5, 1], { hidden: "tanh", output: "sigmoid" }),
      layers = model.layers as Dense[];
    expect(layers.map((l) => [l.nIn, l.nOut, l.activation.name])).toEqual([
      [3, 4, "tanh"],
      [4, 5, "tanh"],
      [5, 1, "sigmoid"],
    ]);
  });
  it("mlp with the same seed gives the same weights, and layers get different weights", () => {
    const a = mlp([2, 2, 2], { seed: 5 }).layers as Dense[],
      b = mlp([2, 2, 2], { seed: 5 }).layers as Dense[];
    expect(Array.from(a[0].W.data)).toEqual(Array.from(b[0].W.data));
    expect(Array.from(a[0].W.data)).not.toEqual(Array.from(a[1].W.data));
  });
  it("mlp needs at least two widths", () => {
    expect(() => mlp([3])).toThrow(/at least an input and an output/);
  });

  it("mlp backward matches finite differences for random widths, depths and losses", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom("tanh", "sigmoid", "gelu"),
        fc.integer(),
        (sizes, m, hidden, seed) => {
          const rng = seeded(seed),
            model = mlp(sizes, { hidden, rng }),
            nOut = sizes[sizes.length - 1];
          const X = randomTensor(rng, sizes[0], m);
          const report = gradCheck(model, X, randomLabels(rng, nOut, m), losses.bceWithLogits, { input: true });
          expect(report.ok).toBe(true);
        },
      ),
      { seed: 42, numRuns: 20 },
    );
  });
});
