import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { ActivationLayer } from "../../../lib/layers/activation-layer";
import { BatchNorm } from "../../../lib/layers/batch-norm";
import { Dense } from "../../../lib/layers/dense";
import { Dropout } from "../../../lib/layers/dropout";
import { LayerNorm } from "../../../lib/layers/layer-norm";
import { Residual } from "../../../lib/layers/residual";
import { Sequential, nameLayers } from "../../../lib/layers/sequential";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor } from "../helpers";

function deepModel(seed: number) {
  const rng = createRng(seed);
  return new Sequential([
    new Dense(4, 6, { rng }),
    new BatchNorm(6),
    new ActivationLayer("tanh"),
    new Dropout(0.2, { rng }),
    new Residual([new Dense(6, 6, { activation: "gelu", rng }), new LayerNorm(6)]),
    new Dense(6, 3, { rng }),
  ]);
}

describe("Sequential", () => {
  it("Sequential.backward(dA, false) gives the same parameter gradients and skips only the first layer's dA_prev", () => {
    const rng = createRng(7);
    const X = randomTensor(rng, 4, 5),
      dA = randomTensor(rng, 3, 5);
    const a = new Sequential([new Dense(4, 6, { activation: "relu", rng: createRng(1) }), new Dense(6, 3, { rng: createRng(2) })]);
    const b = new Sequential([new Dense(4, 6, { activation: "relu", rng: createRng(1) }), new Dense(6, 3, { rng: createRng(2) })]);
    a.forward(X);
    b.forward(X);
    const full = a.backward(dA),
      skipped = b.backward(dA, false);
    a.params().forEach((p, k) => expect([...b.params()[k].grad]).toEqual([...p.grad]));
    expect([...b.layers[1].grads.dA_prev.data]).toEqual([...a.layers[1].grads.dA_prev.data]);
    expect(full.data.every(Number.isFinite)).toBe(true);
    expect(skipped.data.every(Number.isNaN)).toBe(true);
  });

  it("Sequential names unnamed layers by kind and position", () => {
    const model = deepModel(1);
    expect(model.layers.map((l) => l.name)).toEqual(["dense1", "batchNorm1", "activation1", "dropout1", "residual1", "dense2"]);
    expect(model.layer("dense2")).toBe(model.layers[5]);
  });
  it("nameLayers keeps names that were given", () => {
    const layers = [new Dense(1, 1, { name: "hidden" }), new Dense(1, 1)];
    nameLayers(layers);
    expect(layers.map((l) => l.name)).toEqual(["hidden", "dense2"]); // dense2: the second Dense
  });
  it("Sequential.forward chains the layers in order", () => {
    const rng = createRng(2),
      a = new Dense(2, 3, { activation: "relu", rng }),
      b = new Dense(3, 1, { rng });
    const X = randomTensor(rng, 2, 4),
      expected = Array.from(b.forward(a.forward(X)).data);
    expect(Array.from(new Sequential([a, b]).forward(X).data)).toEqual(expected);
  });
  it("Sequential.backward matches finite differences through dense, batch norm, activation, dropout, residual and layer norm", () => {
    const rng = createRng(9),
      model = deepModel(3);
    const report = gradCheck(model, randomTensor(rng, 4, 5), Tensor.from([[0, 1, 2, 1, 0]]), losses.softmaxCe, { input: true });
    expect(report.ok).toBe(true);
    expect(report.entries.map((e) => e.name)).toContain("residual1.layerNorm1.gamma");
    // a bias just before batch norm has zero gradient (the mean subtraction removes it); every other tensor passes on relative error
    const bias = report.entries.find((e) => e.name === "dense1.b")!;
    expect(Math.max(...bias.analytic.map(Math.abs))).toBeLessThan(1e-12);
    for (const e of report.entries.filter((e) => e.name !== "dense1.b")) expect(e.relativeError, e.name).toBeLessThan(1e-6);
  });
  it("Sequential.params is a flat list with decay only on weight matrices", () => {
    const ps = deepModel(1).params();
    expect(ps.filter((p) => p.decay).map((p) => p.name)).toEqual(["dense1.W", "residual1.dense1.W", "dense2.W"]);
    expect(ps.length).toBe(10);
  });
  it("Sequential.train and eval switch every layer, nested ones included", () => {
    const model = deepModel(1).eval();
    expect(model.layers.every((l) => !l.training)).toBe(true);
    expect((model.layers[4] as Residual).layers.every((l) => !l.training)).toBe(true);
    model.train();
    expect(model.layers[3].training).toBe(true);
  });
  it("Sequential layers expose their caches and gradients by course name", () => {
    const model = new Sequential([new Dense(2, 3, { activation: "relu" }), new Dense(3, 1)]);
    model.forward(
      Tensor.from([
        [1, 2],
        [3, 4],
      ]),
    );
    model.backward(Tensor.from([[1, -1]]));
    for (const key of ["A_prev", "Z", "A"]) expect(model.layers[0].cache[key]).toBeInstanceOf(Tensor);
    for (const key of ["dA", "dZ", "dW", "db", "dA_prev"]) expect(model.layers[1].grads[key]).toBeInstanceOf(Tensor);
  });
});
