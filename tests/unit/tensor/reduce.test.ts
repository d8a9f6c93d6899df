import { describe, expect, it } from "vitest";
import { mean, sum, sumColumns, sumColumnsInto, sumRows, sumRowsInto } from "../../../lib/tensor/reduce";
import { Tensor } from "../../../lib/tensor/tensor";

const A = Tensor.from([
  [1, 2, 3],
  [4, 5, 6],
]);

describe("reductions", () => {
  it("sumColumns adds the columns into an [n, 1] column", () => {
    const s = sumColumns(A);
    expect(s.shape).toEqual([2, 1]);
    expect(s.toArray()).toEqual([[6], [15]]);
  });
  it("sumRows adds the rows into a [1, m] row", () => {
    expect(sumRows(A).toArray()).toEqual([[5, 7, 9]]);
  });
  it("sum and mean reduce everything or one axis", () => {
    expect(sum(A)).toBe(21);
    expect(mean(A)).toBe(3.5);
    expect(sum(A, 1).toArray()).toEqual([[6], [15]]);
    expect(mean(A, 1).toArray()).toEqual([[2], [5]]);
    expect(mean(A, 0).toArray()).toEqual([[2.5, 3.5, 4.5]]);
  });
  it("sumColumnsInto and sumRowsInto apply the factor and check the out size", () => {
    expect(sumColumnsInto(new Tensor([2, 1]), A, 1 / 3).toArray()).toEqual([[2], [5]]);
    expect(sumRowsInto(new Tensor([1, 3]), A, 0.5).toArray()).toEqual([[2.5, 3.5, 4.5]]);
    expect(() => sumColumnsInto(new Tensor([3, 1]), A)).toThrow(/sumColumns: shapes \[2, 3\] and \[3, 1\]/);
  });
});
