import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  eigenSym2,
  bowlHessian,
  iterationMatrix,
  eigenvalues2,
  spectralRadius,
  convergenceRate,
  directionErrors,
  stabilityLimit,
  criticalBeta,
  optimalSettings,
  stepsToShrink,
  measureIterationMatrix,
  SGD,
  Momentum,
  Nesterov,
  quadraticBowl,
  type Mat2,
  type Optimizer,
  type QuadMethod,
} from "../../../lib";

const make = (method: QuadMethod, lr: number, beta: number): Optimizer =>
  method === "gd" ? new SGD({ lr }) : method === "momentum" ? new Momentum({ lr, beta }) : new Nesterov({ lr, beta });

/** Runs the engine optimizer on the bowl ½(x² + κy²) and returns the (x, y) of every step. */
function runEngine(method: QuadMethod, kappa: number, lr: number, beta: number, start: [number, number], steps: number) {
  const bowl = quadraticBowl({ kappa }),
    opt = make(method, lr, beta);
  const theta = Float64Array.from(start),
    grad = new Float64Array(2),
    out = [[...theta]];
  for (let t = 0; t < steps; t++) {
    grad.set(bowl.grad(theta[0], theta[1]));
    opt.step([theta], [grad]);
    out.push([...theta]);
  }
  return out;
}

