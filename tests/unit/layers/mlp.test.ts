import { describe, expect, it } from "vitest";
import type { Dense } from "../../../lib/layers/dense";
import { mlp } from "../../../lib/layers/mlp";

describe("mlp", () => {
  it("mlp builds one Dense layer per pair of widths with the hidden and output activations", () => {
    const model = mlp([3, 4, 5, 1], { hidden: "tanh", output: "sigmoid" }), layers = model.layers as Dense[];
    expect(layers.map((l) => [l.nIn, l.nOut, l.activation.name])).toEqual([[3, 4, "tanh"], [4, 5, "tanh"], [5, 1, "sigmoid"]]);
  });
  it("mlp with the same seed gives the same weights, and layers get different weights", () => {
    const a = mlp([2, 2, 2], { seed: 5 }).layers as Dense[], b = mlp([2, 2, 2], { seed: 5 }).layers as Dense[];
    expect(Array.from(a[0].W.data)).toEqual(Array.from(b[0].W.data));
    expect(Array.from(a[0].W.data)).not.toEqual(Array.from(a[1].W.data));
  });
  it("mlp needs at least two widths", () => {
    expect(() => mlp([3])).toThrow(/at least an input and an output/);
  });
});
