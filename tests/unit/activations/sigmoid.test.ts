import { describe, expect, it } from "vitest";
import { sigmoid } from "../../../lib/activations/sigmoid";

describe("sigmoid", () => {
  it("sigmoid.f(0) = 0.5 and sigmoid.df(0) = 1/4, its maximum", () => {
    expect(sigmoid.f(0)).toBe(0.5);
    expect(sigmoid.df(0)).toBe(0.25);
    expect(sigmoid.df(1)).toBeLessThan(0.25);
  });
  it("sigmoid.f(2) = 1/(1 + e^(−2))", () => {
    expect(sigmoid.f(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(sigmoid.f(-2)).toBeCloseTo(1 - 0.8807970779778823, 15);
  });
  it("sigmoid.f saturates to exactly 1 and 0 at ±1000 without NaN", () => {
    expect(sigmoid.f(1000)).toBe(1);
    expect(sigmoid.f(-1000)).toBe(0);
    expect(sigmoid.df(-1000)).toBe(0);
  });
});
