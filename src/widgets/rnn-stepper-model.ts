// The unrolled RNN, one step at a time (chapter 8): a three-unit tanh RNN reads ten values of a noisy sine wave
// from the engine's `sineSequence`. For step t the model gives every number that goes into h_t — x_t, W_ih·x_t,
// W_hh·h_{t−1}, the two biases, their sum a_t and tanh(a_t) — computed with the engine's matmul from the layer's own
// weights, next to the h_t the engine's RNN layer computed in its forward pass (the two must agree).
import { RNN, type Tensor, add, createRng, map, matmul, sineSequence, stepOf } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** Steps in the sequence and hidden units of the stepper's RNN. */
export const STEPS = 10;
export const HIDDEN = 3;

export const rnnStepperSchema = {
  seed: { kind: "number", label: t("rnnStepper.seed"), min: 1, max: 20, step: 1, default: 1 },
  step: { kind: "number", label: t("rnnStepper.step"), min: 1, max: STEPS, step: 1, default: 1 },
} satisfies Schema;
export type RnnStepperState = StateOf<typeof rnnStepperSchema>;

export interface RnnStep {
  t: number;
  x: number;
  hPrev: number[];
  /** W_ih·x_t, W_hh·h_{t−1}, b_ih + b_hh, their sum a_t, and h_t = tanh(a_t), one entry per hidden unit. */
  wx: number[];
  wh: number[];
  b: number[];
  a: number[];
  h: number[];
  /** h_t from the engine's forward pass over the whole sequence. */
  engineH: number[];
}

export interface RnnRun {
  xs: number[];
  steps: RnnStep[];
  rnn: RNN;
}

const col = (A: Tensor) => Array.from(A.data);

/** The sequence x_1 … x_T (one noisy sine wave, m = 1) for a seed. */
export function stepperInputs(seed: number): Tensor {
  return sineSequence({ m: 1, T: STEPS, noise: 0.1, seed: Math.round(seed) }).X;
}

/** Runs the RNN over the sequence and lays out every step's arithmetic. */
export function runStepper(s: RnnStepperState): RnnRun {
  const X = stepperInputs(s.seed),
    rnn = new RNN(1, HIDDEN, { rng: createRng(Math.round(s.seed)) });
  rnn.forward(X);
  const b = add(rnn.b_ih, rnn.b_hh),
    steps: RnnStep[] = [];
  for (let k = 1; k <= STEPS; k++) {
    const x = stepOf(X, k - 1),
      hPrev = stepOf(rnn.cache.h, k - 1);
    const wx = matmul(rnn.W_ih, x),
      wh = matmul(rnn.W_hh, hPrev),
      a = add(add(wx, wh), b);
    steps.push({
      t: k,
      x: x.data[0],
      hPrev: col(hPrev),
      wx: col(wx),
      wh: col(wh),
      b: col(b),
      a: col(a),
      h: col(map(a, Math.tanh)),
      engineH: col(stepOf(rnn.cache.h, k)),
    });
  }
  return { xs: Array.from(X.data), steps, rnn };
}

/** The step index (1 … STEPS) clamped and rounded. */
export const clampStep = (k: number) => Math.min(STEPS, Math.max(1, Math.round(k)));
