import { describe, expect, it } from "vitest";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { BatchCursor, gatherColumns } from "../../../lib/train/batches";

const X = Tensor.from([[0, 1, 2, 3, 4, 5, 6]]),
  Y = Tensor.from([[10, 11, 12, 13, 14, 15, 16]]);

describe("BatchCursor", () => {
  it("BatchCursor.next visits every example once per epoch, the last batch smaller", () => {
    const cursor = new BatchCursor(X, Y, 3, createRng(1)),
      seen: number[] = [],
      sizes: number[] = [];
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
    const cursor = new BatchCursor(X, Y, 3, createRng(1)),
      first = cursor.next().X;
    cursor.next();
    cursor.next();
    expect(cursor.next().X).toBe(first);
    expect(new BatchCursor(X, Y, 100, createRng(1)).next().X).toBe(X);
  });
  it("BatchCursor with the same seed gives the same batches", () => {
    const a = new BatchCursor(X, Y, 2, createRng(5)),
      b = new BatchCursor(X, Y, 2, createRng(5));
    for (let k = 0; k < 6; k++) expect(Array.from(a.next().X.data)).toEqual(Array.from(b.next().X.data));
  });
  it("gatherColumns copies the listed columns in order", () => {
    const out = new Tensor([1, 2]);
    expect(Array.from(gatherColumns(out, X, Int32Array.of(6, 2, 4), 1).data)).toEqual([2, 4]);
  });
});

describe("BatchCursor on sequences", () => {
  it("BatchCursor.next batches sequences [T, n, m] along their last axis, whole examples at a time", () => {
    // Example j of step t, row i holds 100·t + 10·i + j, so every gathered value names where it came from.
    const T = 3,
      n = 2,
      m = 5,
      S = new Tensor([T, n, m]),
      L = new Tensor([T, 1, m]);
    for (let t = 0; t < T; t++) for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) S.data[(t * n + i) * m + j] = 100 * t + 10 * i + j;
    for (let t = 0; t < T; t++) for (let j = 0; j < m; j++) L.data[t * m + j] = j;
    const cursor = new BatchCursor(S, L, 2, createRng(3)),
      seen: number[] = [];
    for (let b = 0; b < 3; b++) {
      const { X: Xb, Y: Yb } = cursor.next(),
        B = Xb.shape[2];
      expect(Xb.shape.slice(0, 2)).toEqual([T, n]);
      for (let k = 0; k < B; k++) {
        const j = Yb.data[k];
        seen.push(j);
        for (let t = 0; t < T; t++) for (let i = 0; i < n; i++) expect(Xb.data[(t * n + i) * B + k]).toBe(100 * t + 10 * i + j);
      }
    }
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
