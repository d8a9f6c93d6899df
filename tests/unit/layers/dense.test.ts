import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { Dense } from "../../../lib/layers/dense";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { matmul } from "../../../lib/tensor/matmul";
import { sumColumns } from "../../../lib/tensor/reduce";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor, seeded } from "../helpers";

const SMOOTH = ["linear", "sigmoid", "tanh", "elu", "gelu", "geluTanh", "softplus"] as const;

describe("Dense", () => {
  it("Dense.forward computes Z = W·A_prev + b and A = g(Z) on a worked example", () => {
    const layer = new Dense(2, 1, { activation: "relu" });
    layer.W.data.set([1, -2]);
    layer.b.data.set([0.5]);
    // columns (1, 1) and (3, 0): Z = [1 − 2 + 0.5, 3 + 0.5] = [−0.5, 3.5]; A = relu(Z) = [0, 3.5]
    const A = layer.forward(
      Tensor.from([
        [1, 3],
        [1, 0],
      ]),
    );
    expect(layer.cache.Z.toArray()).toEqual([[-0.5, 3.5]]);
    expect(A.toArray()).toEqual([[0, 3.5]]);
  });

  it("Dense.backward matches finite differences for random shapes and activations", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(...SMOOTH),
        fc.integer(),
        (nIn, nOut, m, activation, seed) => {
          const rng = seeded(seed),
            layer = new Dense(nIn, nOut, { activation, rng });
          layer.b.data.set(randomTensor(rng, nOut, 1).data);
          const report = gradCheck(layer, randomTensor(rng, nIn, m), randomTensor(rng, nOut, m), losses.mse, { input: true });
          expect(report.ok).toBe(true);
        },
      ),
      { seed: 42, numRuns: 25 },
    );
  });

  it("Dense.backward matches finite differences with relu and leakyRelu away from the kink", () => {
    for (const activation of ["relu", "leakyRelu"] as const) {
      const rng = createRng(7),
        layer = new Dense(3, 4, { activation, rng });
      const report = gradCheck(layer, randomTensor(rng, 3, 5), randomTensor(rng, 4, 5), losses.mse, { input: true });
      expect(report.ok).toBe(true);
    }
  });

  it("Dense.backward puts the 1/m in dW and db, not in dZ or dA_prev (the course's convention)", () => {
    const rng = createRng(3),
      layer = new Dense(3, 2, { activation: "tanh", rng }),
      X = randomTensor(rng, 3, 4),
      dA = randomTensor(rng, 2, 4);
    layer.forward(X);
    const dA_prev = layer.backward(dA),
      { dZ, dW, db } = layer.grads;
    for (let i = 0; i < dZ.size; i++) expect(dZ.data[i]).toBeCloseTo(dA.data[i] * (1 - layer.cache.A.data[i] ** 2), 14);
    const dWref = matmul(dZ, X, { transB: true }),
      dbRef = sumColumns(dZ),
      dAref = matmul(layer.W, dZ, { transA: true });
    for (let i = 0; i < dW.size; i++) expect(dW.data[i]).toBeCloseTo(dWref.data[i] / 4, 14);
    for (let i = 0; i < db.size; i++) expect(db.data[i]).toBeCloseTo(dbRef.data[i] / 4, 14);
    for (let i = 0; i < dA_prev.size; i++) expect(dA_prev.data[i]).toBeCloseTo(dAref.data[i], 14);
  });

  it("Dense.forward reuses its buffers for a batch size it has seen", () => {
    const layer = new Dense(2, 3, { activation: "sigmoid" }),
      X8 = new Tensor([2, 8]),
      X4 = new Tensor([2, 4]);
    const a = layer.forward(X8),
      b = layer.forward(X4),
      c = layer.forward(X8);
    expect(c).toBe(a);
    expect(b).not.toBe(a);
    expect(b.shape).toEqual([3, 4]);
    layer.backward(new Tensor([3, 8]));
    const g = layer.grads.dA_prev;
    layer.forward(X8);
    expect(layer.backward(new Tensor([3, 8]))).toBe(g);
  });

  it("Dense.params lists W (decayed) and b (not decayed) sharing the layer's buffers", () => {
    const layer = new Dense(3, 2, { name: "out" }),
      [W, b] = layer.params();
    expect([W.name, W.decay, W.shape, b.name, b.decay, b.shape]).toEqual(["out.W", true, [2, 3], "out.b", false, [2, 1]]);
    expect(W.value).toBe(layer.W.data);
    expect(b.grad).toBe(layer.db.data);
  });

  it("Dense.forward throws naming both shapes when A_prev has the wrong number of rows", () => {
    expect(() => new Dense(3, 2).forward(new Tensor([4, 5]))).toThrow(/Dense\(3→2\)\.forward: shapes \[2, 3\] and \[4, 5\]/);
  });

  it("Dense defaults to He initialization before relu and Xavier before tanh, with zero bias", () => {
    const relu = new Dense(400, 300, { activation: "relu", rng: createRng(1) }),
      tanh = new Dense(400, 300, { activation: "tanh", rng: createRng(1) });
    const variance = (t: Tensor) => t.data.reduce((s, v) => s + v * v, 0) / t.size;
    expect(variance(relu.W)).toBeCloseTo(2 / 400, 3);
    expect(variance(tanh.W)).toBeCloseTo(2 / 700, 3);
    expect(relu.b.data.every((v) => v === 0)).toBe(true);
  });
});
