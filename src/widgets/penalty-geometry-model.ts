// Penalty geometry (chapter 5): a two-weight problem whose loss J(w) is a tilted quadratic bowl
// (the engine's quadraticBowl, shifted so its minimum sits at W_STAR), penalized by L1, L2 or an
// elastic-net mix. The penalized optimum is found with the engine's proximal step (proximalL1Step,
// with l2Grad added to the gradient), so L1 weights reach exact zeros; plain subgradient descent
// (l1Grad) is run beside it to show that it only hovers around zero.
import { l1Grad, l1Penalty, l2Grad, l2Penalty, proximalL1Step, quadraticBowl } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** The unpenalized optimum w* of J. */
export const W_STAR: readonly [number, number] = [2, 0.8];
const BOWL = quadraticBowl({ kappa: 4, angle: 0.5 });
/** Largest curvature of J (κ); the proximal step uses lr = 1/(κ + 2λ₂). */
export const KAPPA = 4;
export const LAMBDA_MAX = 4;
export const PATH_POINTS = 41;
export const ITERATIONS = 800;

export const penaltySchema = {
  penalty: { kind: "choice", label: t("penaltyGeometry.penalty"), options: ["l1", "l2", "elastic"], default: "l1" },
  lambda: { kind: "number", label: t("penaltyGeometry.lambda"), min: 0, max: LAMBDA_MAX, step: 0.05, default: 1.5 },
  mix: { kind: "number", label: t("penaltyGeometry.mix"), min: 0, max: 1, step: 0.05, default: 0.5 },
} satisfies Schema;
export type PenaltyState = StateOf<typeof penaltySchema>;

/** J(w) = ½(u² + κv²) in coordinates centred on w* and turned by 0.5 rad. */
export function loss(w1: number, w2: number): number {
  return BOWL.f(w1 - W_STAR[0], w2 - W_STAR[1]);
}
export function lossGrad(w1: number, w2: number): [number, number] {
  return BOWL.grad(w1 - W_STAR[0], w2 - W_STAR[1]);
}

/** The two strengths (λ₁ of Σ|w|, λ₂ of Σw²) the state asks for; elastic net splits λ by the mix. */
export function strengths(s: PenaltyState): { l1: number; l2: number } {
  if (s.penalty === "l1") return { l1: s.lambda, l2: 0 };
  if (s.penalty === "l2") return { l1: 0, l2: s.lambda };
  return { l1: s.mix * s.lambda, l2: (1 - s.mix) * s.lambda };
}

/** The penalty R(w) = λ₁Σ|wᵢ| + λ₂Σwᵢ² (engine's l1Penalty + l2Penalty). */
export function penaltyValue(w: ArrayLike<number>, l1: number, l2: number): number {
  return l1Penalty(w, l1) + l2Penalty(w, l2);
}

/**
 * The minimizer of J(w) + λ₁Σ|wᵢ| + λ₂Σwᵢ² by proximal gradient descent (ISTA): a gradient step on
 * J + λ₂Σw² (the engine's l2Grad), then soft-thresholding by lr·λ₁ (the engine's proximalL1Step).
 */
export function proximalOptimum(l1: number, l2: number, iterations = ITERATIONS): Float64Array {
  const w = Float64Array.from(W_STAR),
    g = new Float64Array(2),
    r = new Float64Array(2),
    lr = 1 / (KAPPA + 2 * l2);
  for (let k = 0; k < iterations; k++) {
    const [g1, g2] = lossGrad(w[0], w[1]);
    l2Grad(w, l2, r);
    g[0] = g1 + r[0];
    g[1] = g2 + r[1];
    proximalL1Step(w, g, lr, l1);
  }
  return w;
}

/** Step size and step count of plain subgradient descent: small steps, so it ends close to the optimum. */
export const SUB_LR = 0.01;
export const SUB_ITERATIONS = 2000;

/**
 * The same problem by plain subgradient descent, w ← w − lr·(∇J + l1Grad + l2Grad): a weight whose optimum is 0
 * keeps hopping across zero by about lr·λ₁ and never lands on it.
 */
