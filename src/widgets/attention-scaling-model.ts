// What the 1/√d scale does (chapter 10): for query and key entries of mean 0 and variance 1, q·k has variance d, so without
// the scale the softmax over T keys saturates as d grows. For each width the engine's attention weighs T keys for
// 32 random queries, with scale 1/√d and with scale 1, and the model averages the rows' entropy, largest weight
// and softmax-Jacobian norm (how much gradient the scores can still receive).
import { Tensor, attentionForward, createRng, softmaxEntropy, softmaxJacobianNorm } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const attentionScalingSchema = {
  d: { kind: "number", label: t("attentionScaling.d"), min: 1, max: 512, step: 1, default: 64 },
  keys: { kind: "number", label: t("attentionScaling.keys"), min: 2, max: 16, step: 1, default: 10 },
} satisfies Schema;
export type AttentionScalingState = StateOf<typeof attentionScalingSchema>;

/** Random queries averaged over at each width. */
export const QUERIES = 32;
/** The widths of the curves: 1, 2, 4, … 512. */
export const WIDTHS = Array.from({ length: 10 }, (_, k) => 2 ** k);

/** Averages over the queries at one width, for one way of scaling. */
export interface Spread {
  /** Mean entropy of a row of weights, in nats (ln T when uniform, 0 when one-hot). */
  entropy: number;
  /** Mean largest weight of a row (1/T when uniform, 1 when one-hot). */
  largest: number;
  /** Mean Frobenius norm of the softmax Jacobian ∂a/∂s at the row (0 when one-hot). */
  jacobian: number;
}

export interface WidthRun {
  d: number;
  scaled: Spread;
  unscaled: Spread;
  /** The first query's weights over the keys, both ways. */
  exampleScaled: number[];
  exampleUnscaled: number[];
}

function spread(W: Tensor, T: number): Spread {
  let entropy = 0,
    largest = 0,
    jacobian = 0;
  for (let n = 0; n < QUERIES; n++) {
    const row = W.data.subarray(n * T, (n + 1) * T);
    entropy += softmaxEntropy(row);
    largest += Math.max(...row);
    jacobian += softmaxJacobianNorm(row);
  }
  return { entropy: entropy / QUERIES, largest: largest / QUERIES, jacobian: jacobian / QUERIES };
}

/** The engine's attention at width d over T keys, for the same random queries and keys, with and without 1/√d. */
export function runWidth(d: number, T: number): WidthRun {
  const rng = createRng(1000 * T + d);
  // NOTE: uniform on ±√3 (mean 0, variance 1) rather than normal draws: the variance argument needs only the first
  // two moments, and a filled array of uniforms costs a small fraction of as many Box–Muller draws.
  const draw = (n: number) => rng.fill(new Float64Array(n)).map((u) => (2 * u - 1) * Math.sqrt(3));
  const Q = new Tensor([QUERIES, 1, d], draw(QUERIES * d)),
    K = new Tensor([QUERIES, T, d], draw(QUERIES * T * d)),
    V = new Tensor([QUERIES, T, 1]);
  const scaled = attentionForward(Q, K, V, { scale: 1 / Math.sqrt(d) }).weights,
    unscaled = attentionForward(Q, K, V, { scale: 1 }).weights;
  return {
    d,
    scaled: spread(scaled, T),
    unscaled: spread(unscaled, T),
    exampleScaled: Array.from(scaled.data.subarray(0, T)),
    exampleUnscaled: Array.from(unscaled.data.subarray(0, T)),
  };
}

const curves = new Map<number, WidthRun[]>();

/** The runs at every width of WIDTHS for T keys, if they have been computed (only the number of keys changes them). */
export const cachedCurves = (T: number): WidthRun[] | undefined => curves.get(T);

/**
 * Computes the curves for T keys one width per `advance` call, so a widget can spread them over frames (at T = 16
 * the widest takes most of a frame by itself); the finished runs are kept for the next time T comes back.
 */
export class CurveBuild {
  readonly runs: WidthRun[] = [];
  constructor(readonly T: number) {}
  /** Computes the next width; true once all are done. */
  advance(): boolean {
    if (this.runs.length < WIDTHS.length) this.runs.push(runWidth(WIDTHS[this.runs.length], this.T));
    const done = this.runs.length === WIDTHS.length;
    if (done) curves.set(this.T, this.runs);
    return done;
  }
}

/** The runs at every width of WIDTHS for T keys, computed at once (for the build-time fallback and tests). */
export function runCurves(T: number): WidthRun[] {
  const cached = curves.get(T);
  if (cached) return cached;
  const build = new CurveBuild(T);
  while (!build.advance());
  return build.runs;
}
