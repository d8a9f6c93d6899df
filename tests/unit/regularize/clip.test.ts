import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clipByGlobalNorm, clipByNorm, clipByValue, globalNorm } from "../../../lib/regularize/clip";
import { Tensor } from "../../../lib/tensor/tensor";

const vector = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 8 });

describe("clipping", () => {
  it("globalNorm treats several gradients as one vector", () => {
    // √(3² + 4² + 12²) = √169 = 13
    expect(globalNorm([Float64Array.from([3, 4]), Float64Array.from([12])])).toBe(13);
  });

  it("clipByGlobalNorm rescales by maxNorm/(norm + 1e-6) and returns the norm before clipping", () => {
    const a = Float64Array.from([3, 4]),
      b = Float64Array.from([12]);
    // norm 13 > 1: scale = 1/(13 + 1e-6)
    expect(clipByGlobalNorm([a, b], 1)).toBe(13);
    const scale = 1 / (13 + 1e-6);
    expect(a[0]).toBeCloseTo(3 * scale, 15);
    expect(a[1]).toBeCloseTo(4 * scale, 15);
    expect(b[0]).toBeCloseTo(12 * scale, 15);
  });

  it("clipByGlobalNorm leaves a gradient below maxNorm untouched", () => {
    const g = Float64Array.from([0.3, 0.4]);
    expect(clipByGlobalNorm([g], 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(g)).toEqual([0.3, 0.4]);
  });

  it("clipByGlobalNorm scales a gradient whose norm equals maxNorm by maxNorm/(maxNorm + 1e-6), as PyTorch", () => {
    const g = Float64Array.from([3, 4]);
    clipByGlobalNorm([g], 5);
    expect(g[0]).toBe(3 * Math.min(1, 5 / (5 + 1e-6)));
    expect(g[0]).toBeLessThan(3);
  });

  it("clipByGlobalNorm leaves an all-zero gradient at zero", () => {
    const g = new Float64Array(3);
    expect(clipByGlobalNorm([g], 1)).toBe(0);
    expect(Array.from(g)).toEqual([0, 0, 0]);
  });

  it("clipByGlobalNorm keeps the global norm ≤ maxNorm and every direction", () => {
    fc.assert(
      fc.property(vector, vector, fc.double({ min: 1e-3, max: 100, noNaN: true }), (x, y, maxNorm) => {
        const a = Float64Array.from(x),
          b = Float64Array.from(y),
          a0 = a.slice(),
          b0 = b.slice();
        const before = clipByGlobalNorm([a, b], maxNorm);
        expect(globalNorm([a, b])).toBeLessThanOrEqual(maxNorm * (1 + 1e-12));
        // one common factor s ∈ (0, 1] for all entries of all tensors
        const s = before > 0 ? globalNorm([a, b]) / before : 1;
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        [...a0, ...b0].forEach((v, i) => expect([...a, ...b][i]).toBeCloseTo(v * s, 9));
      }),
      { seed: 42 },
    );
  });

  it("clipByNorm clips one tensor, keeps its direction and accepts a Tensor", () => {
    const g = Tensor.from([[3, 4]]);
    expect(clipByNorm(g, 1)).toBe(5);
    expect(g.data[0]).toBeCloseTo(0.6, 6);
    expect(g.data[1]).toBeCloseTo(0.8, 6);
    fc.assert(
      fc.property(vector, fc.double({ min: 1e-3, max: 100, noNaN: true }), (x, maxNorm) => {
        const v = Float64Array.from(x);
        clipByNorm(v, maxNorm);
        expect(globalNorm([v])).toBeLessThanOrEqual(maxNorm * (1 + 1e-12));
        const before = globalNorm([Float64Array.from(x)]),
          s = before > 0 ? globalNorm([v]) / before : 1;
        v.forEach((vi, i) => expect(vi).toBeCloseTo(s * x[i], 9));
      }),
      { seed: 42 },
    );
  });

  it("clipByNorm per tensor changes the overall direction where clipByGlobalNorm does not", () => {
    const perTensor = [Float64Array.from([10]), Float64Array.from([0.1])];
    const global = perTensor.map((g) => g.slice());
    perTensor.forEach((g) => clipByNorm(g, 1));
    clipByGlobalNorm(global, 1);
    // ratio 10 : 0.1 = 100 kept by global clipping; per-tensor makes it ≈ 1 : 0.1 = 10
    expect(global[0][0] / global[1][0]).toBeCloseTo(100, 9);
    expect(perTensor[0][0] / perTensor[1][0]).toBeCloseTo(10, 4);
  });

  it("clipByValue clamps every entry to [−c, c]", () => {
    const g = Float64Array.from([3, -0.5, -4, 1]);
    expect(clipByValue(g, 1)).toBe(g);
    expect(Array.from(g)).toEqual([1, -0.5, -1, 1]);
    fc.assert(
      fc.property(vector, fc.double({ min: 0, max: 100, noNaN: true }), (x, c) => {
        const v = clipByValue(Float64Array.from(x), c);
        v.forEach((vi, i) => {
          expect(Math.abs(vi)).toBeLessThanOrEqual(c);
          if (Math.abs(x[i]) <= c) expect(vi).toBe(x[i]);
        });
      }),
      { seed: 42 },
    );
  });
});
