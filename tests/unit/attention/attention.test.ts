import { describe, expect, it } from "vitest";
import { scaledDotProductAttention } from "../../../lib";

describe("scaledDotProductAttention", () => {
  it("scaledDotProductAttention divides the scores by √d_k before the softmax", () => {
    const r = scaledDotProductAttention(
      [[1, 0]],
      [
        [1, 0],
        [0, 1],
      ],
      [[1], [3]],
    );
    expect(r.scores[0][0]).toBeCloseTo(1 / Math.SQRT2, 12);
    const w0 = 1 / (1 + Math.exp(-1 / Math.SQRT2));
    expect(r.weights[0][0]).toBeCloseTo(w0, 12);
    expect(r.output[0][0]).toBeCloseTo(w0 * 1 + (1 - w0) * 3, 12);
  });
  it("scaledDotProductAttention weights of each query sum to 1", () => {
    const r = scaledDotProductAttention(
      [
        [1, 2, 0],
        [0, -1, 1],
      ],
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [1, 1, 1],
      ],
      [
        [1, 0],
        [0, 1],
        [1, 1],
        [2, 2],
      ],
    );
    for (const row of r.weights) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.output).toHaveLength(2);
  });
  it("scaledDotProductAttention rejects keys and values that do not pair up", () => {
    expect(() => scaledDotProductAttention([[1]], [[1], [2]], [[1]])).toThrow(/2 keys but 1 values/);
  });
});
