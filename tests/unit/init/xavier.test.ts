import { describe, expect, it } from "vitest";
import { xavierNormal, xavierUniform } from "../../../lib/init/xavier";
import { createRng } from "../../../lib/random/rng";
import { moments } from "./variance.helpers";

// Erratum E50–51: Var(W) = 2/(fan_in + fan_out), not 2/√(fan_in + fan_out).
describe("xavier", () => {
  it("xavierUniform has bound √(6/(fan_in + fan_out)) and variance 2/(fan_in + fan_out)", () => {
    const W = xavierUniform(createRng(1), 300, 500),
      { variance, maxAbs } = moments(W);
    const expected = 2 / 800,
      wrong = 2 / Math.sqrt(800);
    expect(maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 800));
    expect(maxAbs).toBeGreaterThan(0.99 * Math.sqrt(6 / 800));
    expect(Math.abs(variance - expected) / expected).toBeLessThan(0.02);
    expect(Math.abs(variance - wrong) / wrong).toBeGreaterThan(0.5);
  });
  it("xavierNormal has standard deviation √(2/(fan_in + fan_out))", () => {
    const { variance } = moments(xavierNormal(createRng(2), 300, 500));
    expect(Math.abs(variance - 2 / 800) / (2 / 800)).toBeLessThan(0.02);
  });
  it("xavierUniform scales by the gain option (variance × gain²)", () => {
    const { variance } = moments(xavierUniform(createRng(3), [300, 500], undefined, { gain: 5 / 3 }));
    const expected = (25 / 9) * (2 / 800);
    expect(Math.abs(variance - expected) / expected).toBeLessThan(0.02);
  });
});
