import { describe, expect, it } from "vitest";
import { oneHot, oneHotSequence } from "../../../lib/data/one-hot";

describe("one-hot encoding", () => {
  it("oneHot puts a 1 in row indices[j] of column j", () => {
    expect(oneHot([2, 0], 3).toArray()).toEqual([
      [0, 1],
      [0, 0],
      [1, 0],
    ]);
    expect(() => oneHot([3], 3)).toThrow(/index 3 at position 0/);
  });

  it("oneHotSequence reads tokens step by step into [T, K, m]", () => {
    const S = oneHotSequence([0, 1, 1, 2], 2, 2, 3);
    expect(S.shape).toEqual([2, 3, 2]);
    // step 0: example 0 is token 0, example 1 token 1; step 1: tokens 1 and 2
    expect(Array.from(S.data)).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1]);
    expect(() => oneHotSequence([0, 1, 2], 2, 2, 3)).toThrow(/do not fill/);
  });
});
