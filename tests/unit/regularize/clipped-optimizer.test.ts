import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClippedOptimizer, SGD, Trainer, globalNorm, houseData, losses, mlp, normal, Tensor } from "../../../lib";

const grads = () => [Float64Array.from([3, 4]), Float64Array.from([12])]; // global norm 13
const params = () => [new Float64Array(2), new Float64Array(1)];

describe("ClippedOptimizer", () => {
  it("ClippedOptimizer.step rescales by c/(‖g‖ + 1e-6) before SGD steps, and keeps the norm from before clipping", () => {
    const opt = new ClippedOptimizer(new SGD({ lr: 1 }), 1);
    const p = params(),
      g = grads();
    opt.step(p, g);
    const s = 1 / (13 + 1e-6);
    expect(opt.lastNorm).toBe(13);
    expect(Array.from(p[0])).toEqual([-3 * s, -4 * s]);
    expect(p[1][0]).toBe(-12 * s);
    expect(globalNorm(g)).toBeCloseTo(1, 6);
    expect(opt.clippedSteps).toBe(1);
  });

  it("ClippedOptimizer.step leaves a gradient below the threshold alone and does not count the step", () => {
    const opt = new ClippedOptimizer(new SGD({ lr: 0.5 }), 20);
    const p = params();
    opt.step(p, grads());
    expect(Array.from(p[0])).toEqual([-1.5, -2]);
    expect(p[1][0]).toBe(-6);
    expect(opt.clippedSteps).toBe(0);
  });

  it("ClippedOptimizer.step in perTensor mode clips each tensor by its own norm", () => {
    const opt = new ClippedOptimizer(new SGD({ lr: 1 }), 5, "perTensor");
    const p = params(),
      g = grads();
    opt.step(p, g);
    // [3, 4] has norm 5: scaled by 5/(5 + 1e-6), a hair; [12] has norm 12: scaled to 5/(12 + 1e-6)·12
    expect(p[0][0]).toBeCloseTo(-3, 5);
    expect(p[1][0]).toBeCloseTo(-5, 5);
    expect(opt.clippedSteps).toBe(1);
  });

  it("ClippedOptimizer.step in value mode clamps each entry to [−c, c]", () => {
    const opt = new ClippedOptimizer(new SGD({ lr: 1 }), 3.5, "value");
    const p = params();
    opt.step(p, grads());
    expect(Array.from(p[0])).toEqual([-3, -3.5]);
    expect(p[1][0]).toBe(-3.5);
    expect(opt.lastNorm).toBe(13);
  });

  it("ClippedOptimizer passes lr and t through to the optimizer it wraps and reset clears its counters", () => {
    const inner = new SGD({ lr: 0.1 }),
      opt = new ClippedOptimizer(inner, 1);
    opt.lr = 0.02;
    expect(inner.lr).toBe(0.02);
    opt.step(params(), grads());
    expect(opt.t).toBe(1);
    opt.reset();
    expect([opt.t, opt.clippedSteps, opt.lastNorm]).toEqual([0, 0, NaN]);
    expect(() => new ClippedOptimizer(inner, 0)).toThrow(RangeError);
  });

  it("ClippedOptimizer keeps a deep linear chain training where plain SGD diverges", () => {
    const d = houseData({ m: 64, seed: 3 });
    const Y = new Tensor([1, 64]);
    for (let i = 0; i < 64; i++) Y.data[i] = d.Y.data[i] / 100;
    const run = (clip: boolean) => {
      const model = mlp([4, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1], {
        hidden: "linear",
        seed: 7,
        init: (rng, o, i) => normal(rng, o, i, { std: 1.5 / Math.sqrt(i) }),
      });
      const sgd = new SGD({ lr: 0.01 });
      return new Trainer({ model, loss: losses.halfMse, optimizer: clip ? new ClippedOptimizer(sgd, 1) : sgd, X: d.Xs, Y }).run(200);
    };
    const plain = run(false),
      clipped = run(true);
    expect(plain.status).toBe("diverged");
    expect(clipped.status).toBe("ok");
    expect(clipped.loss).toBeLessThan(1);
  });
});

describe("ClippedOptimizer bounds", () => {
  const vec = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 });
  it("ClippedOptimizer.step with SGD never moves the parameters farther than lr·c (global norm)", () => {
    fc.assert(
      fc.property(vec, vec, fc.double({ min: 1e-3, max: 10, noNaN: true }), (a, b, c) => {
        const p = [new Float64Array(a.length), new Float64Array(b.length)];
        new ClippedOptimizer(new SGD({ lr: 0.1 }), c).step(p, [Float64Array.from(a), Float64Array.from(b)]);
        expect(globalNorm(p)).toBeLessThanOrEqual(0.1 * c * (1 + 1e-12));
      }),
      { seed: 7 },
    );
  });

  it("ClippedOptimizer.step in value mode keeps each entry within c, so the norm stays within c·√n", () => {
    fc.assert(
      fc.property(vec, fc.double({ min: 1e-3, max: 10, noNaN: true }), (a, c) => {
        const g = Float64Array.from(a);
        new ClippedOptimizer(new SGD({ lr: 1 }), c, "value").step([new Float64Array(a.length)], [g]);
        for (const x of g) expect(Math.abs(x)).toBeLessThanOrEqual(c);
        expect(globalNorm([g])).toBeLessThanOrEqual(c * Math.sqrt(a.length) * (1 + 1e-12));
      }),
      { seed: 7 },
    );
  });
});
