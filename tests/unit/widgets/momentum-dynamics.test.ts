import { describe, expect, it } from "vitest";
import { Momentum, Nesterov, SGD, quadraticBowl, ravine } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import { tracePath } from "../../../src/widgets/optimizer-path";
import {
  dynamicsSchema,
  decomposition,
  errorSeries,
  rates,
  kappaSweep,
  dampingSweep,
  criticalBetas,
  stabilitySweep,
  lrLimits,
  preset,
  type DynamicsState,
} from "../../../src/widgets/momentum-dynamics-model";

const base = (): DynamicsState => defaults(dynamicsSchema);

describe("momentum dynamics model", () => {
  it("decomposition projects the race's start onto the eigenvectors of the ravine's Hessian", () => {
    const { lambdas, vectors, x0, surface } = decomposition({ surface: "ravine", kappa: 50 });
    expect(surface.name).toBe(ravine({ kappa: 50 }).name);
    expect(lambdas[0]).toBeCloseTo(1, 12);
    expect(lambdas[1]).toBeCloseTo(50, 12);
    // The start (−2.5, −1.5) lies mostly along the floor (1, 1)/√2.
    expect(Math.abs(x0[0])).toBeCloseTo(4 / Math.SQRT2, 12);
    expect(Math.abs(x0[1])).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(Math.hypot(...vectors[0])).toBeCloseTo(1, 12);
  });

  it("errorSeries along each direction matches the engine's paths on the bowl (directions are the axes)", () => {
    const s = { ...base(), kappa: 20, lr: 0.04, beta: 0.8, steps: 30 };
    const data = errorSeries(s);
    const bowl = quadraticBowl({ kappa: 20 });
    const engine = {
      gd: tracePath(new SGD({ lr: 0.04 }), bowl, bowl.start, 30),
      momentum: tracePath(new Momentum({ lr: 0.04, beta: 0.8 }), bowl, bowl.start, 30),
      nesterov: tracePath(new Nesterov({ lr: 0.04, beta: 0.8 }), bowl, bowl.start, 30),
    };
    for (const p of data) {
      const q = engine[p.method].points[p.t];
      expect(p.error).toBeCloseTo(Math.max(Math.abs(p.direction === 0 ? q.x : q.y), 1e-16), 10);
    }
  });

  it("rates at the race's settings for κ = 30: momentum converges at √0.9, Nesterov diverges", () => {
    const r = rates(base());
    expect(r.momentum.rho).toBeCloseTo(Math.sqrt(0.9), 10);
    expect(r.nesterov.rho).toBeGreaterThan(1);
    expect(r.nesterov.steps).toBe(Infinity);
    expect(r.gd.rho).toBeCloseTo(0.95, 12); // |1 − 0.05·1|; the steep direction's |1 − 1.5| = 0.5
    const lim = lrLimits(base());
    expect(lim.nesterov).toBeLessThan(0.05);
    expect(lim.momentum).toBeCloseTo(3.8 / 30, 12);
  });

  it("kappaSweep's best curves lie below the settings' curves, and momentum's best below GD's best", () => {
    const data = kappaSweep(base(), 12);
    const at = (series: string, i: number) => data.filter((p) => p.series === series)[i].rate;
    for (let i = 1; i < 12; i++) {
      expect(at("momentumBest", i)).toBeLessThan(at("gdBest", i));
      expect(at("gdBest", i)).toBeLessThanOrEqual(at("gd", i) + 1e-12);
    }
  });

  it("dampingSweep is smallest near the critical β of the flat direction when the steep one allows it", () => {
    const s = { ...base(), kappa: 4, lr: 0.25, beta: 0.5 };
    const crit = criticalBetas(s);
    expect(crit[0]).toBeCloseTo(0.25, 12); // (1 − √0.25)²
    const run = dampingSweep(s, 200).filter((p) => p.direction === "both");
    const best = run.reduce((a, b) => (b.rho < a.rho ? b : a));
    // The best pair for κ = 4 is lr = 4/9, β = 1/9; at lr = 0.25 the run's best β sits near the flat direction's critical β.
    expect(Math.abs(best.beta - crit[0])).toBeLessThan(0.02);
  });

  it("stabilitySweep crosses ρ = 1 at each method's limit", () => {
    const data = stabilitySweep({ ...base(), beta: 0.5 }, 401, 4);
    const firstUnstable = (m: string) => data.find((p) => p.method === m && p.h > 0 && p.rho > 1)!.h;
    expect(firstUnstable("gd")).toBeCloseTo(2, 1);
    expect(firstUnstable("momentum")).toBeCloseTo(3, 1);
    expect(firstUnstable("nesterov")).toBeCloseTo(1.5, 1);
  });

  it("preset loads the race, the best GD step and the critically damped pair on the slider grid", () => {
    expect(preset("race", { ...base(), kappa: 7 })).toEqual({ surface: "bowl", kappa: 30, lr: 0.05, beta: 0.9 });
    expect(preset("bestGd", { ...base(), kappa: 9 })).toEqual({ lr: 0.2 });
    expect(preset("bestMomentum", { ...base(), kappa: 9 })).toEqual({ lr: 0.25, beta: 0.25 });
  });
});
