import { describe, expect, it } from "vitest";
import { stackSteps, stepNorms, stepOf, stepViews } from "../../../lib/rnn/sequence";
import { Tensor } from "../../../lib/tensor/tensor";

describe("sequence helpers", () => {
  it("stackSteps lays step t of T [n, m] matrices at offset t·n·m of one [T, n, m] tensor", () => {
    const S = stackSteps([Tensor.from([[1, 2]]), Tensor.from([[3, 4]]), Tensor.from([[5, 6]])]);
    expect(S.shape).toEqual([3, 1, 2]);
    expect(Array.from(S.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => stackSteps([Tensor.from([[1, 2]]), Tensor.from([[1], [2]])])).toThrow(/step 1/);
  });

  it("stepViews shares the sequence's buffer and returns the same views on every call", () => {
    const S = new Tensor([2, 2, 1], [1, 2, 3, 4]),
      views = stepViews(S);
    expect(views[1].toArray()).toEqual([[3], [4]]);
    views[1].data[0] = 30;
    expect(S.data[2]).toBe(30);
    expect(stepViews(S)).toBe(views);
    expect(stepOf(S, 0)).toBe(views[0]);
    expect(() => stepOf(S, 2)).toThrow(/outside 0…1/);
  });

  it("stepNorms is the Frobenius norm of each step", () => {
    const S = new Tensor([2, 1, 2], [3, 4, 0, -2]);
    expect(Array.from(stepNorms(S))).toEqual([5, 2]);
    const out = new Float64Array(2);
    expect(stepNorms(S, out)).toBe(out);
  });
});
