import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Adam } from "../../../lib/optim/adam";
import { rosenbrock } from "../../../lib/data/surfaces";
import { descend } from "./descend.helpers";

describe("Adam", () => {
  it("Adam.step applies bias correction on step 1", () => {
    const opt = new Adam({ lr: 0.1, record: true }),
      theta = Float64Array.from([1]);
    opt.step([theta], [Float64Array.from([1])]);
    // m1 = 0.1·1 = 0.1, v1 = 0.001·1² = 0.001; m̂1 = 0.1/(1 − 0.9) = 1, v̂1 = 0.001/(1 − 0.999) = 1
    expect(opt.m[0][0]).toBeCloseTo(0.1, 15);
    expect(opt.v[0][0]).toBeCloseTo(0.001, 15);
    expect(opt.mHat[0][0]).toBeCloseTo(1, 12);
    expect(opt.vHat[0][0]).toBeCloseTo(1, 12);
    // θ1 = 1 − 0.1·1/(√1 + 1e-8)
    expect(theta[0]).toBeCloseTo(1 - 0.1 / (1 + 1e-8), 12);
  });

  it("Adam.step matches three steps worked by hand", () => {
    const opt = new Adam({ lr: 0.1, record: true }),
      theta = Float64Array.from([1]),
      g = new Float64Array(1);
    // t=1: m = 0.1,                      v = 0.001
    //      m̂ = 0.1/0.1 = 1,             v̂ = 0.001/0.001 = 1
    // t=2: m = 0.9·0.1 + 0.1·2 = 0.29,   v = 0.999·0.001 + 0.001·4 = 0.004999
    //      m̂ = 0.29/(1 − 0.81) = 0.29/0.19,   v̂ = 0.004999/(1 − 0.998001) = 0.004999/0.001999
    // t=3: m = 0.9·0.29 − 0.1 = 0.161,   v = 0.999·0.004999 + 0.001·1 = 0.005994001
    //      m̂ = 0.161/(1 − 0.729) = 0.161/0.271,   v̂ = 0.005994001/(1 − 0.997002999) = 0.005994001/0.002997001
    const mHat = [1, 0.29 / 0.19, 0.161 / 0.271];
    const vHat = [1, 0.004999 / 0.001999, 0.005994001 / 0.002997001];
    let expected = 1;
    [1, 2, -1].forEach((gi, t) => {
      g[0] = gi;
      opt.step([theta], [g]);
      expected -= (0.1 * mHat[t]) / (Math.sqrt(vHat[t]) + 1e-8);
      expect(opt.mHat[0][0]).toBeCloseTo(mHat[t], 12);
      expect(opt.vHat[0][0]).toBeCloseTo(vHat[t], 10);
      expect(theta[0]).toBeCloseTo(expected, 12);
    });
    // written out: 1 − 0.1·1/1 − 0.1·1.5263158/1.5813761 − 0.1·0.5940959/1.4142134
    //            = 1 − 0.1 − 0.0965182 − 0.0420089 ≈ 0.7614729
    expect(theta[0]).toBeCloseTo(0.7614729, 6);
    expect(opt.t).toBe(3);
  });

  it("Adam.step's first step is ≈ lr·sign(g) whatever the gradient's scale", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.boolean(), (size, negative) => {
        const g = negative ? -size : size;
        const opt = new Adam({ lr: 1e-3 }),
          theta = new Float64Array(1);
        opt.step([theta], [Float64Array.from([g])]);
        expect(theta[0] / (-1e-3 * Math.sign(g))).toBeCloseTo(1, 4);
      }),
      { seed: 42 },
    );
  });

  it("Adam.step with weightDecay feeds λθ into the moments (coupled L2, as PyTorch's Adam)", () => {
    const opt = new Adam({ lr: 0.1, weightDecay: 0.5 }),
      theta = Float64Array.from([1]),
      zero = new Float64Array(1);
    // t=1: g = 0 + 0.5·1 = 0.5;  m = 0.05, v = 0.00025;  m̂ = 0.5, v̂ = 0.25;  θ1 = 1 − 0.1·0.5/(0.5 + 1e-8)
    opt.step([theta], [zero]);
    const θ1 = 1 - (0.1 * 0.5) / (0.5 + 1e-8);
    expect(opt.m[0][0]).toBeCloseTo(0.05, 15);
    expect(theta[0]).toBeCloseTo(θ1, 12);
    // t=2: g = 0.5·θ1;  m = 0.9·0.05 + 0.1·g,  v = 0.999·0.00025 + 0.001·g²
    const g2 = 0.5 * θ1,
      m2 = 0.045 + 0.1 * g2,
      v2 = 0.00024975 + 0.001 * g2 * g2;
    const θ2 = θ1 - (0.1 * (m2 / 0.19)) / (Math.sqrt(v2 / 0.001999) + 1e-8);
    opt.step([theta], [zero]);
    expect(theta[0]).toBeCloseTo(θ2, 12);
    // t=3: g = 0.5·θ2
    const g3 = 0.5 * θ2,
      m3 = 0.9 * m2 + 0.1 * g3,
      v3 = 0.999 * v2 + 0.001 * g3 * g3;
    const θ3 = θ2 - (0.1 * (m3 / 0.271)) / (Math.sqrt(v3 / 0.002997001) + 1e-8);
    opt.step([theta], [zero]);
    expect(theta[0]).toBeCloseTo(θ3, 12);
  });

  it("Adam.step with biasCorrection false leaves m̂ = m and takes a too-large first step", () => {
    const opt = new Adam({ lr: 0.1, biasCorrection: false, record: true }),
      theta = Float64Array.from([1]);
    opt.step([theta], [Float64Array.from([1])]);
    // m = 0.1, v = 0.001 uncorrected: step = 0.1·0.1/(√0.001 + 1e-8) ≈ 0.316, not 0.1
    expect(opt.mHat[0][0]).toBe(opt.m[0][0]);
    expect(theta[0]).toBeCloseTo(1 - 0.01 / (Math.sqrt(0.001) + 1e-8), 12);
    expect(1 - theta[0]).toBeGreaterThan(0.3);
  });

  it("Adam.step with bias correction keeps m̂ at g on a constant gradient while m creeps up from 0", () => {
    const opt = new Adam({ record: true }),
      theta = new Float64Array(1),
      g = Float64Array.from([2]);
    for (let t = 1; t <= 20; t++) {
      opt.step([theta], [g]);
      expect(opt.mHat[0][0]).toBeCloseTo(2, 12);
      expect(opt.m[0][0]).toBeCloseTo(2 * (1 - 0.9 ** t), 12);
    }
  });

  it("Adam.step allocates its moments once and reuses them", () => {
    const opt = new Adam({ record: true }),
      params = [new Float64Array(2), new Float64Array(3)];
    const grads = [Float64Array.from([1, 2]), Float64Array.from([3, 4, 5])];
    opt.step(params, grads);
    const before = [opt.m[1], opt.v[1], opt.mHat[1], opt.vHat[1]];
    opt.step(params, grads);
    expect([opt.m[1], opt.v[1], opt.mHat[1], opt.vHat[1]]).toEqual(before);
    before.forEach((a, i) => expect([opt.m[1], opt.v[1], opt.mHat[1], opt.vHat[1]][i]).toBe(a));
    opt.reset();
    expect(opt.m.length + opt.t).toBe(0);
  });

  it("Adam.step throws when a parameter changes size without reset", () => {
    const opt = new Adam();
    opt.step([new Float64Array(2)], [new Float64Array(2)]);
    expect(() => opt.step([new Float64Array(3)], [new Float64Array(3)])).toThrow(/changed size/);
  });

  it("Adam.step keeps m̂ and v̂ only when asked (record), and moves θ identically either way", () => {
    for (const options of [{}, { weightDecay: 0.1 }, { weightDecay: 0.1, decoupled: true }, { biasCorrection: false }]) {
      const plain = new Adam({ lr: 0.05, ...options }),
        traced = new Adam({ lr: 0.05, ...options, record: true });
      const a = Float64Array.from([0.3, -1.2, 2]),
        b = a.slice();
      for (let t = 0; t < 5; t++) {
        plain.step([a], [Float64Array.from(a, (x) => 2 * x - t)]);
        traced.step([b], [Float64Array.from(b, (x) => 2 * x - t)]);
      }
      expect(Array.from(a)).toEqual(Array.from(b));
      expect(plain.mHat).toEqual([]);
      expect(plain.vHat).toEqual([]);
      expect(traced.mHat[0][0]).toBe(traced.m[0][0] / (options.biasCorrection === false ? 1 : 1 - 0.9 ** 5));
    }
  });

  it("Adam.step finds the minimum of Rosenbrock's valley", () => {
    const s = rosenbrock();
    const p = descend(new Adam({ lr: 0.02 }), s, 5000);
    expect(p[0]).toBeCloseTo(1, 2);
    expect(p[1]).toBeCloseTo(1, 2);
  });
});
