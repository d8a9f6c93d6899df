// The momentum explorer's state and numbers: the velocity as a weighted sum of past gradients, and
// gradient descent against momentum in a narrow valley. Weights, step sizes and paths all come from
// the engine's Momentum and SGD; nothing here re-implements an update rule.
import { Momentum, SGD, ravine, type MomentumForm, type Surface } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";
import { tracePath, maxDistance, type Path } from "./optimizer-path";

export const FORMS = ["pytorch", "ema"] as const satisfies readonly MomentumForm[];
/** How many past gradients the weight chart shows. */
export const WEIGHT_STEPS = 30;
/** The valley: the engine's ravine with κ = 50, the floor running diagonally. */
export const VALLEY_KAPPA = 50;

const lr = (label: string, value: number) => ({ kind: "number", label, min: 0.00001, max: 1, step: 0.00001, default: value }) as const;

export const momentumSchema = {
  beta: { kind: "number", label: t("momentumExplorer.beta"), min: 0, max: 0.99, step: 0.01, default: 0.9 },
  form: { kind: "choice", label: t("momentumExplorer.form"), options: FORMS, default: "ema" },
  // NOTE: both rates start equal, as the handbook's text and code silently assume (E31); the
  // "match" button then shows the factor (1 − β) that makes the two forms agree. 0.038 is just under
  // GD's limit 2/κ = 0.04, where GD zig-zags across the floor and EMA momentum glides along it.
  lrPytorch: lr(t("momentumExplorer.lrPytorch"), 0.038),
  lrEma: lr(t("momentumExplorer.lrEma"), 0.038),
  steps: { kind: "number", label: t("momentumExplorer.steps"), min: 5, max: 200, step: 1, default: 60 },
} satisfies Schema;
export type MomentumState = StateOf<typeof momentumSchema>;

/**
 * The weight each past gradient carries in today's velocity: weights[k] multiplies the gradient of
 * k steps ago. Measured as the engine's impulse response (one gradient of 1, then zeros), so it is
 * β^k for the PyTorch form and (1 − β)·β^k for the EMA form because the engine says so.
 */
export function velocityWeights(form: MomentumForm, beta: number, count = WEIGHT_STEPS): number[] {
  const opt = new Momentum({ lr: 0, beta, form });
  const theta = new Float64Array(1);
  const weights: number[] = [];
  for (let k = 0; k < count; k++) {
    opt.step([theta], [Float64Array.of(k === 0 ? 1 : 0)]);
    weights.push(opt.velocity[0][0]);
  }
  return weights;
}

/**
 * How far one step moves, in units of lr·g, once the velocity has settled under a constant gradient:
 * the sum of all weights, 1/(1 − β) for the PyTorch form and 1 for the EMA form. Read off the engine
 * after enough steps that β^t is below 10⁻¹² (β ≤ 0.99 needs about 2,750).
 */
export function effectiveStep(form: MomentumForm, beta: number): number {
  const opt = new Momentum({ lr: 0, beta, form });
  const theta = new Float64Array(1),
    g = Float64Array.of(1);
  const steps = beta > 0 ? Math.ceil(Math.log(1e-12) / Math.log(beta)) : 1;
  for (let k = 0; k < steps; k++) opt.step([theta], [g]);
  return opt.velocity[0][0];
}

export function valley(): Surface {
  return ravine({ kappa: VALLEY_KAPPA });
}

/** The learning rate of the chosen form, which gradient descent shares so the race is fair. */
export const sharedLr = (s: MomentumState) => (s.form === "ema" ? s.lrEma : s.lrPytorch);

/** Gradient descent, PyTorch-form momentum and EMA-form momentum in the valley, from its start. */
export function valleyPaths(s: MomentumState): { gd: Path; pytorch: Path; ema: Path; distance: number } {
  const surface = valley();
  const run = (opt: SGD | Momentum) => tracePath(opt, surface, surface.start, s.steps);
  const pytorch = run(new Momentum({ lr: s.lrPytorch, beta: s.beta, form: "pytorch" }));
  const ema = run(new Momentum({ lr: s.lrEma, beta: s.beta, form: "ema" }));
  return { gd: run(new SGD({ lr: sharedLr(s) })), pytorch, ema, distance: maxDistance(pytorch, ema) };
}

/** The PyTorch-form rate that traces the EMA form's path: lr_pytorch = lr_ema·(1 − β). */
export function matchedLrPytorch(s: MomentumState): number {
  // NOTE: 15 significant digits turn 0.038·(1 − 0.9) = 0.003799999999999999 into the 0.0038 a reader
  // expects in the number box; the change (≤ 5·10⁻¹⁶ relative) is far below what the paths can show.
  return Number((s.lrEma * (1 - s.beta)).toPrecision(15));
}

/** Whether the two rates are matched, up to rounding. */
export function isMatched(s: MomentumState): boolean {
  return Math.abs(s.lrPytorch - matchedLrPytorch(s)) <= 1e-12 * Math.max(1, s.lrEma);
}

/**
 * How much the path swings across the valley floor: the sum of |Δv| over the steps, v the
 * coordinate across the floor. A zig-zag scores high; a path that slides along the floor scores low.
 */
export function acrossTravel(path: Path): number {
  let sum = 0;
  for (let i = 1; i < path.points.length; i++) {
    const a = path.points[i - 1],
      b = path.points[i];
    sum += Math.abs(b.y - b.x - (a.y - a.x)) / Math.SQRT2;
  }
  return sum;
}
