import { describe, expect, it } from "vitest";
import { beale, quadraticBowl, ravine, rosenbrock, saddle, withGradientNoise, type Surface } from "../../../lib/data/surfaces";
import { createRng } from "../../../lib/random/rng";

const all: Surface[] = [
  quadraticBowl(),
  quadraticBowl({ kappa: 25, angle: 0.3 }),
  ravine(),
  rosenbrock(),
  rosenbrock({ a: 2, b: 10 }),
  beale(),
  saddle(),
];

describe("surfaces", () => {
  it("every surface's grad matches central finite differences", () => {
    const rng = createRng(42),
      h = 1e-6;
    for (const s of all) {
      for (let n = 0; n < 20; n++) {
        const x = rng.uniform(...s.xRange) / 2,
          y = rng.uniform(...s.yRange) / 2;
        const [gx, gy] = s.grad(x, y);
        const nx = (s.f(x + h, y) - s.f(x - h, y)) / (2 * h),
          ny = (s.f(x, y + h) - s.f(x, y - h)) / (2 * h);
        expect(Math.abs(gx - nx) / Math.max(1, Math.abs(nx))).toBeLessThan(1e-6);
        expect(Math.abs(gy - ny) / Math.max(1, Math.abs(ny))).toBeLessThan(1e-6);
      }
    }
  });

  it("every surface has zero gradient and the stated value at its stationary point", () => {
    for (const s of all) {
      const { x, y, f } = s.stationary;
      expect(s.f(x, y)).toBeCloseTo(f, 14);
      s.grad(x, y).forEach((g) => expect(g).toBeCloseTo(0, 14));
      if (s.minimum) expect(s.minimum).toEqual(s.stationary);
    }
    expect(rosenbrock({ a: 2 }).minimum).toEqual({ x: 2, y: 4, f: 0 });
    expect(beale().minimum).toEqual({ x: 3, y: 0.5, f: 0 });
  });

  it("quadraticBowl is ½(x² + κy²) and its rotation keeps the eigenvalues 1 and κ", () => {
    const s = quadraticBowl({ kappa: 10 });
    expect(s.f(1, 1)).toBe(5.5);
    expect(s.grad(1, 1)).toEqual([1, 10]);
    const r = ravine({ kappa: 100 });
    // along the diagonal the curvature is 1, across it κ
    expect(r.f(1, 1)).toBeCloseTo(1, 12);
    expect(r.f(1, -1)).toBeCloseTo(100, 12);
  });

  it("saddle has no minimum and goes down along y", () => {
    const s = saddle();
    expect(s.minimum).toBeNull();
    expect(s.f(0, 1)).toBe(-1);
    expect(s.f(1, 0)).toBe(1);
  });

  it("withGradientNoise adds seeded zero-mean noise to the gradient only", () => {
    const bowl = quadraticBowl();
    const a = withGradientNoise(bowl, 0.5, createRng(42)),
      b = withGradientNoise(bowl, 0.5, createRng(42));
    expect(a.f(1, 2)).toBe(bowl.f(1, 2));
    expect(a.grad(1, 2)).toEqual(b.grad(1, 2));
    let sx = 0,
      sy = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const [gx, gy] = a.grad(1, 2);
      sx += gx;
      sy += gy;
    }
    // true gradient [1, 20]; standard error 0.5/√4000 ≈ 0.008
    expect(sx / n).toBeCloseTo(1, 1);
    expect(sy / n).toBeCloseTo(20, 1);
  });
});
