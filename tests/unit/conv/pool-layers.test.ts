import { describe, expect, it } from "vitest";
import { AvgPool2d, Conv2d, Dense, MaxPool2d, Sequential, Tensor, avgPool2d, createRng, gradCheck, losses, maxPool2d } from "../../../lib";
import { randn } from "./fd";

describe("MaxPool2d", () => {
  it("MaxPool2d.forward on NCHW images equals maxPool2d and keeps the indices", () => {
    const X = randn(createRng(1), [2, 3, 4, 5]);
    const pool = new MaxPool2d(2, { stride: 1 });
    const ref = maxPool2d(X, 2, { stride: 1 });
    expect([...pool.forward(X).data]).toEqual([...ref.output.data]);
    expect([...pool.cache.indices.data]).toEqual([...ref.indices.data]);
    expect(pool.params()).toEqual([]);
  });

  it("MaxPool2d.backward passes gradCheck between Conv2d and Dense, columns layout", () => {
    const rng = createRng(2);
    const conv = new Conv2d(1, 2, 3, { padding: 1, inputSize: [6, 6], rng });
    const pool = new MaxPool2d(3, { stride: 2, padding: 1, inputShape: conv.outputShape });
    const [C, H, W] = pool.outputShape;
    expect([C, H, W]).toEqual([2, 3, 3]);
    const model = new Sequential([conv, pool, new Dense(C * H * W, 2, { rng })]);
    const X = randn(rng, [36, 4]),
      Y = randn(rng, [2, 4]);
    const report = gradCheck(model, X, Y, losses.halfMse, { input: true, threshold: 1e-7 });
    expect(report.entries.map((e) => e.name)).toEqual(["conv2d1.W", "conv2d1.b", "dense1.W", "dense1.b", "X"]);
    expect(report.ok).toBe(true);
  });

  it("MaxPool2d needs its inputShape for columns", () => {
    expect(() => new MaxPool2d(2).forward(new Tensor([16, 2]))).toThrow(RangeError);
  });
});

describe("AvgPool2d", () => {
  it("AvgPool2d.forward on NCHW images equals avgPool2d", () => {
    const X = randn(createRng(3), [2, 3, 4, 5]);
    const pool = new AvgPool2d(3, { stride: 1, padding: 1, countIncludePad: false });
    expect([...pool.forward(X).data]).toEqual([...avgPool2d(X, 3, { stride: 1, padding: 1, countIncludePad: false }).data]);
  });

  it("AvgPool2d.backward passes gradCheck between Conv2d and Dense, columns layout", () => {
    const rng = createRng(4);
    const conv = new Conv2d(2, 2, 2, { inputSize: [5, 5], rng });
    const pool = new AvgPool2d(2, { inputShape: conv.outputShape });
    const [C, H, W] = pool.outputShape;
    const model = new Sequential([conv, pool, new Dense(C * H * W, 1, { rng })]);
    const X = randn(rng, [50, 3]),
      Y = randn(rng, [1, 3]);
    const report = gradCheck(model, X, Y, losses.halfMse, { input: true, threshold: 1e-7 });
    expect(report.ok).toBe(true);
  });
});
