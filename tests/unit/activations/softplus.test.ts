import { describe, expect, it } from "vitest";
import { softplus } from "../../../lib/activations/softplus";

describe("softplus", () => {
  it("softplus.f(0) = log 2 and softplus.df = sigmoid", () => {
    expect(softplus.f(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus.df(0)).toBe(0.5);
    expect(softplus.f(3)).toBeCloseTo(Math.log(1 + Math.exp(3)), 14);
  });
  it("softplus.f is exact at ±1000 where log(1 + e^z) would overflow", () => {
    expect(softplus.f(1000)).toBe(1000);
    expect(softplus.f(-1000)).toBe(0);
    expect(softplus.f(-40)).toBeCloseTo(Math.exp(-40), 30);
  });
});
