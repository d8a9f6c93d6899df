import { describe, expect, it } from "vitest";
import {
  ActivationLayer,
  Conv2d,
  Dense,
  SGD,
  Sequential,
  Tensor,
  Trainer,
  conv2d,
  convParamCount,
  createRng,
  gradCheck,
  losses,
  multiHeadAttentionParamCount,
  MultiheadAttention,
  paramCount,
} from "../../../lib";
import { maxRelDiff, randn } from "./fd";

// Examples as columns: column j holds image j flattened as (channel, row, column), i.e. PyTorch's x.flatten(1) transposed.
function toColumns(X: Tensor): Tensor {
  const [N] = X.shape,
    n = X.size / N,
    A = new Tensor([n, N]);
  for (let j = 0; j < N; j++) for (let r = 0; r < n; r++) A.data[r * N + j] = X.data[j * n + r];
  return A;
}

describe("Conv2d", () => {
  it("Conv2d.forward on NCHW images equals conv2d with its W and b", () => {
    const rng = createRng(3);
    const conv = new Conv2d(2, 3, [2, 3], { stride: 2, padding: 1, rng });
    const X = randn(rng, [2, 2, 5, 5]);
    const Y = conv.forward(X);
    expect(Y.shape).toEqual([2, 3, 3, 3]);
    expect(maxRelDiff(Y.data, conv2d(X, conv.W, conv.b, { stride: 2, padding: 1 }).data)).toBe(0);
  });

  it("Conv2d.forward on columns gives the flattened NCHW output as columns", () => {
    const rng = createRng(4);
    const conv = new Conv2d(2, 3, 3, { padding: 1, inputSize: [4, 5], rng });
    const X = randn(rng, [3, 2, 4, 5]);
    const A = conv.forward(toColumns(X));
    expect(A.shape).toEqual([3 * 4 * 5, 3]);
    expect(conv.outputShape).toEqual([3, 4, 5]);
    expect(maxRelDiff(A.data, toColumns(conv2d(X, conv.W, conv.b, { padding: 1 })).data)).toBe(0);
  });

  it("Conv2d starts uniform in ±1/√(C_in·kH·kW), as PyTorch", () => {
    const conv = new Conv2d(3, 8, 3);
    const bound = 1 / Math.sqrt(27);
    for (const v of [...conv.W.data, ...(conv.b?.data ?? [])]) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
    expect(Math.max(...conv.W.data.map(Math.abs))).toBeGreaterThan(bound * 0.8);
  });

  it("Conv2d.backward passes gradCheck in a Sequential with Dense (W, b and the input)", () => {
    const rng = createRng(5);
    const conv = new Conv2d(2, 3, 2, { stride: [1, 2], padding: 1, dilation: [2, 1], inputSize: [4, 5], rng });
    const [Co, Ho, Wo] = conv.outputShape;
    const model = new Sequential([conv, new ActivationLayer("tanh"), new Dense(Co * Ho * Wo, 2, { rng })]);
    const X = toColumns(randn(rng, [3, 2, 4, 5])),
      Y = randn(rng, [2, 3]);
    const report = gradCheck(model, X, Y, losses.halfMse, { input: true, threshold: 1e-7 });
    expect(report.entries.map((e) => e.name)).toEqual(["conv2d1.W", "conv2d1.b", "dense1.W", "dense1.b", "X"]);
    expect(report.ok).toBe(true);
  });

  it("Conv2d.backward on NCHW images gives dW as the mean over images and dX per image", () => {
    const rng = createRng(6);
    const conv = new Conv2d(1, 2, 2, { bias: false, rng });
    const X = randn(rng, [2, 1, 3, 3]);
    conv.forward(X);
    const dY = randn(rng, [2, 2, 2, 2]);
    const dX = conv.backward(dY);
    const one = new Conv2d(1, 2, 2, { bias: false, rng });
    one.W.data.set(conv.W.data);
    const dW = new Float64Array(conv.W.size);
    for (let n = 0; n < 2; n++) {
      one.forward(new Tensor([1, 1, 3, 3], X.data.slice(n * 9, n * 9 + 9)));
      const dXn = one.backward(new Tensor([1, 2, 2, 2], dY.data.slice(n * 8, n * 8 + 8)));
      expect(maxRelDiff(dX.data.slice(n * 9, n * 9 + 9), dXn.data)).toBeLessThan(1e-15);
      for (let k = 0; k < dW.length; k++) dW[k] += one.dW.data[k] / 2;
    }
    expect(maxRelDiff(conv.dW.data, dW)).toBeLessThan(1e-15);
    expect(conv.params().map((p) => p.name)).toEqual(["W"]);
  });

  it("Conv2d trains with SGD in a Trainer (the loss falls)", () => {
    const rng = createRng(8);
    const conv = new Conv2d(1, 2, 3, { inputSize: [5, 5], rng });
    const model = new Sequential([conv, new ActivationLayer("relu"), new Dense(2 * 3 * 3, 1, { rng })]);
    const X = toColumns(randn(rng, [16, 1, 5, 5])),
      Y = randn(rng, [1, 16]);
    const trainer = new Trainer({ model, loss: losses.halfMse, optimizer: new SGD({ lr: 0.05 }), X, Y });
    const first = trainer.run(1).loss;
    const last = trainer.run(200).loss;
    expect(last).toBeLessThan(first * 0.5);
  });

  it("Conv2d and MultiheadAttention hold as many parameters as convParamCount and multiHeadAttentionParamCount say", () => {
    expect(paramCount(new Conv2d(3, 64, 3))).toBe(convParamCount(3, 64, 3));
    expect(paramCount(new Conv2d(64, 128, [1, 3], { bias: false }))).toBe(convParamCount(64, 128, 1, 3, false));
    const count = (m: MultiheadAttention) => m.params().reduce((s, p) => s + p.value.length, 0);
    expect(count(new MultiheadAttention(16, 4))).toBe(multiHeadAttentionParamCount(16));
    expect(count(new MultiheadAttention(16, 4, { bias: false }))).toBe(multiHeadAttentionParamCount(16, false));
  });

  it("Conv2d rejects an input of the wrong size", () => {
    const conv = new Conv2d(2, 1, 3, { inputSize: [4, 4] });
    expect(() => conv.forward(new Tensor([2 * 4 * 5, 1]))).toThrow(RangeError);
    expect(() => conv.forward(new Tensor([1, 3, 4, 4]))).toThrow(RangeError);
    expect(() => new Conv2d(1, 1, 5, { inputSize: [3, 3] })).toThrow(RangeError);
  });
});
