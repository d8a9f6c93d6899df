import { describe, expect, it } from "vitest";
import { gelu, geluTanh } from "../../../lib/activations/gelu";

describe("gelu", () => {
  it("gelu.f matches z·Φ(z) computed with Python's math.erf", () => {
    // 0.5·1·(1 + erf(1/√2)) = 0.8413447460685429;  −2·Φ(−2) = −2·0.5·erfc(√2) = −0.04550026389635844
    expect(gelu.f(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(gelu.f(-2)).toBeCloseTo(-0.04550026389635844, 14);
    expect(gelu.df(0)).toBe(0.5);
  });
  it("geluTanh.f matches the tanh formula and stays within 1e-3 of gelu.f", () => {
    // 0.5·(1 + tanh(√(2/π)·1.044715)) = 0.8411919906082768
    expect(geluTanh.f(1)).toBeCloseTo(0.8411919906082768, 14);
    for (let z = -6; z <= 6; z += 0.25) expect(Math.abs(geluTanh.f(z) - gelu.f(z))).toBeLessThan(1e-3);
  });
  it("gelu.f is finite at ±1000 and geluTanh.df does not produce NaN for huge z", () => {
    expect(gelu.f(1000)).toBe(1000);
    expect(gelu.f(-1000) === 0).toBe(true);
    expect(geluTanh.df(1e200)).toBe(1);
  });
});
