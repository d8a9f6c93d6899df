// Inside Adam: the engine's Adam fed a chosen gradient stream, its public state (m, v, m̂, v̂, t)
// recorded after every step. Two parameters whose gradients differ ~100× in size show that Adam's
// step is about α for both. Nothing here re-implements the update: every number is read off `Adam`.
import { Adam, Dense, createRng, halfMseInto, houseData, Tensor } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const STREAMS = ["constant", "noisy", "flip", "house"] as const;
export type Stream = (typeof STREAMS)[number];
/** How large each parameter's gradients are in the made-up streams: θ₁ ~ 1, θ₂ ~ 0.01. */
export const SCALES = [1, 0.01] as const;
/** The made-up "flip" stream changes sign at this step, as when a step overshoots a minimum. */
export const FLIP_AT = 25;
/** Rows of the step table. */
export const TABLE_STEPS = 5;

export const insideAdamSchema = {
  stream: { kind: "choice", label: t("insideAdam.stream"), options: STREAMS, default: "constant" },
  biasCorrection: { kind: "boolean", label: t("insideAdam.biasCorrection"), default: true },
  beta1: { kind: "number", label: t("insideAdam.beta1"), min: 0, max: 0.999, step: 0.001, default: 0.9 },
  beta2: { kind: "number", label: t("insideAdam.beta2"), min: 0.9, max: 0.9999, step: 0.0001, default: 0.999 },
  lr: { kind: "number", label: t("insideAdam.lr"), min: 0.0001, max: 0.1, step: 0.0001, default: 0.01 },
  // NOTE: ε spans ten orders of magnitude, so the slider moves its exponent.
  epsExp: { kind: "number", label: t("insideAdam.epsExp"), min: -10, max: 0, step: 0.5, default: -8 },
  steps: { kind: "number", label: t("insideAdam.steps"), min: 10, max: 300, step: 1, default: 100 },
  param: { kind: "choice", label: t("insideAdam.param"), options: ["0", "1"], default: "0" },
  seed: { kind: "number", label: t("insideAdam.seed"), min: 1, max: 999, step: 1, default: 1 },
} satisfies Schema;
export type InsideAdamState = StateOf<typeof insideAdamSchema>;

/** Adam's state for one parameter after step t (t = 1, 2, …), and the step it took. */
export interface AdamRecord {
  t: number;
  g: number;
  m: number;
  v: number;
  mHat: number;
  vHat: number;
  /** θ before the step minus θ after it: α·m̂/(√v̂ + ε) as the engine applied it. */
  step: number;
}

/** One run: a record per step for each of the two parameters. */
export type AdamTrace = [AdamRecord[], AdamRecord[]];

/** A source of gradients for the two parameters, asked once per step with the current θ. */
interface GradientSource {
  theta: [Float64Array, Float64Array];
  gradients(t: number): [Float64Array, Float64Array];
}

/** The made-up streams: the gradient depends only on the step, not on θ. */
function syntheticSource(stream: Exclude<Stream, "house">, seed: number): GradientSource {
  const rng = createRng(seed);
  const g = [new Float64Array(1), new Float64Array(1)] as [Float64Array, Float64Array];
  return {
    theta: [new Float64Array(1), new Float64Array(1)],
    gradients(step) {
      SCALES.forEach((scale, k) => {
        // noisy: a small mean 0.5 buried in noise of std 1, so m̂ must average it out.
        const base = stream === "noisy" ? 0.5 + rng.normal(0, 1) : stream === "flip" && step > FLIP_AT ? -1 : 1;
        g[k][0] = scale * base;
      });
      return g;
    },
  };
}

/**
 * A real problem: the price of 100 generated houses (in $100,000) fitted by one Dense unit on the RAW
 * age in years, ŷ = w·age + b, full batch, the course's cost J = (1/2m)Σ(ŷ − y)². Because age is
 * not standardised, dJ/dw is ~30× dJ/db: the two parameters get gradients of very different size.
 */
function houseSource(): GradientSource {
  const { X, Y } = houseData({ m: 100, seed: 1, features: ["age"] });
  const Yk = new Tensor(
    Y.shape,
    Y.data.map((y) => y / 100),
  );
  const layer = new Dense(1, 1);
  layer.W.data[0] = 0;
  const dA = new Tensor(Yk.shape);
  return {
    theta: [layer.W.data, layer.b.data],
    gradients() {
      halfMseInto(dA, layer.forward(X), Yk);
      layer.backward(dA);
      return [layer.dW.data, layer.db.data];
    },
  };
}

/** The ε the state stands for. */
export const epsOf = (s: InsideAdamState) => 10 ** s.epsExp;

/** Runs the engine's Adam on the state's stream for `s.steps` steps, with or without bias correction. */
export function traceAdam(s: InsideAdamState, biasCorrection = s.biasCorrection): AdamTrace {
  const stream = s.stream as Stream;
  const source = stream === "house" ? houseSource() : syntheticSource(stream, s.seed);
  const opt = new Adam({ lr: s.lr, beta1: s.beta1, beta2: s.beta2, eps: epsOf(s), biasCorrection, record: true });
  const trace: AdamTrace = [[], []];
  for (let step = 1; step <= s.steps; step++) {
    const grads = source.gradients(step);
    const g = grads.map((x) => x[0]);
    const before = source.theta.map((x) => x[0]);
    opt.step(source.theta, grads);
    for (let k = 0; k < 2; k++) {
      trace[k].push({
        t: opt.t,
        g: g[k],
        m: opt.m[k][0],
        v: opt.v[k][0],
        mHat: opt.mHat[k][0],
        vHat: opt.vHat[k][0],
        step: before[k] - source.theta[k][0],
      });
    }
  }
  return trace;
}

/** The run the reader asked for, and the other one (bias correction flipped) for comparison. */
export function insideAdam(s: InsideAdamState): { shown: AdamTrace; other: AdamTrace } {
  return { shown: traceAdam(s), other: traceAdam(s, !s.biasCorrection) };
}

/** The parameters' names for the stream: θ₁/θ₂ for the made-up ones, w/b for the house fit. */
export function paramNames(stream: string): [string, string] {
  return stream === "house" ? [t("insideAdam.name.w"), t("insideAdam.name.b")] : [t("insideAdam.name.theta1"), t("insideAdam.name.theta2")];
}

/** The parameters' short symbols for readouts: θ₁, θ₂ or w, b. */
export function paramSymbols(stream: string): [string, string] {
  return stream === "house" ? ["w", "b"] : ["θ₁", "θ₂"];
}

/**
 * How far the shown run's steps stray from the other run's, step by step: the largest ratio
 * |shown step| / |other step| and its step. With correction off, the early uncorrected steps are several
 * times too large (m is ~10× too small at step 1, but √v is ~30× too small).
 */
export function largestStepGap(shown: AdamRecord[], other: AdamRecord[]): { ratio: number; t: number } {
  let best = { ratio: 1, t: 1 };
  shown.forEach((r, i) => {
    const ratio = Math.abs(r.step) / Math.abs(other[i].step);
    if (Number.isFinite(ratio) && Math.abs(Math.log(ratio)) > Math.abs(Math.log(best.ratio))) best = { ratio, t: r.t };
  });
  return best;
}
