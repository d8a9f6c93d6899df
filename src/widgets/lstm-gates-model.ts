// LSTM gates on the copy task (chapter 8): a symbol shown at step 1 must be named at the last step, after a gap of
// blank steps. The engine's `copyTask` makes 64 such sequences; a one-unit LSTM with hand-set weights runs on all of
// them in the engine: the input gate opens on a symbol, the forget gate is held by its bias, the output gate opens
// on the recall cue. The widget plots i, f, g, o and c_t, h_t for one sequence and scores recall over all 64.
import { LSTM, copyTask, sigmoid, type CopyTaskData } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** Symbols K and sequences m of the copy task. */
export const SYMBOLS = 4;
export const SEQUENCES = 64;
/** Candidate weight per symbol channel: symbol k is stored as tanh(LEVELS[k]). */
export const LEVELS = [-2, -0.6, 0.6, 2] as const;
/** Gate weight on its trigger and the bias that keeps the gate shut otherwise: σ(±6) ≈ 0.9975 / 0.0025. */
export const GATE_WEIGHT = 12;
export const GATE_BIAS = -6;
/** The forget-gate bias used to force f_t = 1: σ(40) = 1/(1 + 4.2·10⁻¹⁸) rounds to exactly 1 in float64. */
export const FORCED_BIAS = 40;

export const lstmGatesSchema = {
  gap: { kind: "number", label: t("lstmGates.gap"), min: 1, max: 80, step: 1, default: 30 },
  symbol: { kind: "number", label: t("lstmGates.symbol"), min: 0, max: SYMBOLS - 1, step: 1, default: 3 },
  forgetBias: { kind: "number", label: t("lstmGates.forgetBias"), min: 0, max: 8, step: 0.25, default: 3 },
  forceForget: { kind: "boolean", label: t("lstmGates.forceForget"), default: false },
} satisfies Schema;
export type LstmGatesState = StateOf<typeof lstmGatesSchema>;

/** The forget-gate bias in effect: the slider's, or FORCED_BIAS when f_t = 1 is forced. */
export const forgetBiasOf = (s: LstmGatesState) => (s.forceForget ? FORCED_BIAS : s.forgetBias);

/** The copy task of the state: 64 sequences of gap + 2 steps, inputs [T, K + 2, 64] (symbols, blank, cue). */
export function copyData(s: LstmGatesState): CopyTaskData {
  return copyTask({ m: SEQUENCES, delay: Math.round(s.gap), symbols: SYMBOLS, seed: 1 });
}

/**
 * The hand-set one-unit LSTM (W_hh = 0, so each gate reads only x_t), rows of W_ih in PyTorch's order i, f, g, o over
 * the input channels (symbol 0 … symbol K−1, blank, cue):
 * i = σ(12·[a symbol] − 6), f = σ(b_f), g = tanh(LEVELS[symbol]), o = σ(12·cue − 6).
 */
export function handSetLstm(s: LstmGatesState): LSTM {
  const n = SYMBOLS + 2,
    lstm = new LSTM(n, 1),
    W = lstm.W_ih.data;
  W.fill(0);
  for (let k = 0; k < SYMBOLS; k++) {
    W[0 * n + k] = GATE_WEIGHT; // input gate: open on any symbol
    W[2 * n + k] = LEVELS[k]; // candidate: the symbol's level
  }
  W[3 * n + SYMBOLS + 1] = GATE_WEIGHT; // output gate: open on the cue
  lstm.W_hh.data.fill(0);
  lstm.b_ih.data.set([GATE_BIAS, forgetBiasOf(s), 0, GATE_BIAS]);
  lstm.b_hh.data.fill(0);
  return lstm;
}

/** What h_T would be for each symbol with a perfect memory (f = 1): σ(6)·tanh(σ(6)·tanh(level)). The read-out picks the nearest. */
export function perfectOutputs(): number[] {
  const open = sigmoid.f(GATE_WEIGHT + GATE_BIAS);
  return LEVELS.map((w) => open * Math.tanh(open * Math.tanh(w)));
}

/** The symbol whose perfectly remembered output is nearest to h. */
export function decode(h: number, targets = perfectOutputs()): number {
  let best = 0;
  targets.forEach((v, k) => {
    if (Math.abs(h - v) < Math.abs(h - targets[best])) best = k;
  });
  return best;
}

export interface GateStep {
  t: number;
  i: number;
  f: number;
  g: number;
  o: number;
  c: number;
  h: number;
}

export interface CopyRun {
  /** The charted sequence (the first with the chosen symbol) step by step. */
  steps: GateStep[];
  /** Its column in the batch and its symbol. */
  column: number;
  symbol: number;
  /** c_1, the memory written at the store step; c_T at the recall step; the fraction kept. */
  written: number;
  recalledC: number;
  kept: number;
  /** h_T = o_T·tanh(c_T), and the symbol the read-out names from it. */
  output: number;
  recalled: number;
  /** The product of the forget gates f_2 ⋯ f_T: the direct path ∂c_T/∂c_1. */
  forgetProduct: number;
  /** Fraction of the 64 sequences whose symbol is named correctly. */
  accuracy: number;
}

/** Runs the hand-set LSTM on the whole batch and reads the gates and states from the engine's caches. */
export function runCopyTask(s: LstmGatesState): CopyRun {
  const data = copyData(s),
    T = data.T,
    m = SEQUENCES,
    lstm = handSetLstm(s);
  lstm.forward(data.X);
  const targets = perfectOutputs(),
    symbols = Array.from(data.Y.data),
    hT = lstm.cache.hT.data;
  const accuracy = symbols.filter((y, j) => decode(hT[j], targets) === y).length / m;
  const wanted = Math.round(s.symbol),
    found = symbols.indexOf(wanted),
    column = found < 0 ? 0 : found;
  const steps: GateStep[] = [];
  for (let k = 1; k <= T; k++) {
    const gate = (name: "i" | "f" | "g" | "o") => lstm.gate(name, k).data[column];
    steps.push({
      t: k,
      i: gate("i"),
      f: gate("f"),
      g: gate("g"),
      o: gate("o"),
      c: lstm.cache.c.data[k * m + column],
      h: lstm.cache.h.data[k * m + column],
    });
  }
  const written = steps[0].c,
    last = steps[T - 1];
  return {
    steps,
    column,
    symbol: symbols[column],
    written,
    recalledC: last.c,
    kept: last.c / written,
    output: last.h,
    recalled: decode(last.h, targets),
    forgetProduct: steps.slice(1).reduce((p, st) => p * st.f, 1),
    accuracy,
  };
}
