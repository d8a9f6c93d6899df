// Gradient through time (chapter 8): ‖∂L/∂h_t‖ at every step for a loss on the last step only, for a vanilla RNN
// and an LSTM of the same size, computed by the engine's backpropagation through time. The recurrent matrices are
// orthogonal times a scale, so for the RNN the scale is exactly W_hh's largest singular value.
import { LSTM, RNN, Tensor, createRng, orthogonal, stepNorms } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** Hidden units of both networks. */
export const HIDDEN = 16;
/** Standard deviation of the random inputs x_t. */
export const INPUT_STD = 0.5;

export const gradientThroughTimeSchema = {
  length: { kind: "number", label: t("gradientThroughTime.length"), min: 5, max: 100, step: 1, default: 40 },
  scale: { kind: "number", label: t("gradientThroughTime.scale"), min: 0.25, max: 2.5, step: 0.05, default: 0.9 },
  forgetBias: { kind: "number", label: t("gradientThroughTime.forgetBias"), min: -2, max: 5, step: 0.5, default: 2 },
  seed: { kind: "number", label: t("gradientThroughTime.seed"), min: 1, max: 50, step: 1, default: 1 },
  showBound: { kind: "boolean", label: t("gradientThroughTime.showBound"), default: false },
} satisfies Schema;
export type GradientThroughTimeState = StateOf<typeof gradientThroughTimeSchema>;

export interface GradientProfile {
  /** Steps 0 … T (t = 0 is the initial state h_0). */
  steps: number[];
  /** ‖∂L/∂h_t‖ of the RNN, t = 0 … T (1 at t = T by construction). */
  rnn: Float64Array;
  /** ‖∂L/∂h_t‖ of the LSTM. */
  lstm: Float64Array;
  /** ‖∂L/∂c_t‖ of the LSTM's cell state. */
  lstmCell: Float64Array;
  /** The RNN's bound ‖∂L/∂h_T‖·scale^(T−t) (tanh′ ≤ 1 and every singular value of W_hh equals the scale). */
  bound: Float64Array;
}

/** A unit vector of ones/√H: the loss is L = uᵀh_T, so ∂L/∂h_T = u has norm 1. */
function lossGradient(): Tensor {
  const u = new Tensor([HIDDEN, 1]);
  u.data.fill(1 / Math.sqrt(HIDDEN));
  return u;
}

/** The inputs x_1 … x_T as one sequence [T, 1, 1], drawn from the seed. */
export function inputs(length: number, seed: number): Tensor {
  const rng = createRng(1000 + seed),
    X = new Tensor([length, 1, 1]);
  for (let i = 0; i < length; i++) X.data[i] = rng.normal(0, INPUT_STD);
  return X;
}

/** The RNN: default (PyTorch) input weights, zero biases, W_hh = scale·Q with Q orthogonal. */
export function buildRnn(s: GradientThroughTimeState): RNN {
  const rnn = new RNN(1, HIDDEN, { rng: createRng(s.seed) });
  rnn.W_hh.data.set(orthogonal(createRng(100 + s.seed), HIDDEN, HIDDEN, { gain: s.scale }).data);
  rnn.b_ih.data.fill(0);
  rnn.b_hh.data.fill(0);
  return rnn;
}

/** The LSTM: each gate's recurrent block scale·Q_k, zero biases except the forget gate's (b_ih of gate f). */
export function buildLstm(s: GradientThroughTimeState): LSTM {
  const lstm = new LSTM(1, HIDDEN, { rng: createRng(s.seed) }),
    H = HIDDEN,
    rng = createRng(200 + s.seed);
  for (let k = 0; k < 4; k++) lstm.W_hh.data.set(orthogonal(rng, H, H, { gain: s.scale }).data, k * H * H);
  lstm.b_ih.data.fill(0);
  lstm.b_hh.data.fill(0);
  lstm.b_ih.data.fill(s.forgetBias, H, 2 * H); // rows H … 2H−1 are the forget gate (order i, f, g, o)
  return lstm;
}

/** Forward over the sequence and backpropagation through time from L = uᵀh_T, for both networks. */
export function gradientProfile(s: GradientThroughTimeState): GradientProfile {
  const T = Math.round(s.length),
    X = inputs(T, s.seed),
    u = lossGradient();
  const rnn = buildRnn(s);
  rnn.forward(X);
  rnn.backward(u);
  const lstm = buildLstm(s);
  lstm.forward(X);
  lstm.backward(u);
  const steps = Array.from({ length: T + 1 }, (_, k) => k);
  const bound = Float64Array.from(steps, (k) => s.scale ** (T - k));
  return { steps, rnn: stepNorms(rnn.grads.dh), lstm: stepNorms(lstm.grads.dh), lstmCell: stepNorms(lstm.grads.dc), bound };
}

export type Regime = "vanishing" | "level" | "exploding";

/** How the gradient that reaches t = 0 compares with the one at t = T: below 1/100 vanishing, above 100 exploding. */
export function regime(ratio: number): Regime {
  if (!(ratio < 100)) return "exploding";
  return ratio < 0.01 ? "vanishing" : "level";
}

/** Steps to list in a table: 0, about every quarter of the sequence, and T. */
export function sampleSteps(T: number): number[] {
  return [...new Set([0, Math.round(T / 4), Math.round(T / 2), Math.round((3 * T) / 4), T])];
}

/** Powers of ten spanning [lo, hi] for a log axis, at most about `max` of them (every k-th exponent). */
export function powerTicks(lo: number, hi: number, max = 7): number[] {
  const a = Math.floor(Math.log10(lo)),
    b = Math.ceil(Math.log10(hi));
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [1];
  const every = Math.max(1, Math.ceil((b - a) / max)),
    out: number[] = [];
  // Anchor at 10⁰ so that 1 (the gradient at t = T) is always a tick.
  for (let e = Math.ceil(a / every) * every; e <= b; e += every) out.push(10 ** e);
  return out;
}

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** A power of ten as "10⁻³" (and 1 as "1"). */
export function powerLabel(x: number): string {
  const e = Math.round(Math.log10(x));
  return e === 0 ? "1" : `10${String(e).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch)}`;
}
