import { describe, expect, it } from "vitest";
import { Momentum, ravine } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  momentumSchema,
  velocityWeights,
  effectiveStep,
  valley,
  valleyPaths,
  sharedLr,
  matchedLrPytorch,
  isMatched,
  acrossTravel,
  WEIGHT_STEPS,
  VALLEY_KAPPA,
  type MomentumState,
} from "../../../src/widgets/momentum-explorer-model";

const base = (): MomentumState => defaults(momentumSchema);

describe("momentum explorer model", () => {
  it("velocityWeights gives β^k in the PyTorch form and (1 − β)β^k in the EMA form", () => {
    const pt = velocityWeights("pytorch", 0.9);
    const ema = velocityWeights("ema", 0.9);
    expect(pt).toHaveLength(WEIGHT_STEPS);
    pt.forEach((w, k) => expect(w).toBeCloseTo(0.9 ** k, 14));
    ema.forEach((w, k) => expect(w).toBeCloseTo(0.1 * 0.9 ** k, 14));
    expect(velocityWeights("pytorch", 0, 3)).toEqual([1, 0, 0]);
  });

  it("effectiveStep is 1/(1 − β) for the PyTorch form and 1 for the EMA form", () => {
    for (const beta of [0, 0.5, 0.9, 0.99]) {
      expect(effectiveStep("pytorch", beta)).toBeCloseTo(1 / (1 - beta), 8);
      expect(effectiveStep("ema", beta)).toBeCloseTo(1, 10);
    }
  });

  it("valley is the engine's ravine with the explorer's κ", () => {
    const v = valley(),
      r = ravine({ kappa: VALLEY_KAPPA });
    expect(v.f(0.3, -0.7)).toBe(r.f(0.3, -0.7));
    expect(v.f(1, -1)).toBeCloseTo(VALLEY_KAPPA, 10);
  });

  it("valleyPaths with the default settings: GD zig-zags across the floor, EMA momentum at the same lr glides and ends lower", () => {
    const s = base();
    expect(sharedLr(s)).toBe(s.lrEma);
    const { gd, ema } = valleyPaths(s);
    const f = (p: typeof gd) => {
      const last = p.points[p.points.length - 1];
      return valley().f(last.x, last.y);
    };
    expect(gd.stop).toBeNull();
    expect(ema.stop).toBeNull();
    expect(acrossTravel(gd)).toBeGreaterThan(3 * acrossTravel(ema));
    expect(f(ema)).toBeLessThan(f(gd) / 3);
    // GD's steps across the floor alternate in sign: v_t = (1 − lr·κ)^t·v_0 with 1 − lr·κ < 0.
    const v = gd.points.map((p) => (p.y - p.x) / Math.SQRT2);
    for (let t = 1; t < 10; t++) expect(Math.sign(v[t])).toBe(-Math.sign(v[t - 1]));
  });

  it("valleyPaths traces the engine's Momentum in each form with its own learning rate", () => {
    const s = { ...base(), lrPytorch: 0.002, beta: 0.8, steps: 10 };
    const theta = Float64Array.from(valley().start),
      g = new Float64Array(2);
    const opt = new Momentum({ lr: 0.002, beta: 0.8, form: "pytorch" });
    for (let t = 0; t < 10; t++) {
      g.set(valley().grad(theta[0], theta[1]));
      opt.step([theta], [g]);
    }
    const last = valleyPaths(s).pytorch.points[10];
    expect([last.x, last.y]).toEqual([theta[0], theta[1]]);
  });

  it("matchedLrPytorch = lr_ema·(1 − β) makes the two forms trace the same path", () => {
    const s = base();
    expect(isMatched(s)).toBe(false);
    expect(valleyPaths(s).distance).toBeGreaterThan(1);
    const matched = { ...s, lrPytorch: matchedLrPytorch(s) };
    expect(matched.lrPytorch).toBe(0.0038);
    expect(isMatched(matched)).toBe(true);
    expect(valleyPaths(matched).distance).toBeLessThan(1e-12);
    for (const beta of [0.5, 0.99]) {
      const other = { ...s, beta, lrPytorch: matchedLrPytorch({ ...s, beta }) };
      expect(valleyPaths(other).distance).toBeLessThan(1e-12);
    }
  });

  it("valleyPaths stops a diverging path and reports an infinite distance between the forms", () => {
    const { pytorch, distance } = valleyPaths({ ...base(), lrPytorch: 1 });
    expect(pytorch.stop?.kind).toBe("diverged");
    expect(distance).toBe(Infinity);
  });

  it("acrossTravel sums |Δv| across the valley floor and ignores moves along it", () => {
    const path = {
      stop: null,
      points: [
        { t: 0, x: 0, y: 0, f: 0 },
        { t: 1, x: 1, y: 1, f: 0 },
        { t: 2, x: 0, y: 1, f: 0 },
        { t: 3, x: 1, y: 1, f: 0 },
      ],
    };
    expect(acrossTravel(path)).toBeCloseTo(2 / Math.SQRT2, 14);
  });
});
