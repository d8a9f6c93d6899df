import { describe, expect, it } from "vitest";
import { Adagrad } from "../../../lib/optim/adagrad";
import { quadraticBowl } from "../../../lib/data/surfaces";
import { descend } from "./descend.helpers";

describe("Adagrad", () => {
  it("Adagrad.step matches three steps worked by hand", () => {
    const opt = new Adagrad({ lr: 0.1 }),
      theta = Float64Array.from([1]),
      g = new Float64Array(1);
    // G1 = 1           θ1 = 1 − 0.1·1/(1 + 1e-10)
    // G2 = 1 + 4 = 5   θ2 = θ1 − 0.1·2/(√5 + 1e-10)
    // G3 = 5 + 1 = 6   θ3 = θ2 + 0.1·1/(√6 + 1e-10)
    const θ1 = 1 - 0.1 / (1 + 1e-10),
      θ2 = θ1 - 0.2 / (Math.sqrt(5) + 1e-10),
      θ3 = θ2 + 0.1 / (Math.sqrt(6) + 1e-10);
    [1, 2, -1].forEach((gi, t) => {
      g[0] = gi;
      opt.step([theta], [g]);
      expect(opt.sum[0][0]).toBe([1, 5, 6][t]);
      expect(theta[0]).toBeCloseTo([θ1, θ2, θ3][t], 14);
    });
    expect(θ3).toBeCloseTo(0.9 - 0.0894427191 + 0.040824829, 9);
  });

  it("Adagrad.step with lrDecay divides lr by 1 + (t − 1)·lrDecay", () => {
    const opt = new Adagrad({ lr: 0.1, lrDecay: 0.5, eps: 0 }),
      theta = Float64Array.from([0]),
      g = Float64Array.from([1]);
    // lr_t = 0.1, 0.1/1.5, 0.1/2;  G = 1, 2, 3
    // θ3 = −0.1/1 − (0.1/1.5)/√2 − (0.1/2)/√3
    for (let t = 0; t < 3; t++) opt.step([theta], [g]);
    expect(theta[0]).toBeCloseTo(-0.1 - 0.1 / 1.5 / Math.sqrt(2) - 0.05 / Math.sqrt(3), 14);
  });

  it("Adagrad.step starts the sum at initialAccumulatorValue", () => {
    const opt = new Adagrad({ lr: 1, eps: 0, initialAccumulatorValue: 3 }),
      theta = Float64Array.from([0]);
    // G1 = 3 + 1 = 4, θ1 = −1/2
    opt.step([theta], [Float64Array.from([1])]);
    expect(theta[0]).toBeCloseTo(-0.5, 14);
  });

  it("Adagrad.step reaches the bowl's minimum", () => {
    const p = descend(new Adagrad({ lr: 0.5 }), quadraticBowl({ kappa: 50 }), 2000);
    expect(Math.hypot(p[0], p[1])).toBeLessThan(1e-3);
  });
});
