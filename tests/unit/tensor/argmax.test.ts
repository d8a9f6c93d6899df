import { describe, expect, it } from "vitest";
import { argmaxColumn, argmaxColumns } from "../../../lib/tensor/argmax";
import { Tensor } from "../../../lib/tensor/tensor";

describe("argmax", () => {
  it("argmaxColumns gives the row of each column's maximum", () => {
    expect(
      argmaxColumns(
        Tensor.from([
          [1, 9, 0],
          [5, 2, 0],
          [3, 3, 1],
        ]),
      ),
    ).toEqual([1, 0, 2]);
  });
  it("argmaxColumn picks the first index on ties", () => {
    expect(
      argmaxColumn(
        Tensor.from([
          [2, 0],
          [2, 0],
        ]),
        0,
      ),
    ).toBe(0);
  });
});
