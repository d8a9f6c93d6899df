import { describe, expect, it } from "vitest";
import { Adam, Nesterov, quadraticBowl, rosenbrock, saddle } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import { tracePath } from "../../../src/widgets/optimizer-path";
import {
  raceSchema,
  race,
  buildOptimizer,
  quadraticRate,
  surfaceOf,
  usesKappa,
  presetFor,
  startOf,
  lossSeries,
  settingsText,
  OPTIMIZERS,
  SURFACES,
  PRESETS,
  TOLERANCE,
  MAX_STEPS,
  type RaceState,
} from "../../../src/widgets/optimizer-race-model";

const base = (): RaceState => defaults(raceSchema);

describe("optimizer race model", () => {
  it("race with the default settings brings every optimizer to the bowl's minimum within tolerance", () => {
    const { surface, runs } = race(base());
    expect(surface.name).toBe("quadratic bowl (κ = 5)");
    expect(runs.map((r) => r.id)).toEqual([...OPTIMIZERS]);
    for (const r of runs) {
      const last = r.points[r.points.length - 1];
      expect(r.stop, r.id).toBeNull();
      expect(r.points).toHaveLength(base().steps + 1);
      expect(Math.hypot(last.x, last.y), r.id).toBeLessThan(TOLERANCE);
      expect(r.status, r.id).toBe("reached");
    }
  });

  it("race after 0 steps has every run at the start point, not yet at the minimum", () => {
    const { runs } = race({ ...base(), steps: 0 });
    for (const r of runs) {
      expect(r.points).toEqual([{ t: 0, x: -2.5, y: 1.5, f: 0.5 * (6.25 + 5 * 2.25) }]);
      expect(r.status).toBe("running");
    }
  });

  it("buildOptimizer gives the engine's optimizer with the state's hyper-parameters (ε as a power of ten)", () => {
    const s = { ...base(), adamLr: 0.03, adamBeta1: 0.8, adamBeta2: 0.99, adamEps: -4, nesterovLr: 0.02, nesterovBeta: 0.7 };
    const bowl = quadraticBowl({ kappa: 5 });
    const ours = tracePath(buildOptimizer("adam", s), bowl, [1, 2], 20).points;
    const direct = tracePath(new Adam({ lr: 0.03, beta1: 0.8, beta2: 0.99, eps: 1e-4 }), bowl, [1, 2], 20).points;
    expect(ours).toEqual(direct);
    expect(tracePath(buildOptimizer("nesterov", s), bowl, [1, 2], 20).points).toEqual(
      tracePath(new Nesterov({ lr: 0.02, beta: 0.7 }), bowl, [1, 2], 20).points,
    );
  });

  it("race ends a diverging run at the step its loss passes the bound, with a marker and a status", () => {
    // lr = 1 on the κ = 5 bowl: u → 0 at once, v → (1 − 5)·v each step, so f_t = ½·5·(1.5·4^t)².
    const { runs } = race({ ...base(), gdLr: 1 });
    const gd = runs.find((r) => r.id === "gd")!;
    const firstOver = [...Array(20).keys()].find((t) => 2.5 * (1.5 * 4 ** t) ** 2 > 1e8)!;
    expect(firstOver).toBe(7);
    expect(gd.stop).toEqual({ step: 7, kind: "diverged" });
    expect(gd.points).toHaveLength(7);
    expect(gd.status).toBe("diverged");
    // The marker sits at the last finite point, pulled into the view window [-3, 3]².
    const last = gd.points[6];
    expect(Math.abs(last.y)).toBeGreaterThan(3);
    expect(gd.marker).toEqual({ x: expect.closeTo(Math.max(-3, Math.min(3, last.x)), 12), y: Math.sign(last.y) * 3 });
    expect(runs.filter((r) => r.id !== "gd").every((r) => r.status === "reached")).toBe(true);
  });

  it("race on the saddle reports running off towards −∞, not a divergence", () => {
    const s = { ...base(), surface: "saddle", ...presetFor("saddle"), steps: MAX_STEPS } as RaceState;
    const gd = race(s).runs.find((r) => r.id === "gd")!;
    expect(gd.stop?.kind).toBe("unbounded");
    expect(gd.points[gd.points.length - 1].f).toBeLessThan(0);
    const adam = race({ ...s, steps: 150 }).runs.find((r) => r.id === "adam")!;
    expect(adam.status).toBe("noMinimum");
  });

  it("presetFor loads each surface's own start point and learning rates", () => {
    const p = presetFor("rosenbrock");
    expect([p.x0, p.y0]).toEqual(rosenbrock().start);
    expect(p.gdLr).toBe(0.001);
    expect(p.adamLr).toBe(PRESETS.rosenbrock.adam);
    expect(p.kappa).toBeUndefined();
    expect(presetFor("ravine").kappa).toBe(100);
    expect(presetFor("bowl")).toMatchObject({ kappa: 5, x0: -2.5, y0: 1.5, gdLr: 0.1 });
  });

  it("every preset keeps every optimizer finite on its surface for the whole slider range", () => {
    for (const surface of SURFACES.filter((s) => s !== "saddle")) {
      const { runs } = race({ ...base(), surface, ...presetFor(surface), steps: MAX_STEPS } as RaceState);
      for (const r of runs) expect(r.stop, `${surface} ${r.id}`).toBeNull();
    }
  });

  it("surfaceOf applies κ to the bowl and the ravine, and usesKappa says so", () => {
    expect(surfaceOf({ surface: "bowl", kappa: 20 }).f(0, 1)).toBe(10);
    expect(surfaceOf({ surface: "ravine", kappa: 20 }).f(-1, 1)).toBeCloseTo(20, 12);
    expect(surfaceOf({ surface: "rosenbrock", kappa: 20 }).f(1, 1)).toBe(0);
    expect(SURFACES.filter(usesKappa)).toEqual(["bowl", "ravine"]);
  });

  it("startOf pulls a start outside the surface's view window onto its edge", () => {
    expect(startOf({ ...base(), surface: "rosenbrock", x0: 4, y0: -4 })).toEqual([2, -1]);
    expect(startOf(base())).toEqual([-2.5, 1.5]);
  });

  it("lossSeries gives f − f* floored for the log scale, and f itself on the saddle", () => {
    const { surface, runs } = race({ ...base(), steps: 3 });
    const series = lossSeries(runs[0], surface);
    expect(series.map((p) => p.t)).toEqual([0, 1, 2, 3]);
    expect(series[0].loss).toBeCloseTo(0.5 * (6.25 + 5 * 2.25), 12);
    const flat = lossSeries({ ...runs[0], points: [{ t: 0, x: 0, y: 0, f: 0 }] }, surface);
    expect(flat[0].loss).toBe(1e-16);
    const sad = race({ ...base(), surface: "saddle", x0: 1, y0: 1, steps: 1 });
    expect(lossSeries(sad.runs[0], saddle())[0].loss).toBe(0);
    expect(sad.surface.minimum).toBeNull();
  });

  it("settingsText lists an optimizer's hyper-parameters in the order of its panel", () => {
    expect(settingsText("gd", base())).toBe("lr 0.1");
    expect(settingsText("adamw", base())).toBe("lr 0.1 · β₁ 0.9 · β₂ 0.999 · ε 1e-8 · λ 0.01");
  });

  it("quadraticRate reads ρ off the race's own optimizers: at κ = 30 Nesterov's exceeds 1 and its run diverges, momentum's does not", () => {
    const s = { ...base(), kappa: 30 };
    expect(quadraticRate("momentum", s)).toBeCloseTo(Math.sqrt(0.9), 10);
    expect(quadraticRate("nesterov", s)!).toBeCloseTo(1.297, 3);
    expect(quadraticRate("gd", s)).toBeCloseTo(2, 12); // |1 − 0.1·30|
    expect(quadraticRate("adam", s)).toBeNull();
    expect(quadraticRate("momentum", { ...s, surface: "rosenbrock" })).toBeNull();
    const runs = race(s).runs;
    expect(runs.find((r) => r.id === "nesterov")!.status).toBe("diverged");
    expect(runs.find((r) => r.id === "momentum")!.status).not.toBe("diverged");
    expect(runs.find((r) => r.id === "gd")!.status).toBe("diverged");
  });
});
