import { describe, expect, it } from "vitest";
import { klStandardNormal } from "../../../lib";

describe("klStandardNormal", () => {
  it("klStandardNormal is 0 for the standard normal and ½μ² for a shifted one", () => {
    expect(klStandardNormal([0, 0], [1, 1])).toBe(0);
    expect(klStandardNormal([1], [1])).toBeCloseTo(0.5, 12);
  });
  it("klStandardNormal agrees with a numerical integral of p·log(p/q)", () => {
    const mu = 0.7,
      s = 0.6;
    const p = (x: number) => Math.exp(-((x - mu) ** 2) / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI));
    const q = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
    let integral = 0;
    const h = 1e-3;
    for (let x = -10; x < 10; x += h) integral += p(x) * Math.log(p(x) / q(x)) * h;
    expect(klStandardNormal([mu], [s])).toBeCloseTo(integral, 5);
  });
  it("klStandardNormal rejects σ ≤ 0", () => {
    expect(() => klStandardNormal([0], [0])).toThrow(/not positive/);
  });
});
