import { describe, expect, it } from "vitest";
import { miniBatches, takeColumns } from "../../../lib/data/mini-batches";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";

describe("miniBatches", () => {
  it("miniBatches covers every example once in ⌈m/B⌉ batches, the last one smaller", () => {
    const batches = miniBatches(10, 4, createRng(42));
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("miniBatches shuffles reproducibly from the rng", () => {
    expect(miniBatches(20, 5, createRng(42))).toEqual(miniBatches(20, 5, createRng(42)));
    expect(miniBatches(20, 5, createRng(42))).not.toEqual(miniBatches(20, 5, createRng(43)));
    const rng = createRng(1);
    expect(miniBatches(20, 20, rng)).not.toEqual(miniBatches(20, 20, rng)); // a new order each epoch
  });

  it("miniBatches with batch size m gives one full batch (GD), with 1 gives m single examples (SGD)", () => {
    expect(miniBatches(6, 6, createRng(3))).toHaveLength(1);
    expect(miniBatches(6, 1, createRng(3)).every((b) => b.length === 1)).toBe(true);
    expect(() => miniBatches(6, 0, createRng(3))).toThrow(/batch size/);
  });

  it("takeColumns gathers the listed examples", () => {
    const X = Tensor.from([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(takeColumns(X, [2, 0]).toArray()).toEqual([
      [3, 1],
      [6, 4],
    ]);
    expect(takeColumns(Tensor.from([[7, 8, 9]]), [1]).toArray()).toEqual([[8]]);
  });
});
