import { describe, expect, it } from "vitest";
import { normal, uniform, zeros } from "../../../lib/init/basic";
import { createRng } from "../../../lib/random/rng";
import { moments } from "./variance.helpers";

describe("basic initializers", () => {
  it("zeros gives a [fanOut, fanIn] tensor of zeros", () => {
    const W = zeros(createRng(1), 4, 3);
    expect(W.shape).toEqual([4, 3]);
    expect(W.data.every((v) => v === 0)).toBe(true);
  });
  it("uniform draws from [low, high) with variance (high − low)²/12", () => {
    const { variance, maxAbs, mean } = moments(uniform(createRng(3), 200, 500, { low: -2, high: 2 }));
    expect(maxAbs).toBeLessThanOrEqual(2);
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(16 / 12, 1);
  });
  it("normal draws with the requested mean and standard deviation", () => {
    const { variance, mean } = moments(normal(createRng(4), 200, 500, { mean: 1, std: 0.5 }));
    expect(mean).toBeCloseTo(1, 2);
    expect(Math.abs(variance - 0.25) / 0.25).toBeLessThan(0.02);
  });
  it("uniform with the same seed gives the same weights", () => {
    expect(Array.from(uniform(createRng(9), 3, 3).data)).toEqual(Array.from(uniform(createRng(9), [3, 3]).data));
  });
});
