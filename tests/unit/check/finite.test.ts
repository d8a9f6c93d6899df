import { describe, expect, it } from "vitest";
import { finiteDifference, gradCheckFn, relativeError } from "../../../lib/check/finite";

describe("finite differences", () => {
  it("finiteDifference approximates the gradient and restores x", () => {
    const x = Float64Array.from([2, -1]);
    const g = finiteDifference((v) => v[0] * v[0] + 3 * v[1] + v[0] * v[1], x);
    expect(g[0]).toBeCloseTo(2 * 2 - 1, 8);
    expect(g[1]).toBeCloseTo(3 + 2, 8);
    expect(Array.from(x)).toEqual([2, -1]);
  });
  it("relativeError is ‖a − b‖/(‖a‖ + ‖b‖) and 0 for two zero vectors", () => {
    expect(relativeError([3, 0], [0, 4])).toBeCloseTo(5 / 7, 15);
    expect(relativeError([0, 0], [0, 0])).toBe(0);
    expect(() => relativeError([1], [1, 2])).toThrow(/shapes \[1\] and \[2\]/);
  });
  it("gradCheckFn passes a correct derivative and flags a wrong one", () => {
    const x = Float64Array.from([0.7, -1.3]),
      f = (v: Float64Array) => Math.sin(v[0]) * Math.exp(v[1]);
    const right = [Math.cos(0.7) * Math.exp(-1.3), Math.sin(0.7) * Math.exp(-1.3)];
    expect(gradCheckFn(f, x, right).relativeError).toBeLessThan(1e-9);
    expect(gradCheckFn(f, x, [right[0], -right[1]]).relativeError).toBeGreaterThan(0.1);
  });
});
