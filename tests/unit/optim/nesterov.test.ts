import { describe, expect, it } from "vitest";
import { Momentum } from "../../../lib/optim/momentum";
import { Nesterov } from "../../../lib/optim/nesterov";

describe("Nesterov", () => {
  it("Nesterov.step matches three steps worked by hand", () => {
    const opt = new Nesterov({ lr: 0.1, beta: 0.9 }),
      theta = Float64Array.from([1]),
      g = new Float64Array(1);
    // v1 = 1     θ1 = 1 − 0.1·(1 + 0.9·1)          = 0.81
    // v2 = 2.9   θ2 = 0.81 − 0.1·(2 + 0.9·2.9)     = 0.349
    // v3 = 1.61  θ3 = 0.349 − 0.1·(−1 + 0.9·1.61)  = 0.3041
    [1, 2, -1].forEach((gi, t) => {
      g[0] = gi;
      opt.step([theta], [g]);
      expect(theta[0]).toBeCloseTo([0.81, 0.349, 0.3041][t], 14);
    });
    expect(opt).toBeInstanceOf(Momentum);
    expect(opt.nesterov).toBe(true);
  });

  it('Nesterov.step (form "ema") matches three steps worked by hand', () => {
    const opt = new Nesterov({ lr: 0.1, beta: 0.9, form: "ema" }),
      theta = Float64Array.from([1]),
      g = new Float64Array(1);
    // v1 = 0.1    θ1 = 1 − 0.1·(0.1·1 + 0.9·0.1)        = 1 − 0.019    = 0.981
    // v2 = 0.29   θ2 = 0.981 − 0.1·(0.1·2 + 0.9·0.29)   = 0.981 − 0.0461 = 0.9349
    // v3 = 0.161  θ3 = 0.9349 − 0.1·(−0.1 + 0.9·0.161) = 0.9349 − 0.00449 = 0.93041
    [1, 2, -1].forEach((gi, t) => {
      g[0] = gi;
      opt.step([theta], [g]);
      expect(theta[0]).toBeCloseTo([0.981, 0.9349, 0.93041][t], 14);
    });
  });
});
