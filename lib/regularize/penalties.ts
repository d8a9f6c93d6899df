import { Tensor } from "../tensor/tensor";

/** Weights as a Float64Array, a plain array or a Tensor (its entries, in order). */
export type Weights = ArrayLike<number> | Tensor;

const entries = (w: Weights): ArrayLike<number> => (w instanceof Tensor ? w.data : w);

/**
 * L2 (ridge) penalty, in the course's convention: λ times the sum of squared weights.
 *
 *   R(w) = λ·Σ wᵢ²        ∂R/∂wᵢ = 2λ·wᵢ        (see `halfL2Penalty` for the ½ variant)
 *
 * Biases are normally left out: pass only weight matrices. Not a PyTorch function; PyTorch's
 * `weight_decay=λ` corresponds to `halfL2Penalty`, not to this one.
 *
 * @example
 *   l2Penalty([1, -2], 0.1);   // 0.1·(1 + 4) = 0.5
 *   l2Grad([1, -2], 0.1);      // [0.2, -0.4]
 */
export function l2Penalty(w: Weights, lambda: number): number {
  const d = entries(w);
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += d[i] * d[i];
  return lambda * sum;
}

/** The gradient of `l2Penalty`, 2λ·w (written into `out` when given). See `l2Penalty`. */
export function l2Grad(w: Weights, lambda: number, out: Float64Array = new Float64Array(entries(w).length)): Float64Array {
  const d = entries(w);
  for (let i = 0; i < d.length; i++) out[i] = 2 * lambda * d[i];
  return out;
}

/**
 * The ½ variant of the L2 penalty ("weight-decay convention"): its gradient is λ·w, which is
 * exactly what PyTorch's `weight_decay=λ` adds to the gradient in SGD, RMSprop, Adagrad and Adam.
 *
 *   R(w) = ½λ·Σ wᵢ²        ∂R/∂wᵢ = λ·wᵢ
 *
 * So `halfL2Penalty(w, 2λ)` equals `l2Penalty(w, λ)`.
 *
 * @example
 *   halfL2Penalty([1, -2], 0.1);   // 0.05·5 = 0.25
 *   halfL2Grad([1, -2], 0.1);      // [0.1, -0.2]
 */
export function halfL2Penalty(w: Weights, lambda: number): number {
  return l2Penalty(w, lambda / 2);
}

/** The gradient of `halfL2Penalty`, λ·w (written into `out` when given). */
export function halfL2Grad(w: Weights, lambda: number, out?: Float64Array): Float64Array {
  return l2Grad(w, lambda / 2, out);
}

/**
 * L1 (lasso) penalty: λ times the sum of absolute weights; it pushes weights to exactly zero
 * (with a proximal step, see `softThreshold`).
 *
 *   R(w) = λ·Σ |wᵢ|        ∂R/∂wᵢ = λ·sign(wᵢ), taking 0 at wᵢ = 0 (a valid subgradient)
 *
 * Not a PyTorch function; sign(0) = 0 as in `torch.sign`.
 *
 * @example
 *   l1Penalty([1, -2, 0], 0.1);   // 0.1·3 = 0.3
 *   l1Grad([1, -2, 0], 0.1);      // [0.1, -0.1, 0]
 */
export function l1Penalty(w: Weights, lambda: number): number {
  const d = entries(w);
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += Math.abs(d[i]);
  return lambda * sum;
}

/** The subgradient of `l1Penalty`, λ·sign(w) with 0 at 0 (written into `out` when given). */
export function l1Grad(w: Weights, lambda: number, out: Float64Array = new Float64Array(entries(w).length)): Float64Array {
  const d = entries(w);
  // NOTE: |w| has no derivative at 0; 0 is the subgradient that leaves a zero weight at zero.
  for (let i = 0; i < d.length; i++) out[i] = lambda * Math.sign(d[i]);
  return out;
}

/**
 * Elastic-net penalty: an L1 and an L2 penalty added, each with its own strength.
 *
 *   R(w) = λ₁·Σ |wᵢ| + λ₂·Σ wᵢ²        ∂R/∂wᵢ = λ₁·sign(wᵢ) + 2λ₂·wᵢ
 *
 * scikit-learn writes the same thing with one α and a mixing ratio; here the two λ are given directly.
 *
 * @example
 *   elasticNetPenalty([1, -2], 0.1, 0.01);   // 0.3 + 0.05 = 0.35
 *   elasticNetGrad([1, -2], 0.1, 0.01);      // [0.12, -0.14]
 */
export function elasticNetPenalty(w: Weights, lambda1: number, lambda2: number): number {
  return l1Penalty(w, lambda1) + l2Penalty(w, lambda2);
}

/** The (sub)gradient of `elasticNetPenalty` (written into `out` when given). */
export function elasticNetGrad(
  w: Weights,
  lambda1: number,
  lambda2: number,
  out: Float64Array = new Float64Array(entries(w).length),
): Float64Array {
  const d = entries(w);
  for (let i = 0; i < d.length; i++) out[i] = lambda1 * Math.sign(d[i]) + 2 * lambda2 * d[i];
  return out;
}

/** A penalty as a widget picks it by name: value and gradient side by side. */
export interface Penalty {
  name: string;
  penalty(w: Weights, lambda: number): number;
  grad(w: Weights, lambda: number, out?: Float64Array): Float64Array;
}

/**
 * The one-λ penalties by name, for widgets and quiz generators.
 *
 * @example
 *   const { penalty, grad } = penalties[choice];   // choice: "l1" | "l2" | "halfL2"
 *   penalty(w, 0.1); grad(w, 0.1);
 */
export const penalties: Record<"l1" | "l2" | "halfL2", Penalty> = {
  l1: { name: "l1", penalty: l1Penalty, grad: l1Grad },
  l2: { name: "l2", penalty: l2Penalty, grad: l2Grad },
  halfL2: { name: "halfL2", penalty: halfL2Penalty, grad: halfL2Grad },
};
