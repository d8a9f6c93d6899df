import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cosineSimilarity } from "../../../lib";

describe("cosineSimilarity", () => {
  it("cosineSimilarity of hand-worked vectors", () => {
    // u = (0.5, 1, −1), v = (2, 0.5, 1): u·v = 1 + 0.5 − 1 = 0.5, ‖u‖ = 1.5, ‖v‖ = √5.25
    expect(cosineSimilarity([0.5, 1, -1], [2, 0.5, 1])).toBeCloseTo(0.5 / (1.5 * Math.sqrt(5.25)), 14);
    expect(cosineSimilarity([1, 0], [0, 2])).toBe(0);
    expect(cosineSimilarity([1, 2], [-2, -4])).toBeCloseTo(-1, 14);
  });
  it("cosineSimilarity ignores positive scaling and stays within [−1, 1]", () => {
    const vec = fc
      .array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 })
      .filter((v) => v.some((x) => Math.abs(x) > 1e-3));
    fc.assert(
      fc.property(vec, vec, fc.double({ min: 0.01, max: 100, noNaN: true }), (u, v, c) => {
        const s = cosineSimilarity(u, v);
        expect(Math.abs(s)).toBeLessThanOrEqual(1 + 1e-12);
        expect(
          cosineSimilarity(
            u.map((x) => c * x),
            v,
          ),
        ).toBeCloseTo(s, 9);
      }),
    );
  });
  it("cosineSimilarity rejects a zero vector and mismatched lengths", () => {
    expect(() => cosineSimilarity([0, 0], [1, 2])).toThrow(/zero vector/);
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(/length 1 and 2/);
  });
});
