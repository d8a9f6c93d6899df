import { type Tensor, assertSameLayout, shapeError } from "../tensor/tensor";
import { softmaxColumnsPass } from "./sum-exp";

/**
 * The log of softmax, computed without forming softmax: the log-probabilities of a classifier.
 *
 *   log_softmax(z)_k = z_k − max z − log Σ_j e^(z_j − max z)
 *
 * As `torch.log_softmax`. NOTE: log(softmax(z)) underflows to −Infinity once a probability is below ~1e-308; this form
 * stays finite (log_softmax([1000, 0]) = [0, −1000]).
 * @example
 *   logSoftmax([0, 0]);         // [−0.6931, −0.6931] (log ½ twice)
 *   logSoftmax([1000, 0]);      // [0, −1000]
 */
export function logSoftmax(z: readonly number[] | Float64Array): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  let total = 0;
  for (let i = 0; i < z.length; i++) total += Math.exp(z[i] - max);
  const shift = max + Math.log(total);
  const out: number[] = [];
  for (let i = 0; i < z.length; i++) out.push(z[i] - shift);
  return out;
}

/**
 * The backward pass of log_softmax: the gradient with respect to z from the gradient with respect to its output.
 *
 *   dz_i = dy_i − softmax(z)_i · Σ_j dy_j,   softmax(z)_i = e^(y_i)   (y = log_softmax(z))
 *
 * With dy = −one_hot(target) this gives softmax(z) − one_hot, the cross-entropy gradient.
 * @example
 *   const y = logSoftmax(z);
 *   logSoftmaxBackward(y, [0, -1, 0]);   // softmax(z) − [0, 1, 0]
 */
export function logSoftmaxBackward(y: readonly number[] | Float64Array, dy: readonly number[] | Float64Array): number[] {
  if (y.length !== dy.length) throw shapeError("logSoftmaxBackward", [y.length], [dy.length]);
  let sum = 0;
  for (let i = 0; i < dy.length; i++) sum += dy[i];
  const dz: number[] = [];
  for (let i = 0; i < y.length; i++) dz.push(dy[i] - Math.exp(y[i]) * sum);
  return dz;
}

/**
 * log_softmax down each column of Z [K, m] (one example per column), written into `out` (may be Z); allocates nothing.
 *
 *   out[:, j] ← log_softmax(Z[:, j])      (torch.log_softmax(Z, dim=0))
 *
 * @example
 *   logSoftmaxColumnsInto(logP, Z);
 *   logSoftmaxColumnsInto(Z, Z);   // in place
 */
export function logSoftmaxColumnsInto(out: Tensor, Z: Tensor): Tensor {
  return softmaxColumnsPass(true, out, Z);
}

/**
 * The backward pass of `logSoftmaxColumnsInto`, column by column, written into `dZ` (may be dY); allocates nothing.
 *
 *   dZ[:, j] ← dY[:, j] − e^(Y[:, j]) · Σ_i dY[i, j]
 *
 * @example
 *   logSoftmaxColumnsBackwardInto(dZ, logP, dLogP);
 */
export function logSoftmaxColumnsBackwardInto(dZ: Tensor, Y: Tensor, dY: Tensor): Tensor {
  assertSameLayout("logSoftmaxColumnsBackward", Y, dY, "(Y, dY and dZ) do not match");
  assertSameLayout("logSoftmaxColumnsBackward", Y, dZ, "(Y, dY and dZ) do not match");
  const K = Y.rows,
    m = Y.cols,
    y = Y.data,
    g = dY.data,
    o = dZ.data;
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let i = 0; i < K; i++) sum += g[i * m + j];
    for (let i = 0; i < K; i++) o[i * m + j] = g[i * m + j] - Math.exp(y[i * m + j]) * sum;
  }
  return dZ;
}
