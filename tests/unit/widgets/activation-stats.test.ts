import { describe, expect, it } from "vitest";
import { tensorStats } from "../../../lib";
import {
  allCurves,
  intendedVariance,
  layerStats,
  sampledVariance,
  statsInput,
  StatsSweep,
  STATS_EXAMPLES,
  STATS_MAX_DEPTH,
  STATS_WIDTH,
} from "../../../src/widgets/activation-stats-model";

describe("statsInput", () => {
  it("statsInput gives 50 examples of 100 features from N(0, 1), the same each time", () => {
    const X = statsInput();
    expect(X.shape).toEqual([STATS_WIDTH, STATS_EXAMPLES]);
    expect(tensorStats(X).variance).toBeCloseTo(1, 1);
    expect(Array.from(X.data.subarray(0, 5))).toEqual(Array.from(statsInput().data.subarray(0, 5)));
  });
});

describe("layerStats", () => {
  it("layerStats gives one entry per layer with quantiles 5, 25, 50, 75, 95 %", () => {
    const s = layerStats("relu", "he", 6);
    expect(s).toHaveLength(6);
    expect(s[0].quantiles).toHaveLength(5);
  });
});

describe("allCurves (the chapter's claims)", () => {
  const tanh = allCurves("tanh", 30),
    relu = allCurves("relu", 30);
  const v = (c: typeof tanh, init: keyof typeof tanh, l: number) => c[init][l - 1].variance;
  it("allCurves tanh: N(0, 0.01²) loses about a factor 100 per layer and ends near 1e-60; N(0, 1) saturates near 0.9", () => {
    expect(v(tanh, "small", 30)).toBeGreaterThan(1e-61);
    expect(v(tanh, "small", 30)).toBeLessThan(1e-59);
    expect(v(tanh, "small", 11) / v(tanh, "small", 10)).toBeGreaterThan(0.005);
    expect(v(tanh, "small", 11) / v(tanh, "small", 10)).toBeLessThan(0.02);
    expect(v(tanh, "large", 30)).toBeGreaterThan(0.85);
    expect(v(tanh, "large", 30)).toBeLessThan(0.95);
    // Xavier fades, but slowly: between the two, and well above the small init.
    expect(v(tanh, "xavier", 30)).toBeLessThan(v(tanh, "xavier", 1));
    expect(v(tanh, "xavier", 30)).toBeGreaterThan(1e-3);
  });
  it("allCurves ReLU: Xavier loses about 1e-9 over 30 layers, He stays near its start, N(0, 1) explodes, half the outputs are 0", () => {
    const ratio = v(relu, "xavier", 30) / v(relu, "xavier", 1);
    expect(ratio).toBeGreaterThan(1e-10);
    expect(ratio).toBeLessThan(1e-8);
    expect(v(relu, "he", 30) / v(relu, "he", 1)).toBeGreaterThan(0.5);
    expect(v(relu, "he", 30) / v(relu, "he", 1)).toBeLessThan(2);
    expect(v(relu, "large", 30)).toBeGreaterThan(1e40);
    for (const s of relu.he) expect(Math.abs(s.zeroFraction - 0.5)).toBeLessThan(0.1);
  });
});

describe("sampledVariance", () => {
  it("sampledVariance matches intendedVariance (1e-4, 1, 1/n, 2/n) to within 2 %", () => {
    expect(intendedVariance("xavier")).toBe(0.01);
    expect(intendedVariance("he")).toBe(0.02);
    for (const init of ["small", "large", "xavier", "he"] as const) {
      expect(Math.abs(sampledVariance(init) / intendedVariance(init) - 1)).toBeLessThan(0.02);
    }
  });
});

describe("StatsSweep", () => {
  it("StatsSweep.advance gives, layer by layer, the same statistics as layerStats, the first scheme first", () => {
    const sweep = new StatsSweep("tanh");
    sweep.first = "he";
    expect(sweep.advance(8)).toBe(false);
    expect(sweep.stats.he).toEqual(layerStats("tanh", "he", 8));
    expect(sweep.stats.small).toHaveLength(0);
    expect(sweep.ready(8)).toBe(false);
    sweep.first = "large"; // a switch mid-way: the next layers are the new first scheme's
    sweep.advance(3);
    expect(sweep.stats.large).toHaveLength(3);
    while (!sweep.advance(50));
    expect(sweep.finished).toBe(true);
    for (const init of ["small", "large", "xavier", "he"] as const) {
      expect(sweep.stats[init]).toHaveLength(STATS_MAX_DEPTH);
      expect(sweep.stats[init].slice(0, 12)).toEqual(layerStats("tanh", init, 12));
    }
  });
  it("StatsSweep: layer l's statistics do not depend on the depth (the deepest network's prefix)", () => {
    const sweep = new StatsSweep("relu");
    while (!sweep.advance(50));
    expect(sweep.stats.xavier.slice(0, 30)).toEqual(layerStats("relu", "xavier", 30));
    expect(sweep.stats.large.slice(0, 5)).toEqual(layerStats("relu", "large", 5));
  });
});
