import { describe, expect, it } from "vitest";
import { Adam } from "../../../lib/optim/adam";
import { AdamW } from "../../../lib/optim/adamw";

describe("AdamW", () => {
  it("AdamW.step matches three steps worked by hand (decay, then the Adam step)", () => {
    const opt = new AdamW({ lr: 0.1, weightDecay: 0.1 }),
      theta = Float64Array.from([1]),
      g = new Float64Array(1);
    // The gradient does not depend on θ, so m̂, v̂ are those of plain Adam with g = 1, 2, −1
    // (see adam.test.ts); each step first multiplies θ by 1 − 0.1·0.1 = 0.99.
    // θ1 = 1·0.99 − 0.1·1/(1 + 1e-8)
    // θ2 = θ1·0.99 − 0.1·(0.29/0.19)/(√(0.004999/0.001999) + 1e-8)
    // θ3 = θ2·0.99 − 0.1·(0.161/0.271)/(√(0.005994001/0.002997001) + 1e-8)
    const mHat = [1, 0.29 / 0.19, 0.161 / 0.271],
      vHat = [1, 0.004999 / 0.001999, 0.005994001 / 0.002997001];
    let expected = 1;
    [1, 2, -1].forEach((gi, t) => {
      g[0] = gi;
      opt.step([theta], [g]);
      expected = expected * 0.99 - (0.1 * mHat[t]) / (Math.sqrt(vHat[t]) + 1e-8);
      expect(theta[0]).toBeCloseTo(expected, 12);
    });
    // written out: ((0.99 − 0.1)·0.99 − 0.0965182)·0.99 − 0.0420089 = 0.7845818·0.99 − 0.0420089 ≈ 0.7347271
    expect(theta[0]).toBeCloseTo(0.7347271, 6);
  });

  it("AdamW defaults to PyTorch's weight decay 0.01 and is Adam with decoupled decay", () => {
    const opt = new AdamW();
    expect(opt).toBeInstanceOf(Adam);
    expect([opt.lr, opt.weightDecay, opt.decoupled, opt.beta1, opt.beta2, opt.eps]).toEqual([1e-3, 0.01, true, 0.9, 0.999, 1e-8]);
  });

  it("AdamW.step differs from Adam + L2 when gradient scales differ", () => {
    // Two weights whose gradients flip sign every step (mean 0) with sizes 10 and 0.01; same λ.
    // Adam + L2 divides the decay λθ by √v̂ ≈ gradient size, so the noisy weight is barely decayed;
    // AdamW multiplies both by (1 − lr·λ) per step: (1 − 0.001)^200 ≈ 0.819.
    const lr = 0.01,
      lambda = 0.1,
      steps = 200;
    const run = (opt: Adam) => {
      const theta = Float64Array.from([1, 1]),
        g = new Float64Array(2);
      for (let t = 0; t < steps; t++) {
        const sign = t % 2 === 0 ? 1 : -1;
        g[0] = 10 * sign;
        g[1] = 0.01 * sign;
        opt.step([theta], [g]);
      }
      return theta;
    };
    const plain = run(new Adam({ lr }));
    const l2 = run(new Adam({ lr, weightDecay: lambda }));
    const decoupled = run(new AdamW({ lr, weightDecay: lambda }));
    const shrinkL2 = [plain[0] - l2[0], plain[1] - l2[1]];
    const shrinkW = [plain[0] - decoupled[0], plain[1] - decoupled[1]];
    expect(shrinkL2[1]).toBeGreaterThan(0.1);
    expect(Math.abs(shrinkL2[0])).toBeLessThan(0.05 * shrinkL2[1]);
    expect(shrinkW[0] / shrinkW[1]).toBeGreaterThan(0.8);
    expect(shrinkW[0] / shrinkW[1]).toBeLessThan(1.25);
    expect(decoupled[0]).not.toBeCloseTo(l2[0], 2);
  });

  it("AdamW.step with names does not decay biases or normalization parameters", () => {
    const opt = new AdamW({ lr: 0.1, weightDecay: 0.5, names: ["W1", "b1", "gamma1", "beta1"] });
    const params = [1, 2, 3, 4].map(() => Float64Array.from([1]));
    const zeros = params.map(() => new Float64Array(1));
    // zero gradient: the Adam part moves nothing (m = 0), so only decay acts: W1 ← 1·(1 − 0.1·0.5) = 0.95
    opt.step(params, zeros);
    expect(params.map((p) => p[0])).toEqual([0.95, 1, 1, 1]);
  });

  it("AdamW.step honours an explicit decay mask a widget can flip", () => {
    const opt = new AdamW({ lr: 0.1, weightDecay: 0.5, decay: [false, true] });
    const params = [Float64Array.from([1]), Float64Array.from([1])],
      zeros = [new Float64Array(1), new Float64Array(1)];
    opt.step(params, zeros);
    expect([params[0][0], params[1][0]]).toEqual([1, 0.95]);
    opt.decay![0] = true; // "decay biases?" switched on
    opt.step(params, zeros);
    expect(params[0][0]).toBeCloseTo(0.95, 15);
  });

  it("AdamW.step without a mask decays every parameter, as PyTorch", () => {
    const opt = new AdamW({ lr: 0.1, weightDecay: 0.5 });
    const params = [Float64Array.from([1]), Float64Array.from([2])];
    opt.step(params, [new Float64Array(1), new Float64Array(1)]);
    expect([params[0][0], params[1][0]]).toEqual([0.95, 1.9]);
  });
});
