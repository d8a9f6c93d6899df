// Attention on a typed sentence (chapter 10): every word gets the engine's fixed random vector (wordVector, not a
// trained embedding); queries and keys are those vectors (W_Q = W_K = I) or seeded random projections of them, like
// an untrained layer. The engine's attention computes the T × T weights, with or without the 1/√d scale and the
// causal mask; one row is opened up into its dot products, scores and weights.
import { Tensor, attentionForward, createRng, matmul, softmaxEntropy, tokenVectors, transpose } from "../../lib";
import { t } from "../i18n";
import { MAX_WORDS } from "./sentence-model";
import type { Schema, StateOf } from "./state";

export const attentionHeatmapSchema = {
  d: { kind: "number", label: t("attentionHeatmap.d"), min: 2, max: 64, step: 2, default: 16 },
  projection: { kind: "choice", label: t("attentionHeatmap.projection"), options: ["raw", "random"], default: "raw" },
  scaled: { kind: "boolean", label: t("attentionHeatmap.scaled"), default: true },
  causal: { kind: "boolean", label: t("attentionHeatmap.causal"), default: false },
  row: { kind: "number", label: t("attentionHeatmap.row"), min: 1, max: MAX_WORDS, step: 1, default: 8 },
} satisfies Schema;
export type AttentionHeatmapState = StateOf<typeof attentionHeatmapSchema>;

/** Seed of the random projections W_Q and W_K. */
export const PROJECTION_SEED = 7;

export interface RowDetail {
  /** The query's position (0-based) and word. */
  i: number;
  /** q_i · k_j for every key j (before any scale). */
  dots: number[];
  /** The scores the softmax sees: dots·scale, −∞ for masked keys. */
  scores: number[];
  /** The weights a_ij of the row. */
  weights: number[];
}

export interface HeatmapRun {
  tokens: string[];
  /** weights[i][j]: how much query i attends to key j. */
  weights: number[][];
  /** The entropy of each row in nats (ln T for a uniform row, 0 for one-hot). */
  entropy: number[];
  /** The scale multiplying q·k: 1/√d or 1. */
  scale: number;
  row: RowDetail;
}

/** A d × d matrix with N(0, 1/d) entries: the projection of an untrained layer keeps q and k at unit variance. */
function projection(d: number, seed: number): Tensor {
  const rng = createRng(seed),
    std = 1 / Math.sqrt(d);
  return new Tensor(
    [d, d],
    Float64Array.from({ length: d * d }, () => rng.normal(0, std)),
  );
}

/** Runs attention over the tokens for the state; `tokens` must hold at least one word. */
export function runHeatmap(tokens: readonly string[], s: AttentionHeatmapState): HeatmapRun {
  const T = tokens.length,
    d = Math.round(s.d);
  const X = Tensor.from(tokenVectors(tokens, d));
  // Rows are tokens: Q = X·W_Qᵀ, K = X·W_Kᵀ.
  const Q = s.projection === "random" ? matmul(X, transpose(projection(d, PROJECTION_SEED))) : X;
  const K = s.projection === "random" ? matmul(X, transpose(projection(d, PROJECTION_SEED + 1))) : X;
  const scale = s.scaled ? 1 / Math.sqrt(d) : 1;
  const { weights: W } = attentionForward(Q, K, X, { causal: s.causal, scale });
  const weights = Array.from({ length: T }, (_, i) => Array.from(W.data.slice(i * T, (i + 1) * T)));
  const D = matmul(Q, transpose(K));
  const i = Math.min(T, Math.max(1, Math.round(s.row))) - 1;
  const dots = Array.from(D.data.slice(i * T, (i + 1) * T));
  return {
    tokens: [...tokens],
    weights,
    entropy: weights.map((r) => softmaxEntropy(r)),
    scale,
    row: { i, dots, scores: dots.map((v, j) => (s.causal && j > i ? Number.NEGATIVE_INFINITY : v * scale)), weights: weights[i] },
  };
}
