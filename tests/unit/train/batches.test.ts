import { describe, expect, it } from "vitest";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { BatchCursor, gatherColumns } from "../../../lib/train/batches";

const X = Tensor.from([[0, 1, 2, 3, 4, 5, 6]]), Y = Tensor.from([[10, 11, 12, 13, 14, 15, 16]]);

describe("BatchCursor", () => {
  it("BatchCursor.next visits every example once per epoch, the last batch smaller", () => {
    const cursor = new BatchCursor(X, Y, 3, createRng(1)), seen: number[] = [], sizes: number[] = [];
    for (let k = 0; k < 3; k++) {
      const b = cursor.next();
      sizes.push(b.X.cols);
      seen.push(...Array.from(b.X.data));
      Array.from(b.X.data).forEach((x, j) => expect(b.Y.data[j]).toBe(x + 10)); // X and Y stay paired
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(cursor.epoch).toBe(1);
  });
  it("BatchCursor.next reuses its buffers and returns X itself for a full batch", () => {
    const cursor = new BatchCursor(X, Y, 3, createRng(1)), first = cursor.next().X;
    cursor.next();
    cursor.next();
    expect(cursor.next().X).toBe(first);
    expect(new BatchCursor(X, Y, 100, createRng(1)).next().X).toBe(X);
  });
  it("BatchCursor with the same seed gives the same batches", () => {
    const a = new BatchCursor(X, Y, 2, createRng(5)), b = new BatchCursor(X, Y, 2, createRng(5));
    for (let k = 0; k < 6; k++) expect(Array.from(a.next().X.data)).toEqual(Array.from(b.next().X.data));
  });
  it("gatherColumns copies the listed columns in order", () => {
    const out = new Tensor([1, 2]);
    expect(Array.from(gatherColumns(out, X, Int32Array.of(6, 2, 4), 1).data)).toEqual([2, 4]);
  });
});
