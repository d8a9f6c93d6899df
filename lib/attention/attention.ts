import { softmax } from "../activations/softmax";

/**
 * Scaled dot-product attention for small matrices given as rows (one row per query, key, value).
 *
 *   scores = Q·Kᵀ / √d_k,   weights = softmax(scores) row by row,   output = weights·V
 *
 * As `torch.nn.functional.scaled_dot_product_attention` without mask or dropout (rows, not batches).
 *
 * @example
 *   scaledDotProductAttention([[1, 0]], [[1, 0], [0, 1]], [[1], [3]]).weights;   // [[0.670, 0.330]]
 *   scaledDotProductAttention(Q, K, V).output;                                   // one row per query
 */
export function scaledDotProductAttention(
  Q: readonly (readonly number[])[],
  K: readonly (readonly number[])[],
  V: readonly (readonly number[])[],
): { scores: number[][]; weights: number[][]; output: number[][] } {
  const dk = K[0]?.length ?? 0;
  if (K.length !== V.length) throw new RangeError(`scaledDotProductAttention: ${K.length} keys but ${V.length} values`);
  for (const row of [...Q, ...K])
    if (row.length !== dk) throw new RangeError(`scaledDotProductAttention: every query and key needs ${dk} entries`);
  const scale = 1 / Math.sqrt(dk);
  const scores = Q.map((q) => K.map((k) => q.reduce((s, qi, j) => s + qi * k[j], 0) * scale));
  const weights = scores.map((row) => softmax(row));
  const output = weights.map((w) => (V[0] ?? []).map((_, c) => w.reduce((s, wj, j) => s + wj * V[j][c], 0)));
  return { scores, weights, output };
}
