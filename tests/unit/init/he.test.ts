import { describe, expect, it } from "vitest";
import { heNormal, heUniform } from "../../../lib/init/he";
import { createRng } from "../../../lib/random/rng";
import { moments } from "./variance.helpers";

// Erratum E52: He initialization, Var(W) = 2/fan_in.
describe("he", () => {
  it("heNormal has variance 2/fan_in", () => {
    const { variance, mean } = moments(heNormal(createRng(1), 400, 250));
    expect(Math.abs(variance - 2 / 250) / (2 / 250)).toBeLessThan(0.02);
    expect(Math.abs(mean)).toBeLessThan(0.002);
  });
  it("heUniform has bound √(6/fan_in) and variance 2/fan_in", () => {
    const { variance, maxAbs } = moments(heUniform(createRng(2), 400, 250));
    expect(maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 250));
    expect(Math.abs(variance - 2 / 250) / (2 / 250)).toBeLessThan(0.02);
  });
  it("heNormal with mode fanOut and gain 1 has variance 1/fan_out", () => {
    const { variance } = moments(heNormal(createRng(3), 400, 250, { mode: "fanOut", gain: 1 }));
    expect(Math.abs(variance - 1 / 400) / (1 / 400)).toBeLessThan(0.02);
  });
});
