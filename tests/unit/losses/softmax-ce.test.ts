import { describe, expect, it } from "vitest";
import { classAccuracy, softmaxCe } from "../../../lib/losses/softmax-ce";
import { softmax } from "../../../lib/activations/softmax";
import { Tensor } from "../../../lib/tensor/tensor";

const Z = Tensor.from([
  [1, 0.5],
  [2, -1],
  [3, 0],
]);

describe("softmaxCe", () => {
  it("softmaxCe averages −log softmax(z)[class] over examples, as torch.nn.CrossEntropyLoss", () => {
    // column 1: logsumexp(1, 2, 3) − 3 = 0.4076059644443806; column 2: logsumexp(0.5, −1, 0) − 0.5 = 0.6041306053367284
    expect(softmaxCe(Z, Tensor.from([[2, 0]])).loss).toBeCloseTo(0.5058682848905545, 14);
    expect(softmaxCe(Z, Tensor.from([[2, 0]]), "sum").loss).toBeCloseTo(2 * 0.5058682848905545, 14);
  });
  it("softmaxCe gives the same loss and dA for one-hot and index targets", () => {
    const a = softmaxCe(Z, Tensor.from([[2, 0]])),
      b = softmaxCe(
        Z,
        Tensor.from([
          [0, 1],
          [0, 0],
          [1, 0],
        ]),
      );
    expect(b.loss).toBeCloseTo(a.loss, 15);
    for (let i = 0; i < Z.size; i++) expect(b.dA.data[i]).toBeCloseTo(a.dA.data[i], 15);
  });
  it("softmaxCe dA is softmax(z) − y per example", () => {
    const { dA } = softmaxCe(Z, Tensor.from([[2, 0]])),
      p = softmax([1, 2, 3]);
    expect(dA.get(0, 0)).toBeCloseTo(p[0], 15);
    expect(dA.get(2, 0)).toBeCloseTo(p[2] - 1, 15);
  });
  it("softmaxCe is finite for logits of ±1000", () => {
    const r = softmaxCe(Tensor.from([[1000], [-1000]]), Tensor.from([[1]]));
    expect(r.loss).toBe(2000);
    expect(Array.from(r.dA.data)).toEqual([1, -1]);
  });
  it("softmaxCe rejects a class index out of range and a target of the wrong shape", () => {
    expect(() => softmaxCe(Z, Tensor.from([[3, 0]]))).toThrow(/class index 3 of example 0/);
    expect(() => softmaxCe(Z, new Tensor([2, 2]))).toThrow(/softmaxCe: shapes \[3, 2\] and \[2, 2\]/);
  });
  it("classAccuracy compares the arg-max logit with the label", () => {
    expect(classAccuracy(Z, Tensor.from([[2, 1]]))).toBe(0.5);
  });
});
