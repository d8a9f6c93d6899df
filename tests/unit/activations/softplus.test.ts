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
  it("softplus uses PyTorch's threshold 20: z itself and slope 1 above it, the exact formula at and below it", () => {
    expect(softplus.f(20.5)).toBe(20.5);
    expect(softplus.df(20.5)).toBe(1);
    // At 20 itself the formula still applies: 20 + log(1 + e^−20) = 20 + 2.06e-9.
    expect(softplus.f(20)).toBe(20 + Math.log1p(Math.exp(-20)));
    expect(softplus.f(20) - 20).toBeCloseTo(2.061153622e-9, 13);
    expect(softplus.df(20)).toBeCloseTo(1 - 2.061153618e-9, 13);
    expect(softplus.df(20)).toBeLessThan(1);
  });
});
