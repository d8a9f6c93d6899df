import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { TwoLayerNet } from "../../../lib/layers/two-layer-net";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { matmul } from "../../../lib/tensor/matmul";
import { randomLabels, randomTensor } from "../helpers";

describe("TwoLayerNet", () => {
  const rng = createRng(8),
    X = randomTensor(rng, 3, 8),
    Y = randomLabels(rng, 1, 8);

  it("TwoLayerNet is the 3-4-1 house network with shapes W1 [4, 3], b1 [4, 1], W2 [1, 4], Z1 [4, m]", () => {
    const net = new TwoLayerNet({ seed: 1 });
    net.forward(X);
    expect([net.W1.shape, net.b1.shape, net.W2.shape, net.b2.shape, net.Z1.shape, net.A2.shape]).toEqual([
      [4, 3],
      [4, 1],
      [1, 4],
      [1, 1],
      [4, 8],
      [1, 8],
    ]);
    expect(net.X).toBe(X);
  });

  it("TwoLayerNet.backward with sigmoid + bce gives dZ2 = A2 − Y and dW2 = (1/m)·dZ2·A1ᵀ", () => {
    const net = new TwoLayerNet({ seed: 2, hidden: "tanh" });
    net.forward(X);
    net.backward(Y);
    for (let j = 0; j < 8; j++) expect(net.dZ2.data[j]).toBeCloseTo(net.A2.data[j] - Y.data[j], 12);
    const ref = matmul(net.dZ2, net.A1, { transB: true });
    for (let i = 0; i < 4; i++) expect(net.dW2.data[i]).toBeCloseTo(ref.data[i] / 8, 12);
    const dA1 = matmul(net.W2, net.dZ2, { transA: true });
    for (let i = 0; i < dA1.size; i++) expect(net.dA1.data[i]).toBeCloseTo(dA1.data[i], 12);
    expect(net.dZ1.shape).toEqual([4, 8]);
    expect(net.J).toBeGreaterThan(0);
  });

  it("TwoLayerNet gradients dW1, db1, dW2, db2 match finite differences of J", () => {
    const net = new TwoLayerNet({ seed: 3, hidden: "tanh" });
    expect(gradCheck(net.model, X, Y, net.loss).ok).toBe(true);
  });

  it("TwoLayerNet with a linear output uses the course's halfMse, so dZ2 = A2 − Y", () => {
    const net = new TwoLayerNet({ seed: 4, output: "linear" }),
      prices = randomTensor(rng, 1, 8, 3);
    expect(net.loss).toBe(losses.halfMse);
    net.forward(X);
    net.backward(prices);
    for (let j = 0; j < 8; j++) expect(net.dZ2.data[j]).toBeCloseTo(net.A2.data[j] - prices.data[j], 12);
  });
});
