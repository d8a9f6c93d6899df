// Multi-head self-attention on a typed sentence (chapter 10): the engine's MultiheadAttention (PyTorch's layout,
// seeded Xavier-uniform in_proj as torch initializes it, so untrained) reads the words' fixed random vectors of
// width E = 16 plus, optionally, their sinusoidal positions; W_Q and W_K can be scaled up to sharpen the patterns.
// Each head's weights come from the layer's cache, and their mean is what PyTorch returns by default.
import { MultiheadAttention, Tensor, createRng, sinusoidalPositionalEncoding, softmaxEntropy, tokenVectors } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** The model width E: 16 splits into 1, 2, 4 or 8 heads. */
export const EMBED = 16;

export const multiHeadSchema = {
  heads: { kind: "choice", label: t("multiHead.heads"), options: ["1", "2", "4", "8"], default: "4" },
  sharpness: { kind: "number", label: t("multiHead.sharpness"), min: 1, max: 4, step: 0.25, default: 2 },
  seed: { kind: "number", label: t("multiHead.seed"), min: 1, max: 50, step: 1, default: 3 },
  positions: { kind: "boolean", label: t("multiHead.positions"), default: false },
  causal: { kind: "boolean", label: t("multiHead.causal"), default: false },
} satisfies Schema;
export type MultiHeadState = StateOf<typeof multiHeadSchema>;

export interface MultiHeadRun {
  tokens: string[];
  /** heads[r][i][j]: head r's weight of query i on key j. */
  heads: number[][][];
  /** The mean over heads (PyTorch's average_attn_weights=True). */
  average: number[][];
  /** Mean row entropy of each head, in nats. */
  entropy: number[];
  /** Mean row entropy of the average: never below the mean of the heads' (entropy is concave). */
  averageEntropy: number;
  /** Parameters of the layer: 4(E² + E) whatever the number of heads. */
  params: number;
  headDim: number;
}

const rows = (data: Float64Array, offset: number, T: number) =>
  Array.from({ length: T }, (_, i) => Array.from(data.subarray(offset + i * T, offset + (i + 1) * T)));

/** Runs the layer on the tokens (at least one) for the state. */
export function runMultiHead(tokens: readonly string[], s: MultiHeadState): MultiHeadRun {
  const T = tokens.length,
    h = Number(s.heads);
  const pe = s.positions ? sinusoidalPositionalEncoding(T, EMBED) : null;
  const X = tokenVectors(tokens, EMBED).map((row, pos) => (pe ? row.map((v, c) => v + pe[pos][c]) : row));
  const input = new Tensor([1, T, EMBED], Float64Array.from(X.flat()));
  const mha = new MultiheadAttention(EMBED, h, { rng: createRng(Math.round(s.seed)) });
  // W_Q and W_K are the first 2E rows of in_proj; scaling both by c multiplies every score by c², standing in for
  // the larger query and key weights a trained layer develops (at c = 1 an untrained layer attends almost evenly).
  const W = mha.inProjWeight.data;
  for (let k = 0; k < 2 * EMBED * EMBED; k++) W[k] *= s.sharpness;
  mha.forward(input, input, input, { causal: s.causal });
  const hw = mha.cache.headWeights.data;
  const heads = Array.from({ length: h }, (_, r) => rows(hw, r * T * T, T));
  const average = rows(mha.cache.weights.data, 0, T);
  const params = mha.inProjWeight.size + (mha.inProjBias?.size ?? 0) + mha.outProjWeight.size + (mha.outProjBias?.size ?? 0);
  return {
    tokens: [...tokens],
    heads,
    average,
    averageEntropy: average.reduce((a, r) => a + softmaxEntropy(r), 0) / T,
    entropy: heads.map((w) => w.reduce((a, r) => a + softmaxEntropy(r), 0) / T),
    params,
    headDim: mha.headDim,
  };
}
