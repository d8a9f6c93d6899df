import { describe, expect, it } from "vitest";
import { SGD } from "../../../lib/optim/sgd";
import { quadraticBowl } from "../../../lib/data/surfaces";
import { descend } from "./descend.helpers";

describe("SGD", () => {
  it("SGD.step matches three steps worked by hand", () => {
    const theta = Float64Array.from([1, -2]);
    const opt = new SGD({ lr: 0.1 });
    // θ1 = [1 − 0.1·1, −2 − 0.1·1] = [0.9, −2.1]
    opt.step([theta], [Float64Array.from([1, 1])]);
    expect(theta[0]).toBeCloseTo(0.9, 14);
    expect(theta[1]).toBeCloseTo(-2.1, 14);
    // θ2 = [0.9 − 0.1·2, −2.1 − 0.1·(−1)] = [0.7, −2.0]
    opt.step([theta], [Float64Array.from([2, -1])]);
    expect(theta[0]).toBeCloseTo(0.7, 14);
    expect(theta[1]).toBeCloseTo(-2.0, 14);
    // θ3 = [0.7 − 0.1·(−1), −2.0 − 0.1·0.5] = [0.8, −2.05]
    opt.step([theta], [Float64Array.from([-1, 0.5])]);
    expect(theta[0]).toBeCloseTo(0.8, 14);
    expect(theta[1]).toBeCloseTo(-2.05, 14);
    expect(opt.t).toBe(3);
  });

  it("SGD.step with weightDecay shrinks θ by (1 − lr·λ) when the gradient is zero", () => {
    const theta = Float64Array.from([1]);
    const opt = new SGD({ lr: 0.1, weightDecay: 0.5 });
    const zero = new Float64Array(1);
    // θ ← θ − 0.1·(0 + 0.5θ) = 0.95θ: 0.95, 0.9025, 0.857375
    for (const expected of [0.95, 0.9025, 0.857375]) {
      opt.step([theta], [zero]);
      expect(theta[0]).toBeCloseTo(expected, 14);
    }
  });

  it("SGD.step uses an lr changed between steps", () => {
    const theta = Float64Array.from([0]);
    const opt = new SGD({ lr: 1 });
    const g = Float64Array.from([1]);
    opt.step([theta], [g]); // 0 − 1
    opt.lr = 0.5;
    opt.step([theta], [g]); // −1 − 0.5
    expect(theta[0]).toBeCloseTo(-1.5, 14);
  });

  it("SGD.step throws when params and grads do not pair up", () => {
    const opt = new SGD();
    expect(() => opt.step([new Float64Array(2)], [])).toThrow(/1 parameter arrays but 0/);
    expect(() => opt.step([new Float64Array(2)], [new Float64Array(3)])).toThrow(/parameter 0/);
  });

  it("SGD.step converges on the bowl when lr < 2/κ and diverges above it", () => {
    // f = ½(x² + 10y²): the y-coordinate is multiplied by (1 − 10·lr) each step
    const near = descend(new SGD({ lr: 0.19 }), quadraticBowl({ kappa: 10 }), 500);
    expect(Math.hypot(near[0], near[1])).toBeLessThan(1e-6);
    const far = descend(new SGD({ lr: 0.21 }), quadraticBowl({ kappa: 10 }), 100);
    expect(Math.abs(far[1])).toBeGreaterThan(10);
  });
});
