import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { affine, affineInto } from "../../../lib/tensor/affine";
import { addColumn } from "../../../lib/tensor/broadcast";
import { matmul } from "../../../lib/tensor/matmul";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor, seeded } from "../helpers";

describe("affine", () => {
  it("affine computes W·A_prev + b on a worked example", () => {
    // [1 2]·[[1, 0], [1, 2]] = [3, 4]; + 0.5 = [3.5, 4.5]
    expect(
      affine(
        Tensor.from([[1, 2]]),
        Tensor.from([
          [1, 0],
          [1, 2],
        ]),
        Tensor.from([[0.5]]),
      ).toArray(),
    ).toEqual([[3.5, 4.5]]);
  });
  it("affine equals addColumn(matmul(W, A_prev), b) for random shapes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (n, k, m, seed) => {
          const rng = seeded(seed);
          const W = randomTensor(rng, n, k),
            A = randomTensor(rng, k, m),
            b = randomTensor(rng, n, 1);
          const ref = addColumn(matmul(W, A), b),
            got = affine(W, A, b);
          for (let i = 0; i < ref.size; i++) expect(got.data[i]).toBeCloseTo(ref.data[i], 12);
        },
      ),
      { seed: 42, numRuns: 25 },
    );
  });
  it("affineInto throws naming both shapes when W and A_prev do not chain", () => {
    expect(() => affineInto(new Tensor([2, 4]), new Tensor([2, 3]), new Tensor([2, 4]), new Tensor([2, 1]))).toThrow(
      /shapes \[2, 3\] and \[2, 4\]/,
    );
  });
});
