// Gradient descent on a one-weight bowl J(w) = ½λw² (chapter 3): the path of w under the engine's
// SGD for a learning rate η, the tangent at the current w, and when the path diverges.
// The bowl is the engine's quadraticBowl with κ = λ, read along its steep axis: f(0, w) = ½λw².
import { quadraticBowl, SGD } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const MAX_STEPS = 60;
/** A path is called diverged once |w| passes this many times its start (or stops being a number). */
export const DIVERGE_FACTOR = 10;

export const gd1dSchema = {
  lambda: { kind: "number", label: t("gradientDescent1d.lambda"), min: 0.5, max: 8, step: 0.5, default: 4 },
  lr: { kind: "number", label: t("gradientDescent1d.lr"), min: 0.001, max: 3, step: 0.001, default: 0.1 },
  w0: { kind: "number", label: t("gradientDescent1d.w0"), min: -3, max: 3, step: 0.1, default: 1 },
  steps: { kind: "number", label: t("gradientDescent1d.steps"), min: 0, max: MAX_STEPS, step: 1, default: 5 },
} satisfies Schema;
export type Gd1dState = StateOf<typeof gd1dSchema>;

/** Learning-rate presets as multiples of 1/λ, so each keeps its character whatever the curvature. */
export const PRESETS = { tooSmall: 0.05, good: 0.4, overshoots: 1.6, diverges: 2.4 } as const;
export type PresetId = keyof typeof PRESETS;

/** η for a preset at curvature λ, rounded to the slider's step. */
export const presetLr = (id: PresetId, lambda: number) => Math.max(0.001, Math.round((PRESETS[id] / lambda) * 1000) / 1000);

export const bowl = (lambda: number) => quadraticBowl({ kappa: lambda });
/** J(w) and dJ/dw from the engine's bowl. */
export const J = (lambda: number, w: number) => bowl(lambda).f(0, w);
export const dJ = (lambda: number, w: number) => bowl(lambda).grad(0, w)[1];

export type Status = "running" | "converged" | "diverged";
export interface PathPoint {
  t: number;
  w: number;
  J: number;
}

/** Up to `steps` SGD steps from w0; stops early (status "diverged") once |w| runs away. */
export function descend(s: Gd1dState): { path: PathPoint[]; status: Status; divergedAt?: number } {
  const opt = new SGD({ lr: s.lr });
  const w = Float64Array.from([s.w0]),
    g = new Float64Array(1);
  const limit = DIVERGE_FACTOR * Math.max(Math.abs(s.w0), 0.1);
  const path: PathPoint[] = [{ t: 0, w: w[0], J: J(s.lambda, w[0]) }];
  for (let k = 1; k <= s.steps; k++) {
    g[0] = dJ(s.lambda, w[0]);
    opt.step([w], [g]);
    path.push({ t: k, w: w[0], J: J(s.lambda, w[0]) });
    if (!Number.isFinite(w[0]) || Math.abs(w[0]) > limit) return { path, status: "diverged", divergedAt: k };
  }
  const last = path[path.length - 1].w;
  return { path, status: Math.abs(last) < 1e-6 * Math.max(Math.abs(s.w0), 1) ? "converged" : "running" };
}

/** What theory says about η at curvature λ: the factor 1 − ηλ each step multiplies w by, and the limit 2/λ. */
export function regime(s: Gd1dState) {
  const factor = 1 - s.lr * s.lambda,
    limit = 2 / s.lambda;
  const kind =
    Math.abs(factor) > 1 ? "diverges" : Math.abs(factor) === 1 ? "bounces" : factor < 0 ? "overshoots" : factor === 0 ? "exact" : "slides";
  return { factor, limit, kind };
}

/** The tangent line at w, as two points spanning ±half around it. */
export function tangent(lambda: number, w: number, half: number) {
  const j = J(lambda, w),
    slope = dJ(lambda, w);
  return [w - half, w + half].map((x) => ({ w: x, J: j + slope * (x - w) }));
}

/** The w-window of the loss chart: the start and the path, but never wider than 3× the start, so the bowl stays readable. */
export function window(s: Gd1dState, path: PathPoint[]): number {
  const start = Math.max(Math.abs(s.w0), 0.5);
  const reach = Math.max(...path.map((p) => (Number.isFinite(p.w) ? Math.abs(p.w) : Infinity)));
  return Math.min(3 * start, Math.max(1.2 * start, 1.1 * reach));
}
