import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activationStats, denseLayers, gradNormsPerLayer, tensorStats } from "../../../lib/check/layer-stats";
import { halfMse } from "../../../lib/losses/mse";
import { mlp } from "../../../lib/layers/mlp";
import { mlpDeep } from "../../../lib/layers/mlp-deep";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor, seeded } from "../helpers";

describe("tensorStats", () => {
  it("tensorStats gives the population mean, variance, second moment and linear quantiles", () => {
    const s = tensorStats(Tensor.from([4, 1, 0, 3, 2]), [0, 0.25, 0.5, 0.9, 1]);
    expect(s.mean).toBe(2);
    expect(s.variance).toBe(2);
    expect(s.meanSquare).toBe(6);
    expect(s.std).toBeCloseTo(Math.SQRT2, 15);
    expect([s.min, s.max]).toEqual([0, 4]);
    expect(s.quantiles).toEqual([0, 1, 2, 3.6, 4]);
    expect(s.zeroFraction).toBe(0.2);
  });
  it("tensorStats: variance = meanSquare − mean² and quantiles are ordered, for any data", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 }), (xs) => {
        const s = tensorStats(Tensor.from(xs));
        expect(s.variance).toBeGreaterThanOrEqual(0);
        expect(s.meanSquare - s.mean * s.mean).toBeCloseTo(s.variance, 6);
        for (let k = 1; k < s.quantiles.length; k++) expect(s.quantiles[k]).toBeGreaterThanOrEqual(s.quantiles[k - 1]);
        expect(s.quantiles[0]).toBeGreaterThanOrEqual(s.min);
      }),
      { seed: 3, numRuns: 100 },
    );
  });
  it("tensorStats refuses an empty tensor", () => {
    expect(() => tensorStats(new Tensor([0, 0]))).toThrow(/empty/);
  });
});

describe("denseLayers", () => {
  it("denseLayers finds the Dense layers inside batch-norm and residual blocks, in forward order", () => {
    const net = mlpDeep({ nIn: 3, width: 5, depth: 4, batchNorm: true, residual: true });
    const dense = denseLayers(net);
    expect(dense.map((l) => l.kind)).toEqual(Array(5).fill("dense"));
    expect(dense[dense.length - 1].name).toBe("output");
    expect(denseLayers(mlp([3, 4, 1]))).toHaveLength(2);
  });
});

describe("gradNormsPerLayer", () => {
  it("gradNormsPerLayer returns ‖dW‖_F of each Dense layer after backward", () => {
    const rng = seeded(4),
      net = mlp([3, 4, 2, 1], { hidden: "tanh", seed: 2 }),
      X = randomTensor(rng, 3, 6),
      Y = randomTensor(rng, 1, 6);
    net.backward(halfMse(net.forward(X), Y).dA);
    const byHand = denseLayers(net).map((l) => Math.hypot(...l.grads.dW.data));
    expect(gradNormsPerLayer(net)).toEqual(byHand.map((v) => expect.closeTo(v, 14)));
    expect(gradNormsPerLayer(net)).toHaveLength(3);
  });
  it("gradNormsPerLayer shows the vanishing gradient of a deep sigmoid net with tiny weights", () => {
    const rng = seeded(5),
      X = randomTensor(rng, 4, 16),
      Y = randomTensor(rng, 1, 16);
    const net = mlpDeep({
      nIn: 4,
      width: 8,
      depth: 10,
      activation: "sigmoid",
      init: (r, o, i) => {
        const W = new Tensor([o, i]);
        for (let k = 0; k < W.size; k++) W.data[k] = r.normal(0, 0.01);
        return W;
      },
    });
    net.backward(halfMse(net.forward(X), Y).dA);
    const norms = gradNormsPerLayer(net);
    expect(norms[0] / norms[norms.length - 1]).toBeLessThan(1e-15);
  });
  it("gradNormsPerLayer asks for a backward first", () => {
    expect(() => gradNormsPerLayer(mlp([2, 1]))).toThrow(/run backward first/);
  });
});

describe("activationStats", () => {
  it("activationStats gives one entry per hidden layer and the output, matching tensorStats of each A", () => {
    const rng = seeded(6),
      X = randomTensor(rng, 4, 10),
      net = mlpDeep({ nIn: 4, width: 6, depth: 3, activation: "relu" });
    net.forward(X);
    const stats = activationStats(net);
    expect(stats).toHaveLength(4);
    expect(stats[1]).toEqual(tensorStats(net.layers[1].cache.A));
    expect(stats[0].zeroFraction).toBeGreaterThan(0);
  });
  it("activationStats: He keeps ReLU second moments steady where Xavier halves them layer by layer", () => {
    const rng = seeded(7),
      X = randomTensor(rng, 100, 100);
    const ms = (init: "heNormal" | "xavierNormal") => {
      const net = mlpDeep({ nIn: 100, width: 100, depth: 10, activation: "relu", init, seed: 3 });
      net.forward(X);
      return activationStats(net)
        .slice(0, 10)
        .map((s) => s.meanSquare);
    };
    const he = ms("heNormal"),
      xavier = ms("xavierNormal");
    expect(he[9]).toBeGreaterThan(0.3);
    expect(he[9]).toBeLessThan(3);
    // Var(W) = 1/n for a square Xavier layer: each ReLU layer halves E[a²], so 10 layers give about 2^-10.
    expect(xavier[9] / xavier[0]).toBeGreaterThan(2 ** -9 / 4);
    expect(xavier[9] / xavier[0]).toBeLessThan(2 ** -9 * 4);
  });
  it("activationStats asks for a forward first", () => {
    expect(() => activationStats(mlp([2, 3, 1]))).toThrow(/run forward first/);
  });
});
