import { describe, expect, it } from "vitest";
import { Momentum, type MomentumOptions } from "../../../lib/optim/momentum";
import { createRng } from "../../../lib/random/rng";
import { ravine } from "../../../lib/data/surfaces";
import { SGD } from "../../../lib/optim/sgd";
import { descend } from "./descend.helpers";

/** Runs the optimizer on one scalar parameter θ0 = 1 with the given gradients; returns θ after each step. */
function run(options: MomentumOptions, grads: number[]) {
  const opt = new Momentum(options),
    theta = Float64Array.from([1]),
    g = new Float64Array(1);
  return {
    opt,
    path: grads.map((gi) => {
      g[0] = gi;
      opt.step([theta], [g]);
      return theta[0];
    }),
  };
}

describe("Momentum", () => {
  it('Momentum.step (form "pytorch") matches three steps worked by hand', () => {
    const { opt, path } = run({ lr: 0.1, beta: 0.9 }, [1, 2, -1]);
    // v1 = 1                     θ1 = 1 − 0.1·1        = 0.9
    // v2 = 0.9·1 + 2 = 2.9       θ2 = 0.9 − 0.1·2.9    = 0.61
    // v3 = 0.9·2.9 − 1 = 1.61    θ3 = 0.61 − 0.1·1.61  = 0.449
    [0.9, 0.61, 0.449].forEach((x, t) => expect(path[t]).toBeCloseTo(x, 14));
    expect(opt.velocity[0][0]).toBeCloseTo(1.61, 14);
  });

  it('Momentum.step (form "ema") matches three steps worked by hand', () => {
    const { opt, path } = run({ lr: 0.1, beta: 0.9, form: "ema" }, [1, 2, -1]);
    // v1 = 0.1·1 = 0.1                  θ1 = 1 − 0.1·0.1      = 0.99
    // v2 = 0.9·0.1 + 0.1·2 = 0.29       θ2 = 0.99 − 0.1·0.29  = 0.961
    // v3 = 0.9·0.29 + 0.1·(−1) = 0.161  θ3 = 0.961 − 0.1·0.161 = 0.9449
    [0.99, 0.961, 0.9449].forEach((x, t) => expect(path[t]).toBeCloseTo(x, 14));
    expect(opt.velocity[0][0]).toBeCloseTo(0.161, 14);
  });

  it("Momentum.step with nesterov matches three steps worked by hand", () => {
    const { path } = run({ lr: 0.1, beta: 0.9, nesterov: true }, [1, 2, -1]);
    // v1 = 1      step g + βv = 1 + 0.9        = 1.9    θ1 = 1 − 0.19      = 0.81
    // v2 = 2.9    step        = 2 + 0.9·2.9    = 4.61   θ2 = 0.81 − 0.461  = 0.349
    // v3 = 1.61   step        = −1 + 0.9·1.61  = 0.449  θ3 = 0.349 − 0.0449 = 0.3041
    [0.81, 0.349, 0.3041].forEach((x, t) => expect(path[t]).toBeCloseTo(x, 14));
  });

  it("Momentum.step with dampening keeps PyTorch's undamped first step", () => {
    const { path } = run({ lr: 0.1, beta: 0.9, dampening: 0.5 }, [1, 2, -1]);
    // v1 = g1 = 1 (no dampening on the first step)  θ1 = 0.9
    // v2 = 0.9·1 + 0.5·2 = 1.9                      θ2 = 0.9 − 0.19  = 0.71
    // v3 = 0.9·1.9 + 0.5·(−1) = 1.21                θ3 = 0.71 − 0.121 = 0.589
    [0.9, 0.71, 0.589].forEach((x, t) => expect(path[t]).toBeCloseTo(x, 14));
  });

  it("Momentum.step with weightDecay adds λθ to the gradient before the velocity", () => {
    const { path } = run({ lr: 0.1, beta: 0.5, weightDecay: 1 }, [0, 0]);
    // g1 = 0 + 1·1 = 1, v1 = 1, θ1 = 1 − 0.1 = 0.9
    // g2 = 0.9, v2 = 0.5·1 + 0.9 = 1.4, θ2 = 0.9 − 0.14 = 0.76
    [0.9, 0.76].forEach((x, t) => expect(path[t]).toBeCloseTo(x, 14));
  });

  it('Momentum.step forms "pytorch" and "ema" coincide when lr_pytorch = lr_ema·(1 − β)', () => {
    for (const nesterov of [false, true]) {
      const beta = 0.8,
        lrEma = 0.05;
      const a = new Momentum({ lr: lrEma * (1 - beta), beta, nesterov });
      const b = new Momentum({ lr: lrEma, beta, form: "ema", nesterov });
      const pa = Float64Array.from([2, -1]),
        pb = pa.slice();
      const ga = new Float64Array(2),
        gb = new Float64Array(2),
        rng = createRng(42);
      for (let t = 0; t < 50; t++) {
        // a gradient that depends on θ (f = ½(x² + 10y²)) plus seeded noise, the same for both
        const n0 = rng.normal(),
          n1 = rng.normal();
        ga[0] = pa[0] + n0;
        ga[1] = 10 * pa[1] + n1;
        gb[0] = pb[0] + n0;
        gb[1] = 10 * pb[1] + n1;
        a.step([pa], [ga]);
        b.step([pb], [gb]);
        expect(pb[0]).toBeCloseTo(pa[0], 12);
        expect(pb[1]).toBeCloseTo(pa[1], 12);
      }
      // v_ema = (1 − β)·v_pytorch
      expect(b.velocity[0][1]).toBeCloseTo((1 - beta) * a.velocity[0][1], 12);
    }
  });

  it("Momentum.step approaches the terminal step lr·g/(1 − β) on a constant gradient", () => {
    const opt = new Momentum({ lr: 0.1, beta: 0.9 }),
      theta = new Float64Array(1),
      g = Float64Array.from([1]);
    let before = 0;
    for (let t = 0; t < 300; t++) {
      before = theta[0];
      opt.step([theta], [g]);
    }
    expect(before - theta[0]).toBeCloseTo((0.1 * 1) / (1 - 0.9), 10);
  });

  it("Momentum.step allocates its velocity once and reuses it", () => {
    const opt = new Momentum({ lr: 0.1 }),
      theta = new Float64Array(3),
      g = Float64Array.from([1, 2, 3]);
    opt.step([theta], [g]);
    const v = opt.velocity[0];
    opt.step([theta], [g]);
    expect(opt.velocity[0]).toBe(v);
    opt.reset();
    expect(opt.velocity.length).toBe(0);
    expect(opt.t).toBe(0);
  });

  it("Momentum rejects dampening with Nesterov, as PyTorch does", () => {
    expect(() => new Momentum({ nesterov: true, dampening: 0.1 })).toThrow(/dampening/);
  });

  it("Momentum.step gets through the ravine faster than SGD with the same step", () => {
    const surface = ravine({ kappa: 100 });
    const sgd = descend(new SGD({ lr: 0.009 }), surface, 200);
    const mom = descend(new Momentum({ lr: 0.009, beta: 0.9 }), surface, 200);
    expect(surface.f(mom[0], mom[1])).toBeLessThan(0.01 * surface.f(sgd[0], sgd[1]));
  });
});
