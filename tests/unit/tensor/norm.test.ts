import { describe, expect, it } from "vitest";
import { norm2 } from "../../../lib/tensor/norm";
import { Tensor } from "../../../lib/tensor/tensor";

describe("norm2", () => {
  it("norm2 is the Euclidean norm of all entries", () => {
    expect(
      norm2(
        Tensor.from([
          [3, 4],
          [0, 12],
        ]),
      ),
    ).toBe(13);
    expect(norm2([0, 0])).toBe(0);
  });
  it("norm2 does not overflow for huge entries and propagates NaN", () => {
    expect(norm2(Float64Array.from([3e200, 4e200]))).toBeCloseTo(5e200, -188);
    expect(norm2([1, NaN])).toBeNaN();
  });
});
