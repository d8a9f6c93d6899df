import { Tensor, shapeError } from "../tensor/tensor";
import { softmaxColumnsPass } from "./sum-exp";

/**
 * Softmax of a vector: positive numbers summing to 1, the multi-class output activation.
 *
 *   softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z)
 *
 * NOTE: subtracting max z changes nothing mathematically and keeps every exponent ≤ 0 (no overflow at z = 1000).
 * @example
 *   softmax([0, 0]);           // [0.5, 0.5]
 *   softmax([1000, 0, -1000]); // [1, 0, 0], no NaN
 */
export function softmax(z: readonly number[] | Float64Array): number[] {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > max) max = z[i];
  const p: number[] = [];
  let total = 0;
  for (let i = 0; i < z.length; i++) {
    const e = Math.exp(z[i] - max);
    p.push(e);
    total += e;
  }
  for (let i = 0; i < p.length; i++) p[i] /= total;
  return p;
}

/**
 * The Jacobian of softmax at z: how each output p_i moves with each input z_j.
 *
 *   J[i][j] = ∂p_i/∂z_j = p_i(δ_ij − p_j)      (symmetric; every row sums to 0)
 *
 * @example
 *   softmaxJacobian([0, 0]);   // [[0.25, -0.25], [-0.25, 0.25]]
 *   softmaxJacobian(z)[i][i];  // p_i(1 − p_i)
 */
export function softmaxJacobian(z: readonly number[] | Float64Array): number[][] {
  const p = softmax(z);
  return p.map((pi, i) => p.map((pj, j) => pi * ((i === j ? 1 : 0) - pj)));
}

/**
 * The backward pass of softmax: the gradient with respect to z from the gradient with respect to p = softmax(z).
 *
 *   dz = Jᵀ·dp = p ⊙ (dp − ⟨p, dp⟩)
 *
 * Cheaper than building the Jacobian (O(n) instead of O(n²)).
 * @example
 *   const p = softmax(z);
 *   softmaxBackward(p, dp);   // equals softmaxJacobian(z)ᵀ·dp
 */
export function softmaxBackward(p: readonly number[] | Float64Array, dp: readonly number[] | Float64Array): number[] {
  if (p.length !== dp.length) throw shapeError("softmaxBackward", [p.length], [dp.length]);
  let dot = 0;
  for (let i = 0; i < p.length; i++) dot += p[i] * dp[i];
  const dz: number[] = [];
  for (let i = 0; i < p.length; i++) dz.push(p[i] * (dp[i] - dot));
  return dz;
}

/**
 * Softmax down each column of Z [K, m]: one probability vector per example.
 *
 *   P[:, j] = softmax(Z[:, j])
 *
 * As torch.softmax(Z, dim=0) for examples-as-columns.
 * @example
 *   softmaxColumns(Tensor.from([[0, 1000], [0, 0]]));   // [[0.5, 1], [0.5, 0]]
 *   softmaxColumns(logits);                             // class probabilities for a batch
 */
export function softmaxColumns(Z: Tensor): Tensor {
  return softmaxColumnsInto(new Tensor([Z.rows, Z.cols]), Z);
}

/**
 * `softmaxColumns` written into a preallocated `out` of Z's shape (may be Z); allocates nothing.
 *
 *   out[:, j] ← softmax(Z[:, j])
 *
 * @example
 *   softmaxColumnsInto(P, Z);
 *   softmaxColumnsInto(Z, Z);   // in place
 */
export function softmaxColumnsInto(out: Tensor, Z: Tensor): Tensor {
  return softmaxColumnsPass(false, out, Z);
}
