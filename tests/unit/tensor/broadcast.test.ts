import { describe, expect, it } from "vitest";
import { addColumn, addColumnInto } from "../../../lib/tensor/broadcast";
import { Tensor } from "../../../lib/tensor/tensor";

describe("addColumn", () => {
  it("addColumn adds b[i] to every entry of row i", () => {
    expect(
      addColumn(
        Tensor.from([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        Tensor.from([[10], [20]]),
      ).toArray(),
    ).toEqual([
      [11, 12, 13],
      [24, 25, 26],
    ]);
  });
  it("addColumnInto works in place", () => {
    const A = Tensor.from([[1, 2]]);
    addColumnInto(A, A, Tensor.from([[1]]));
    expect(A.toArray()).toEqual([[2, 3]]);
  });
  it("addColumn throws naming both shapes when b is not a matching column", () => {
    expect(() => addColumn(new Tensor([2, 3]), new Tensor([3, 1]))).toThrow(/addColumn: shapes \[2, 3\] and \[3, 1\]/);
    expect(() => addColumn(new Tensor([2, 3]), new Tensor([1, 2]))).toThrow(/addColumn: shapes \[2, 3\] and \[1, 2\]/);
  });
});
