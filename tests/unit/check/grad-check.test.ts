import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { Dense } from "../../../lib/layers/dense";
import { mlp } from "../../../lib/layers/mlp";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import type { Tensor } from "../../../lib/tensor/tensor";
import { randomLabels, randomTensor } from "../helpers";

/** A Dense layer whose backward forgets the 1/m in dW: the mistake a gradient check exists to catch. */
class SummedDense extends Dense {
  backward(dA: Tensor): Tensor {
    const out = super.backward(dA),
      m = dA.cols;
    for (let i = 0; i < this.dW.size; i++) this.dW.data[i] *= m;
    return out;
  }
}

describe("gradCheck", () => {
  const rng = createRng(1),
    X = randomTensor(rng, 3, 5),
    Y = randomLabels(rng, 1, 5);

  it("gradCheck passes a correct model with relative errors far below 1e-6", () => {
    const report = gradCheck(mlp([3, 4, 1], { hidden: "tanh", seed: 2 }), X, Y, losses.bceWithLogits, { input: true });
    expect(report.ok).toBe(true);
    expect(report.maxRelativeError).toBeLessThan(1e-8);
    expect(report.entries.map((e) => e.name)).toEqual(["dense1.W", "dense1.b", "dense2.W", "dense2.b", "X"]);
  });

  it("gradCheck flags a backward that drops the 1/m, naming the wrong tensor", () => {
    const layer = new SummedDense(3, 1, { rng: createRng(3) }),
      report = gradCheck(layer, X, Y, losses.bceWithLogits);
    expect(report.ok).toBe(false);
    const bad = report.entries.filter((e) => !e.ok).map((e) => e.name);
    expect(bad).toEqual(["W"]);
  });

  it("gradCheck restores every parameter it perturbs", () => {
    const model = mlp([3, 2, 1], { seed: 4 }),
      before = model.params().map((p) => Array.from(p.value));
    gradCheck(model, X, Y, losses.bceWithLogits);
    expect(model.params().map((p) => Array.from(p.value))).toEqual(before);
  });
});
