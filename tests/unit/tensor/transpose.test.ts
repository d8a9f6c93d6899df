import { describe, expect, it } from "vitest";
import { transpose, transposeInto } from "../../../lib/tensor/transpose";
import { Tensor } from "../../../lib/tensor/tensor";

describe("transpose", () => {
  it("transpose swaps rows and columns", () => {
    expect(
      transpose(
        Tensor.from([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).toArray(),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });
  it("transpose of a 1-D tensor is a row", () => {
    const t = transpose(Tensor.from([1, 2, 3]));
    expect(t.shape).toEqual([1, 3]);
  });
  it("transposeInto checks the out shape", () => {
    const A = Tensor.from([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(transposeInto(new Tensor([3, 2]), A).get(2, 1)).toBe(6);
    expect(() => transposeInto(new Tensor([2, 3]), A)).toThrow(/transpose: shapes \[2, 3\] and \[2, 3\]/);
  });
});
