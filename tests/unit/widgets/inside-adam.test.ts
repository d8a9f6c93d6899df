import { describe, expect, it } from "vitest";
import { Adam } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  insideAdamSchema,
  traceAdam,
  insideAdam,
  largestStepGap,
  paramNames,
  paramSymbols,
  SCALES,
  FLIP_AT,
  type InsideAdamState,
} from "../../../src/widgets/inside-adam-model";

const base = (over: Partial<InsideAdamState> = {}): InsideAdamState => ({ ...defaults(insideAdamSchema), ...over });

describe("inside Adam model", () => {
  it("traceAdam with bias correction on a constant gradient has m̂ = g and v̂ = g² exactly from step 1", () => {
    const [a, b] = traceAdam(base());
    for (const [records, g] of [
      [a, SCALES[0]],
      [b, SCALES[1]],
    ] as const) {
      for (const r of records.slice(0, 10)) {
        expect(r.g).toBe(g);
        // Exact up to rounding: relative error below 1e-12.
        expect(r.mHat / g).toBeCloseTo(1, 12);
        expect(r.vHat / (g * g)).toBeCloseTo(1, 12);
      }
    }
  });

  it("traceAdam's first moment without correction is (1 − β₁)·g at step 1 and 1 − 0.9ᵗ of g later", () => {
    const [a] = traceAdam(base({ biasCorrection: false }));
    expect(a[0].m).toBeCloseTo(0.1, 15);
    expect(a[0].mHat).toBe(a[0].m);
    expect(a[0].v).toBeCloseTo(0.001, 15);
    expect(a[9].m).toBeCloseTo(1 - 0.9 ** 10, 12);
  });

  it("traceAdam's step is α·m̂/(√v̂ + ε), the same α for gradients 100× apart", () => {
    const s = base({ lr: 0.02 });
    const [a, b] = traceAdam(s);
    for (const r of [...a, ...b]) expect(r.step).toBeCloseTo((0.02 * r.mHat) / (Math.sqrt(r.vHat) + 1e-8), 14);
    // NOTE: ε = 1e-8 is a 1e-6 relative dent for θ₂, whose √v̂ is 0.01.
    expect(a[0].step).toBeCloseTo(0.02, 9);
    expect(b[0].step).toBeCloseTo(0.02, 7);
  });

  it("traceAdam reads the same numbers as stepping the engine's Adam by hand", () => {
    const s = base({ stream: "flip", beta1: 0.8, beta2: 0.99, epsExp: -3, steps: 40 });
    const [a] = traceAdam(s);
    const opt = new Adam({ lr: s.lr, beta1: 0.8, beta2: 0.99, eps: 1e-3, record: true });
    const theta = new Float64Array(1);
    for (let t = 1; t <= 40; t++) {
      opt.step([theta], [Float64Array.of(t > FLIP_AT ? -1 : 1)]);
      expect(a[t - 1]).toMatchObject({ t, m: opt.m[0][0], v: opt.v[0][0], mHat: opt.mHat[0][0], vHat: opt.vHat[0][0] });
    }
  });

  it("traceAdam with a large ε shrinks the small-gradient parameter's step far below α", () => {
    const [a, b] = traceAdam(base({ epsExp: 0 }));
    expect(a[0].step / 0.01).toBeCloseTo(1 / 2, 12); // 1/(1 + 1)
    expect(b[0].step / 0.01).toBeCloseTo(0.01 / 1.01, 12);
  });

  it("traceAdam on the noisy stream depends on the seed and repeats for the same seed", () => {
    const one = traceAdam(base({ stream: "noisy", seed: 4 }));
    expect(traceAdam(base({ stream: "noisy", seed: 4 }))).toEqual(one);
    expect(traceAdam(base({ stream: "noisy", seed: 5 }))[0][0].g).not.toBe(one[0][0].g);
  });

  it("traceAdam on the house data gives w a gradient over 10× larger than b's, and trains", () => {
    const [w, b] = traceAdam(base({ stream: "house", steps: 200, lr: 0.05 }));
    expect(Math.abs(w[0].g)).toBeGreaterThan(10 * Math.abs(b[0].g));
    // The first step is α·sign(g) for both: g < 0, so both parameters grow by α.
    expect(w[0].step).toBeCloseTo(-0.05, 6);
    expect(b[0].step).toBeCloseTo(-0.05, 6);
    expect(Math.abs(w[199].g)).toBeLessThan(Math.abs(w[0].g) / 10);
  });

  it("largestStepGap without correction finds the early steps several times too large (peak near step 10)", () => {
    const { shown, other } = insideAdam(base({ biasCorrection: false }));
    // (1 − β₁)/√(1 − β₂), up to ε = 1e-8 against √v̂ = 1 and √v = 0.03.
    expect(shown[0][0].step / other[0][0].step).toBeCloseTo(0.1 / Math.sqrt(0.001), 5);
    const gap = largestStepGap(shown[0], other[0]);
    expect(gap.t).toBeGreaterThan(5);
    expect(gap.t).toBeLessThan(15);
    expect(gap.ratio).toBeGreaterThan(6);
  });

  it("largestStepGap with correction on compares against the uncorrected run, whose steps are several times larger", () => {
    const { shown, other } = insideAdam(base());
    const gap = largestStepGap(shown[0], other[0]);
    // Corrected ÷ uncorrected: the inverse of the worst uncorrected excess.
    expect(gap.ratio).toBeLessThan(1 / 6);
  });

  it("paramNames and paramSymbols name w and b for the house stream", () => {
    expect(paramNames("house")[0]).toMatch(/^w/);
    expect(paramNames("constant")[1]).toMatch(/^θ₂/);
    expect(paramSymbols("house")).toEqual(["w", "b"]);
  });
});
