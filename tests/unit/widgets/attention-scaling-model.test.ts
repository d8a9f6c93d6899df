import { describe, expect, it } from "vitest";
import { CurveBuild, WIDTHS, cachedCurves, runCurves, runWidth } from "../../../src/widgets/attention-scaling-model";

describe("attention scaling model", () => {
  it("runWidth: at d = 1 the two ways agree, since √1 = 1", () => {
    const r = runWidth(1, 8);
    expect(r.scaled.entropy).toBeCloseTo(r.unscaled.entropy, 12);
    expect(r.exampleScaled).toEqual(r.exampleUnscaled);
  });

  it("runCurves: without the scale the rows saturate as d grows; with it the entropy stays near its d = 1 level", () => {
    const runs = runCurves(10),
      first = runs[0],
      last = runs[runs.length - 1];
    expect(runs.map((r) => r.d)).toEqual(WIDTHS);
    // Unscaled at d = 512: scores with standard deviation ≈ 22.6 make nearly one-hot rows.
    expect(last.unscaled.entropy).toBeLessThan(0.3);
    expect(last.unscaled.largest).toBeGreaterThan(0.9);
    expect(last.unscaled.jacobian).toBeLessThan(0.1);
    expect(first.unscaled.jacobian / last.unscaled.jacobian).toBeGreaterThan(4);
    // Scaled: the scores keep variance 1 at every width.
    expect(Math.abs(last.scaled.entropy - first.scaled.entropy)).toBeLessThan(0.2);
    expect(last.scaled.entropy).toBeGreaterThan(1.5);
    expect(last.scaled.entropy).toBeLessThan(Math.log(10));
  });

  it("runWidth: every row of weights is a probability vector", () => {
    const r = runWidth(64, 5);
    for (const row of [r.exampleScaled, r.exampleUnscaled]) {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Math.min(...row)).toBeGreaterThanOrEqual(0);
    }
  });

  it("CurveBuild computes one width per advance and keeps the finished curves for their T", () => {
    const build = new CurveBuild(3);
    expect(cachedCurves(3)).toBeUndefined();
    for (let k = 1; k < WIDTHS.length; k++) {
      expect(build.advance()).toBe(false);
      expect(build.runs).toHaveLength(k);
    }
    expect(build.advance()).toBe(true);
    expect(cachedCurves(3)).toBe(build.runs);
    expect(runCurves(3)).toBe(build.runs);
    expect(build.runs[4]).toEqual(runWidth(16, 3));
  });
});
