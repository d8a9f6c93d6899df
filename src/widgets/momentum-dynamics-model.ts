// The numbers behind <dl-momentum-dynamics>: the race's quadratic split into its eigen-directions,
// the error of GD, momentum and Nesterov along each over the steps, their rates against κ, the
// critical damping of momentum and each method's stability range. All from lib/optim/quadratic-analysis.
import {
  eigenSym2,
  bowlHessian,
  convergenceRate,
  directionErrors,
  spectralRadius,
  iterationMatrix,
  stabilityLimit,
  criticalBeta,
  optimalSettings,
  stepsToShrink,
  quadraticBowl,
  ravine,
  type QuadMethod,
  type Mat2,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const METHODS = ["gd", "momentum", "nesterov"] as const satisfies readonly QuadMethod[];
export const QUAD_SURFACES = ["bowl", "ravine"] as const;

export const dynamicsSchema = {
  surface: { kind: "choice", label: t("momentumDynamics.surface"), options: QUAD_SURFACES, default: "bowl" },
  kappa: { kind: "number", label: t("momentumDynamics.kappa"), min: 1, max: 100, step: 1, default: 30 },
  lr: { kind: "number", label: t("momentumDynamics.lr"), min: 0.0005, max: 0.5, step: 0.0005, default: 0.05 },
  beta: { kind: "number", label: t("momentumDynamics.beta"), min: 0, max: 0.99, step: 0.01, default: 0.9 },
  steps: { kind: "number", label: t("momentumDynamics.steps"), min: 10, max: 300, step: 10, default: 100 },
} satisfies Schema;
export type DynamicsState = StateOf<typeof dynamicsSchema>;

/** The quadratic the state names (the race's bowl or ravine), its Hessian and its eigen-decomposition. */
export function decomposition(s: Pick<DynamicsState, "surface" | "kappa">) {
  const angle = s.surface === "ravine" ? Math.PI / 4 : 0;
  const surface = s.surface === "ravine" ? ravine({ kappa: s.kappa }) : quadraticBowl({ kappa: s.kappa });
  const hessian: Mat2 = bowlHessian(s.kappa, angle);
  const { values, vectors } = eigenSym2(hessian);
  const [x, y] = surface.start;
  // The start's error in the eigenbasis: x⁰ᵢ = qᵢ·(θ⁰ − θ*), θ* = 0.
  const x0 = vectors.map(([qx, qy]) => qx * x + qy * y);
  return { surface, hessian, lambdas: values, vectors, x0 };
}

export interface ErrorPoint {
  method: QuadMethod;
  direction: 0 | 1;
  t: number;
  error: number;
}

/** |error| along each eigen-direction for each method, step by step (floored at 1e-16 for a log axis). */
export function errorSeries(s: DynamicsState): ErrorPoint[] {
  const { lambdas, x0 } = decomposition(s);
  return METHODS.flatMap((method) =>
    directionErrors(method, lambdas, x0, s.lr, s.beta, s.steps).flatMap((series, direction) =>
      series.map((x, step) => ({ method, direction: direction as 0 | 1, t: step, error: Math.max(Math.abs(x), 1e-16) })),
    ),
  );
}

/** The rate ρ of each method with the state's lr and β, and the steps it needs to cut the error 1000-fold. */
export function rates(s: DynamicsState): Record<QuadMethod, { rho: number; steps: number }> {
  const { lambdas } = decomposition(s);
  const out = {} as Record<QuadMethod, { rho: number; steps: number }>;
  for (const m of METHODS) {
    const rho = convergenceRate(m, lambdas, s.lr, s.beta);
    out[m] = { rho, steps: stepsToShrink(rho) };
  }
  return out;
}

const logSpace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));

export interface RatePoint {
  series: "gdBest" | "momentumBest" | QuadMethod;
  kappa: number;
  rate: number;
}

/** Rate against κ (curvatures 1 and κ): the best GD and best momentum, and the three methods at the state's lr and β. */
export function kappaSweep(s: DynamicsState, n = 48): RatePoint[] {
  return logSpace(1, 100, n).flatMap((kappa) => [
    { series: "gdBest" as const, kappa, rate: optimalSettings("gd", 1, kappa).rate },
    { series: "momentumBest" as const, kappa, rate: optimalSettings("momentum", 1, kappa).rate },
    ...METHODS.map((m) => ({ series: m, kappa, rate: convergenceRate(m, [1, kappa], s.lr, s.beta) })),
  ]);
}

export interface DampingPoint {
  direction: 0 | 1 | "both";
  beta: number;
  rho: number;
}

/** Momentum's ρ against β at the state's lr, for each direction and for the run (the larger). */
export function dampingSweep(s: DynamicsState, n = 100): DampingPoint[] {
  const { lambdas } = decomposition(s);
  return Array.from({ length: n }, (_, i) => (0.99 * i) / (n - 1)).flatMap((beta) => {
    const rho = lambdas.map((l) => spectralRadius(iterationMatrix("momentum", l, s.lr, beta)));
    return [
      { direction: 0 as const, beta, rho: rho[0] },
      { direction: 1 as const, beta, rho: rho[1] },
      { direction: "both" as const, beta, rho: Math.max(...rho) },
    ];
  });
}

/** The β that critically damps each direction at the state's lr: (1 − √(lr·λ))². */
export function criticalBetas(s: DynamicsState): number[] {
  return decomposition(s).lambdas.map((l) => criticalBeta(s.lr * l));
}

export interface StabilityPoint {
  method: QuadMethod;
  h: number;
  rho: number;
}

/** ρ of one direction against h = lr·λ at the state's β: each method's stable range is where ρ < 1. */
export function stabilitySweep(s: DynamicsState, n = 120, hMax = 4): StabilityPoint[] {
  return Array.from({ length: n }, (_, i) => (hMax * i) / (n - 1)).flatMap((h) =>
    METHODS.map((method) => ({ method, h, rho: spectralRadius(iterationMatrix(method, 1, h, s.beta)) })),
  );
}

/** Largest stable lr for each method on this quadratic: stabilityLimit / λmax. */
export function lrLimits(s: DynamicsState): Record<QuadMethod, number> {
  const lMax = decomposition(s).lambdas[1];
  return {
    gd: stabilityLimit("gd") / lMax,
    momentum: stabilityLimit("momentum", s.beta) / lMax,
    nesterov: stabilityLimit("nesterov", s.beta) / lMax,
  };
}

/** Rounds to the lr slider's grid (0.0005) without dropping below it. */
const onGrid = (v: number, step: number, min: number) => Math.max(min, Math.round(v / step) * step);

/** The preset a button loads: the race at κ = 30, the best GD step, or critically damped momentum. */
export function preset(kind: "race" | "bestGd" | "bestMomentum", s: DynamicsState): Partial<DynamicsState> {
  if (kind === "race") return { surface: "bowl", kappa: 30, lr: 0.05, beta: 0.9 };
  const { lambdas } = decomposition(s);
  const best = optimalSettings(kind === "bestGd" ? "gd" : "momentum", lambdas[0], lambdas[1]);
  const lr = Number(onGrid(best.lr, 0.0005, 0.0005).toFixed(4));
  return kind === "bestGd" ? { lr } : { lr, beta: Number(onGrid(best.beta, 0.01, 0).toFixed(2)) };
}
