import { Tensor } from "../tensor/tensor";

/**
 * Soft-thresholding, the proximal step of the L1 penalty: shrink towards zero by τ, and stop at zero.
 *
 *   S_τ(w) = sign(w)·max(|w| − τ, 0)
 *
 * Gives exact zeros, which a plain subgradient step λ·sign(w) does not (it hops around 0).
 * Not a PyTorch function (`torch.nn.functional.softshrink` is the same map on tensors).
 *
 * @example
 *   softThreshold(0.3, 0.1);          // 0.2
 *   softThreshold([0.3, -0.05], 0.1); // Float64Array [0.2, 0]
 */
export function softThreshold(w: number, threshold: number): number;
export function softThreshold(w: ArrayLike<number> | Tensor, threshold: number, out?: Float64Array): Float64Array;
export function softThreshold(w: number | ArrayLike<number> | Tensor, threshold: number, out?: Float64Array): number | Float64Array {
  if (typeof w === "number") return shrink(w, threshold);
  const d = w instanceof Tensor ? w.data : w;
  const result = out ?? new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) result[i] = shrink(d[i], threshold);
  return result;
}

function shrink(x: number, tau: number): number {
  // NOTE: written without sign() so that −0 never appears and S_τ(0) is +0.
  return x > tau ? x - tau : x < -tau ? x + tau : 0;
}

/**
 * One proximal-gradient (ISTA) step for J(w) + λ·Σ|wᵢ|: a gradient step on J, then soft-thresholding.
 * Updates `w` in place.
 *
 *   w ← S_{lr·λ}(w − lr·∇J(w))
 *
 * @example
 *   const w = Float64Array.from([0.5, 0.02]);
 *   proximalL1Step(w, Float64Array.from([1, 0]), 0.1, 0.5);   // w = [0.35, 0]
 */
export function proximalL1Step(w: Float64Array, grad: ArrayLike<number>, lr: number, lambda: number): Float64Array {
  for (let i = 0; i < w.length; i++) w[i] = shrink(w[i] - lr * grad[i], lr * lambda);
  return w;
}
