import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { Dense } from "../../../lib/layers/dense";
import { Dropout } from "../../../lib/layers/dropout";
import { Sequential } from "../../../lib/layers/sequential";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor } from "../helpers";

describe("Dropout", () => {
  it("Dropout.forward in training zeroes dropped units and scales kept ones by 1/(1 − p)", () => {
    const drop = new Dropout(0.25, { rng: createRng(1) }),
      X = Tensor.full([10, 100], 3);
    const A = drop.forward(X),
      mask = drop.cache.mask;
    let kept = 0;
    for (let i = 0; i < A.size; i++) {
      expect(mask.data[i] === 0 || mask.data[i] === 1).toBe(true);
      expect(A.data[i]).toBeCloseTo((mask.data[i] * 3) / 0.75, 14);
      kept += mask.data[i];
    }
    expect(kept / A.size).toBeGreaterThan(0.7); // 1 − p = 0.75 in expectation
    expect(kept / A.size).toBeLessThan(0.8);
  });
  it("Dropout.forward keeps the mean activation unchanged in expectation (inverted dropout)", () => {
    const drop = new Dropout(0.5, { rng: createRng(2) }),
      A = drop.forward(Tensor.full([100, 100], 1));
    expect(A.data.reduce((s, v) => s + v, 0) / A.size).toBeCloseTo(1, 1);
  });
  it("Dropout.forward in eval mode is the identity (no scaling), and so is backward", () => {
    const drop = new Dropout(0.5).eval(),
      X = Tensor.from([[1, 2, 3]]),
      dA = Tensor.from([[4, 5, 6]]);
    expect(drop.forward(X)).toBe(X);
    expect(drop.backward(dA)).toBe(dA);
  });
  it("Dropout with the same seed draws the same mask, another seed another mask", () => {
    const X = Tensor.full([5, 20], 1);
    const maskOf = (seed: number) => Array.from(new Dropout(0.5, { rng: createRng(seed) }).forward(X).data);
    expect(maskOf(11)).toEqual(maskOf(11));
    expect(maskOf(11)).not.toEqual(maskOf(12));
  });
  it("Dropout.backward routes the gradient through the same mask, scaled by 1/(1 − p)", () => {
    const drop = new Dropout(0.4, { rng: createRng(3) });
    drop.forward(Tensor.full([4, 6], 1));
    const dA = Tensor.full([4, 6], 2),
      dA_prev = drop.backward(dA);
    for (let i = 0; i < dA.size; i++) expect(dA_prev.data[i]).toBeCloseTo((drop.cache.mask.data[i] * 2) / 0.6, 14);
  });
  it("Dropout.backward matches finite differences with the mask held fixed", () => {
    const rng = createRng(4),
      model = new Sequential([new Dense(3, 5, { activation: "tanh", rng }), new Dropout(0.3, { rng }), new Dense(5, 2, { rng })]);
    const report = gradCheck(model, randomTensor(rng, 3, 7), randomTensor(rng, 2, 7), losses.mse, { input: true });
    expect(report.ok).toBe(true);
  });
  it("Dropout with p = 0 keeps everything and p = 1 drops everything", () => {
    const X = Tensor.from([[1, -2]]);
    expect(new Dropout(0).forward(X).toArray()).toEqual([[1, -2]]);
    expect(Array.from(new Dropout(1).forward(X).data).every((v) => v === 0)).toBe(true);
    expect(() => new Dropout(1.5)).toThrow(/p must be in \[0, 1\]/);
  });
  it("Dropout.forward draws a fresh mask each call unless frozen", () => {
    const drop = new Dropout(0.5, { rng: createRng(5) }),
      X = Tensor.full([4, 8], 1);
    const first = Array.from(drop.forward(X).data),
      second = Array.from(drop.forward(X).data);
    expect(second).not.toEqual(first);
    drop.freeze();
    expect(Array.from(drop.forward(X).data)).toEqual(second);
  });
});
