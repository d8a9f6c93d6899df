import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClippedOptimizer, SGD, clipByGlobalNorm, clipCoefficient, clipGradNorm, globalNorm } from "../../../lib";

describe("clipGradNorm", () => {
  it("clipGradNorm returns the norm before clipping and the clip coefficient, worked by hand", () => {
    // ‖g‖ = √(3² + 4² + 12²) = 13; clipCoef = 5.2/(13 + 1e-6) = 0.39999997; every entry is scaled by it.
    const dW = Float64Array.from([3, 4]),
      db = Float64Array.from([12]);
    const { norm, clipCoef } = clipGradNorm([dW, db], 5.2);
    expect(norm).toBe(13);
    expect(clipCoef).toBe(5.2 / (13 + 1e-6));
    expect(clipCoef).toBeCloseTo(0.4, 6);
    expect(dW[0]).toBe(3 * clipCoef);
    expect(db[0]).toBe(12 * clipCoef);
  });

  it("clipGradNorm reports 1 and changes nothing below the threshold; NaN spreads as in PyTorch", () => {
    const g = Float64Array.from([0.3, 0.4]);
    expect(clipGradNorm([g], 1)).toEqual({ norm: 0.5, clipCoef: 1 });
    expect([...g]).toEqual([0.3, 0.4]);
    const bad = Float64Array.from([Number.NaN, 1]);
    expect(clipGradNorm([bad], 1).clipCoef).toBeNaN();
    expect(bad[1]).toBeNaN();
  });

  it("clipGradNorm leaves the gradients as clipByGlobalNorm does, and norm·clipCoef ≤ maxNorm", () => {
    const vec = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(vec, vec, fc.double({ min: 0.01, max: 50, noNaN: true }), (a, b, c) => {
        const x = [Float64Array.from(a), Float64Array.from(b)],
          y = [Float64Array.from(a), Float64Array.from(b)];
        const { norm, clipCoef } = clipGradNorm(x, c);
        expect(clipByGlobalNorm(y, c)).toBe(norm);
        expect(x).toEqual(y);
        expect(clipCoef).toBe(clipCoefficient(norm, c));
        expect(globalNorm(x)).toBeLessThanOrEqual(c + 1e-9);
      }),
    );
  });

  it("ClippedOptimizer.lastClipCoef records the last step's coefficient", () => {
    const opt = new ClippedOptimizer(new SGD({ lr: 0.1 }), 5.2);
    expect(opt.lastClipCoef).toBeNaN();
    opt.step([Float64Array.from([0, 0]), Float64Array.from([0])], [Float64Array.from([3, 4]), Float64Array.from([12])]);
    expect(opt.lastClipCoef).toBe(5.2 / (13 + 1e-6));
    opt.reset();
    expect(opt.lastClipCoef).toBeNaN();
  });
});