describe("quadratic analysis", () => {
  it("eigenSym2 rebuilds H = Q·diag(λ)·Qᵀ for every symmetric 2 × 2 matrix", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (a, b, c) => {
          const {
            values: [l1, l2],
            vectors: [q1, q2],
          } = eigenSym2([
            [a, b],
            [b, c],
          ]);
          expect(l1).toBeLessThanOrEqual(l2);
          const H = (i: number, j: number) => l1 * q1[i] * q1[j] + l2 * q2[i] * q2[j];
          const scale = 1 + Math.abs(a) + Math.abs(b) + Math.abs(c);
          expect(Math.abs(H(0, 0) - a) / scale).toBeLessThan(1e-10);
          expect(Math.abs(H(0, 1) - b) / scale).toBeLessThan(1e-10);
          expect(Math.abs(H(1, 1) - c) / scale).toBeLessThan(1e-10);
          expect(Math.hypot(...q1)).toBeCloseTo(1, 12);
          expect(q1[0] * q2[0] + q1[1] * q2[1]).toBeCloseTo(0, 12);
        },
      ),
    );
  });

  it("bowlHessian matches the gradient of the engine's rotated bowl, with eigenvalues 1 and κ", () => {
    const H = bowlHessian(50, Math.PI / 4),
      s = quadraticBowl({ kappa: 50, angle: Math.PI / 4 });
    const [gx, gy] = s.grad(0.3, -0.7);
    expect(H[0][0] * 0.3 + H[0][1] * -0.7).toBeCloseTo(gx, 12);
    expect(H[1][0] * 0.3 + H[1][1] * -0.7).toBeCloseTo(gy, 12);
    const { values, vectors } = eigenSym2(H);
    expect(values[0]).toBeCloseTo(1, 12);
    expect(values[1]).toBeCloseTo(50, 12);
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it("measureIterationMatrix reads the closed-form iteration matrix off the engine's optimizers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QuadMethod>("gd", "momentum", "nesterov"),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (method, lr, beta, lambda) => {
          const measured = measureIterationMatrix(() => make(method, lr, beta), lambda);
          const closed = iterationMatrix(method, lambda, lr, beta);
          for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(measured[i][j]).toBeCloseTo(closed[i][j], 9);
        },
      ),
    );
  });

  it("directionErrors equals the engine's run, rotated into the eigenbasis", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QuadMethod>("gd", "momentum", "nesterov"),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 0.001, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (method, kappa, lr, beta) => {
          const run = runEngine(method, kappa, lr, beta, [-2.5, 1.5], 40);
          const errors = directionErrors(method, [1, kappa], [-2.5, 1.5], lr, beta, 40);
          run.forEach(([x, y], t) => {
            expect(Math.abs(errors[0][t] - x)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(x)));
            expect(Math.abs(errors[1][t] - y)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(y)));
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("spectralRadius of gradient descent is |1 − lr·λ|, and eigenvalues2 solves the characteristic equation", () => {
    expect(spectralRadius(iterationMatrix("gd", 10, 0.15))).toBeCloseTo(0.5, 14);
    const m: Mat2 = [
      [2, -3],
      [1, 0.5],
    ];
    for (const z of eigenvalues2(m)) {
      // λ² − tr·λ + det = 0, in complex arithmetic
      const re = z.re * z.re - z.im * z.im - 2.5 * z.re + 4,
        im = 2 * z.re * z.im - 2.5 * z.im;
      expect(Math.hypot(re, im)).toBeLessThan(1e-12);
    }
  });

  it("stabilityLimit is where ρ crosses 1, and Nesterov's range is the smaller one for every β > 0", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (beta) => {
        for (const method of ["gd", "momentum", "nesterov"] as const) {
          const limit = stabilityLimit(method, beta);
          expect(spectralRadius(iterationMatrix(method, 1, limit * 0.999, beta))).toBeLessThan(1);
          expect(spectralRadius(iterationMatrix(method, 1, limit * 1.001, beta))).toBeGreaterThan(1);
        }
        expect(stabilityLimit("nesterov", beta)).toBeLessThan(stabilityLimit("momentum", beta));
      }),
    );
  });

  it("the race at κ = 30 (lr 0.05, β 0.9): Nesterov's ρ exceeds 1 and the engine's Nesterov diverges; momentum's stays below", () => {
    const rates = { momentum: convergenceRate("momentum", [1, 30], 0.05, 0.9), nesterov: convergenceRate("nesterov", [1, 30], 0.05, 0.9) };
    expect(rates.momentum).toBeCloseTo(Math.sqrt(0.9), 12);
    expect(rates.nesterov).toBeGreaterThan(1.29);
    const last = (m: QuadMethod) => runEngine(m, 30, 0.05, 0.9, [-2.5, 1.5], 300).at(-1)!;
    expect(Math.abs(last("momentum")[1])).toBeLessThan(1e-5);
    expect(Math.abs(last("nesterov")[1])).toBeGreaterThan(1e20);
  });

  it("criticalBeta gives the smallest ρ for a direction, 1 − √h, with a double eigenvalue", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1, noNaN: true }), (h) => {
        const b = criticalBeta(h),
          at = (beta: number) => spectralRadius(iterationMatrix("momentum", 1, h, beta));
        expect(at(b)).toBeCloseTo(1 - Math.sqrt(h), 6);
        expect(at(Math.min(0.999, b + 0.02))).toBeGreaterThan(at(b) - 1e-9);
        if (b > 0.02) expect(at(b - 0.02)).toBeGreaterThan(at(b) - 1e-9);
      }),
    );
  });

  it("optimalSettings: GD's rate (κ−1)/(κ+1) and momentum's (√κ−1)/(√κ+1) are what the matrices give, and no nearby setting beats them", () => {
    fc.assert(
      fc.property(fc.double({ min: 1.5, max: 1000, noNaN: true }), (kappa) => {
        const gd = optimalSettings("gd", 1, kappa),
          hb = optimalSettings("momentum", 1, kappa);
        expect(gd.rate).toBeCloseTo((kappa - 1) / (kappa + 1), 12);
        expect(convergenceRate("gd", [1, kappa], gd.lr)).toBeCloseTo(gd.rate, 10);
        expect(convergenceRate("momentum", [1, kappa], hb.lr, hb.beta)).toBeCloseTo(hb.rate, 6);
        expect(hb.rate).toBeLessThan(gd.rate);
        for (const f of [0.97, 1.03]) {
          expect(convergenceRate("gd", [1, kappa], gd.lr * f)).toBeGreaterThan(gd.rate - 1e-12);
          expect(convergenceRate("momentum", [1, kappa], hb.lr * f, hb.beta)).toBeGreaterThan(hb.rate - 1e-9);
          expect(convergenceRate("momentum", [1, kappa], hb.lr, Math.min(0.999, hb.beta * f))).toBeGreaterThan(hb.rate - 1e-9);
        }
      }),
    );
  });

  it("stepsToShrink counts the steps the engine needs to cut the error 1000-fold at the optimal GD step", () => {
    const { lr, rate } = optimalSettings("gd", 1, 10);
    const n = stepsToShrink(rate);
    expect(n).toBe(Math.ceil(Math.log(1000) / -Math.log(9 / 11)));
    // Start on the slow direction only: its error is exactly rate^t.
    const run = runEngine("gd", 10, lr, 0, [1, 0], n);
    expect(Math.abs(run[n][0])).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(run[n - 1][0])).toBeGreaterThan(1e-3);
    expect(stepsToShrink(1)).toBe(Infinity);
  });
});
