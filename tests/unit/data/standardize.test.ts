import { describe, expect, it } from "vitest";
import { standardize } from "../../../lib/data/standardize";
import { Tensor } from "../../../lib/tensor/tensor";

describe("standardize", () => {
  it("standardize centres and scales each row by its population std", () => {
    // row 0: [1, 2, 3] → μ = 2, σ = √((1 + 0 + 1)/3) = √(2/3);  row 1: [10, 10, 40] → μ = 20, σ = √((100 + 100 + 400)/3) = √200
    const { Z, mean, std } = standardize(
      Tensor.from([
        [1, 2, 3],
        [10, 10, 40],
      ]),
    );
    expect(Array.from(mean)).toEqual([2, 20]);
    expect(std[0]).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(std[1]).toBeCloseTo(Math.sqrt(200), 13);
    expect(Z.get(0, 0)).toBeCloseTo(-1 / Math.sqrt(2 / 3), 14);
    expect(Z.get(1, 2)).toBeCloseTo(20 / Math.sqrt(200), 14);
  });

  it("standardize reuses given stats for new data", () => {
    const { mean, std } = standardize(Tensor.from([[1, 2, 3]]));
    const { Z } = standardize(Tensor.from([[2, 2 + Math.sqrt(2 / 3)]]), { mean, std });
    expect(Z.get(0, 0)).toBeCloseTo(0, 15);
    expect(Z.get(0, 1)).toBeCloseTo(1, 14);
  });

  it("standardize leaves a constant feature at 0 instead of dividing by 0", () => {
    const { Z, std } = standardize(Tensor.from([[5, 5, 5]]));
    expect(std[0]).toBe(1);
    expect(Array.from(Z.data)).toEqual([0, 0, 0]);
  });
});