export function subgradientOptimum(l1: number, l2: number, iterations = SUB_ITERATIONS, lr = SUB_LR): Float64Array {
  const w = Float64Array.from(W_STAR),
    s = new Float64Array(2),
    r = new Float64Array(2);
  for (let k = 0; k < iterations; k++) {
    const [g1, g2] = lossGrad(w[0], w[1]);
    l1Grad(w, l1, s);
    l2Grad(w, l2, r);
    w[0] -= lr * (g1 + s[0] + r[0]);
    w[1] -= lr * (g2 + s[1] + r[1]);
  }
  return w;
}

export interface PathPoint {
  lambda: number;
  w1: number;
  w2: number;
  zeros: number;
}

const paths = new Map<string, PathPoint[]>();

/** The penalized optimum for λ from 0 to LAMBDA_MAX (the regularization path), for the state's penalty and mix.
 * It does not depend on the state's λ, so it is computed once per penalty and mix (33,000 proximal steps) and
 * a λ change reuses it. */
export function path(s: PenaltyState, count = PATH_POINTS): PathPoint[] {
  const key = `${s.penalty}:${s.mix}:${count}`;
  let points = paths.get(key);
  if (!points) paths.set(key, (points = computePath(s, count)));
  return points;
}

function computePath(s: PenaltyState, count: number): PathPoint[] {
  return Array.from({ length: count }, (_, k) => {
    const lambda = (LAMBDA_MAX * k) / (count - 1);
    const { l1, l2 } = strengths({ ...s, lambda });
    const w = proximalOptimum(l1, l2);
    return { lambda, w1: w[0], w2: w[1], zeros: (w[0] === 0 ? 1 : 0) + (w[1] === 0 ? 1 : 0) };
  });
}

/**
 * The boundary of the constraint region {w : λ₁Σ|wᵢ| + λ₂Σwᵢ² ≤ c} through the optimum, as a closed polyline:
 * the diamond (L1), the disc (L2) or the rounded diamond between them (elastic net). Along direction u the
 * radius ρ solves λ₁ρ‖u‖₁ + λ₂ρ² = c.
 */
export function constraintBoundary(l1: number, l2: number, c: number, count = 181): { x: number; y: number }[] {
  if (c <= 0 || (l1 === 0 && l2 === 0)) return [];
  return Array.from({ length: count }, (_, k) => {
    const th = (2 * Math.PI * k) / (count - 1),
      ux = Math.cos(th),
      uy = Math.sin(th),
      n1 = Math.abs(ux) + Math.abs(uy);
    const rho = l2 === 0 ? c / (l1 * n1) : (-l1 * n1 + Math.sqrt(l1 * l1 * n1 * n1 + 4 * l2 * c)) / (2 * l2);
    return { x: rho * ux, y: rho * uy };
  });
}

export interface Geometry {
  l1: number;
  l2: number;
  optimum: Float64Array;
  subgradient: Float64Array;
  /** J at the optimum and the penalty there. */
  loss: number;
  penalty: number;
  boundary: { x: number; y: number }[];
  path: PathPoint[];
}

/** Everything the widget draws for one state. */
export function geometry(s: PenaltyState): Geometry {
  const { l1, l2 } = strengths(s);
  const optimum = proximalOptimum(l1, l2);
  const penalty = penaltyValue(optimum, l1, l2);
  return {
    l1,
    l2,
    optimum,
    subgradient: subgradientOptimum(l1, l2),
    loss: loss(optimum[0], optimum[1]),
    penalty,
    boundary: constraintBoundary(l1, l2, penalty),
    path: path(s),
  };
}

/** J sampled at cell centres of an n × n grid over [x1, x2] × [y1, y2], row 0 at y1 (Plot's raster layout). */
export function lossGrid(n = 50, x1 = -1, x2 = 3.5, y1 = -1.5, y2 = 2.5) {
  const values: number[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) values.push(loss(x1 + ((col + 0.5) * (x2 - x1)) / n, y1 + ((row + 0.5) * (y2 - y1)) / n));
  }
  return { values, width: n, height: n, x1, x2, y1, y2 };
}
