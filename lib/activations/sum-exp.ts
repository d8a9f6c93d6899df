// The column steps that softmax, log_softmax and softmax cross-entropy share on a [K, m] tensor stored row-major
// (entry (i, j) at i·m + j): the column's max, then the sum of its exponentials shifted by that max.
import { type Tensor, assertSameLayout } from "../tensor/tensor";

/**
 * The largest entry of column j of a row-major [K, m] array.
 *
 *   columnMax(z)_j = max_i z[i, j]       (−∞ for an empty column)
 *
 * @example
 *   columnMax(Float64Array.of(1, 5, 3, 2), 2, 2, 0);   // 3 (column 0 holds 1 and 3)
 *   columnMax(Z.data, Z.rows, Z.cols, j);
 */
export function columnMax(z: Float64Array, K: number, m: number, j: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < K; i++) if (z[i * m + j] > max) max = z[i * m + j];
  return max;
}

/**
 * Σ_i e^(z[i, j] − max) over column j of a row-major [K, m] array; with `o` given, each term is also stored at the same
 * place in o (softmax normalises them there). `o` may be z itself: each entry is read before it is written.
 *
 *   sumExpColumn(z, max)_j = Σ_i e^(z[i, j] − max)      (max = columnMax keeps every exponent ≤ 0: no overflow)
 *
 * @example
 *   const max = columnMax(z, K, m, j);
 *   const lse = max + Math.log(sumExpColumn(null, z, K, m, j, max));   // log Σ e^z, finite for z = 1000
 */
export function sumExpColumn(o: Float64Array | null, z: Float64Array, K: number, m: number, j: number, max: number): number {
  let total = 0;
  // NOTE: two loops rather than a test per entry, so the plain sum stays a bare loop.
  if (o === null) for (let i = 0; i < K; i++) total += Math.exp(z[i * m + j] - max);
  else
    for (let i = 0; i < K; i++) {
      const e = Math.exp(z[i * m + j] - max);
      o[i * m + j] = e;
      total += e;
    }
  return total;
}

/**
 * The column loop shared by `softmaxColumnsInto` (log false) and `logSoftmaxColumnsInto` (log true): per column j, the
 * max and the shifted exponentials' sum, then either divide the stored exponentials by the sum or subtract its log.
 * `out` may be Z: every entry is read before it is overwritten.
 *
 *   softmax: out[i, j] = e^(z_i − max) / S      log_softmax: out[i, j] = z_i − (max + log S),   S = Σ_i e^(z_i − max)
 *
 * @example
 *   softmaxColumnsPass(false, P, Z);      // P = softmaxColumns(Z)
 *   softmaxColumnsPass(true, logP, Z);    // logP = log_softmax of each column
 */
export function softmaxColumnsPass(log: boolean, out: Tensor, Z: Tensor): Tensor {
  assertSameLayout(log ? "logSoftmaxColumns" : "softmaxColumns", Z, out);
  const K = Z.rows,
    m = Z.cols,
    z = Z.data,
    o = out.data;
  for (let j = 0; j < m; j++) {
    const max = columnMax(z, K, m, j);
    if (log) {
      const shift = max + Math.log(sumExpColumn(null, z, K, m, j, max));
      for (let i = 0; i < K; i++) o[i * m + j] = z[i * m + j] - shift;
    } else {
      const inv = 1 / sumExpColumn(o, z, K, m, j, max);
      for (let i = 0; i < K; i++) o[i * m + j] *= inv;
    }
  }
  return out;
}
