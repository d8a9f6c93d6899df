import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { losses } from "../../../lib/losses";
import type { Dense } from "../../../lib/layers/dense";
import { mlpDeep } from "../../../lib/layers/mlp-deep";
import type { Residual } from "../../../lib/layers/residual";
import type { Sequential } from "../../../lib/layers/sequential";
import { randomTensor, seeded } from "../helpers";

describe("mlpDeep", () => {
  it("mlpDeep builds depth hidden layers and a linear output, one entry of layers each", () => {
    const net = mlpDeep({ nIn: 4, width: 8, depth: 5, activation: "tanh" });
    expect(net.layers).toHaveLength(6);
    const dense = net.layers as Dense[];
    expect(dense.map((l) => [l.nIn, l.nOut, l.activation.name])).toEqual([
      [4, 8, "tanh"],
      [8, 8, "tanh"],
      [8, 8, "tanh"],
      [8, 8, "tanh"],
      [8, 8, "tanh"],
      [8, 1, "linear"],
    ]);
  });
  it("mlpDeep with batchNorm puts Dense → BatchNorm → activation in each hidden layer", () => {
    const net = mlpDeep({ nIn: 2, width: 3, depth: 2, batchNorm: true, activation: "sigmoid" });
    const block = net.layers[0] as Sequential;
    expect(block.layers.map((l) => l.kind)).toEqual(["dense", "batchNorm", "activation"]);
    expect((block.layers[0] as Dense).activation.name).toBe("linear");
  });
  it("mlpDeep with residual skips every hidden layer but the first, so A⁽ˡ⁾ = A⁽ˡ⁻¹⁾ + g(Z⁽ˡ⁾)", () => {
    const rng = seeded(1),
      net = mlpDeep({ nIn: 3, width: 4, depth: 3, residual: true, activation: "tanh" });
    expect(net.layers.map((l) => l.kind)).toEqual(["dense", "residual", "residual", "dense"]);
    net.forward(randomTensor(rng, 3, 2));
    const block = net.layers[1] as Residual,
      inner = block.layers[0] as Dense;
    const A0 = net.layers[0].cache.A.data,
      A1 = block.cache.A.data;
    for (let i = 0; i < A1.length; i++) expect(A1[i]).toBeCloseTo(A0[i] + Math.tanh(inner.cache.Z.data[i]), 14);
  });
  it("mlpDeep with the same seed repeats its weights", () => {
    const a = mlpDeep({ nIn: 2, width: 3, depth: 3, seed: 9 }),
      b = mlpDeep({ nIn: 2, width: 3, depth: 3, seed: 9 });
    expect(Array.from((a.layers[2] as Dense).W.data)).toEqual(Array.from((b.layers[2] as Dense).W.data));
  });
  it("mlpDeep refuses a zero depth", () => {
    expect(() => mlpDeep({ nIn: 2, width: 3, depth: 0 })).toThrow(/depth/);
  });
  it("mlpDeep backward matches finite differences with and without batch norm and skips", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("tanh", "sigmoid", "leakyRelu"),
        fc.integer(),
        (batchNorm, residual, activation, seed) => {
          const rng = seeded(seed),
            net = mlpDeep({ nIn: 3, width: 4, depth: 3, batchNorm, residual, activation, seed: seed >>> 0 });
          const report = gradCheck(net, randomTensor(rng, 3, 5), randomTensor(rng, 1, 5), losses.halfMse, { input: true });
          expect(report.ok).toBe(true);
        },
      ),
      { seed: 11, numRuns: 16 },
    );
  });
});
