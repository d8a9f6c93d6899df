import { Tensor } from "../tensor/tensor";

/** A gradient as a Float64Array or a Tensor; clipping changes its entries in place. */
export type Grad = Float64Array | Tensor;

const entries = (g: Grad): Float64Array => (g instanceof Tensor ? g.data : g);

/**
 * The L2 norm of several gradients taken together, as if they were one long vector.
 *
 *   ‖g‖ = √(Σₖ ‖gₖ‖²)
 *
 * @example
 *   globalNorm([Float64Array.from([3]), Float64Array.from([4])]);   // 5
 */
export function globalNorm(grads: readonly Grad[]): number {
  let sumSq = 0;
  for (const g of grads) {
    const d = entries(g);
    for (let i = 0; i < d.length; i++) sumSq += d[i] * d[i];
  }
  return Math.sqrt(sumSq);
}

/**
 * Rescales all gradients together so that their global norm is at most `maxNorm`, keeping their
 * direction; in place. Returns the global norm from BEFORE clipping (to plot or log); `clipGradNorm` also returns
 * the clip coefficient.
 *
 *   ‖g‖ = √(Σₖ ‖gₖ‖²),   gₖ ← gₖ·min(1, maxNorm / (‖g‖ + 10⁻⁶))
 *
 * Exactly `torch.nn.utils.clip_grad_norm_` (norm type 2). The 10⁻⁶ keeps 0/0 away and means the
 * rule fires when ‖g‖ > maxNorm − 10⁻⁶, not only when ‖g‖ > maxNorm: at ‖g‖ = maxNorm the factor is
 * maxNorm/(maxNorm + 10⁻⁶), a hair under 1. A NaN norm is returned and spreads to the gradients,
 * as with PyTorch's default `error_if_nonfinite=False`.
 *
 * @example
 *   const grads = [Float64Array.from([3]), Float64Array.from([4])];
 *   clipByGlobalNorm(grads, 1);   // returns 5; grads ≈ [0.6], [0.8]
 */
export function clipByGlobalNorm(grads: readonly Grad[], maxNorm: number): number {
  const norm = globalNorm(grads);
  scaleAll(grads, clipCoefficient(norm, maxNorm));
  return norm;
}

/**
 * The factor by which norm clipping scales the gradients (1 when they are short enough).
 *
 *   clip_coef = min(1, maxNorm / (‖g‖ + 10⁻⁶))
 *
 * As `clip_coef_clamped` inside `torch.nn.utils.clip_grad_norm_`; a NaN norm gives NaN.
 * @example
 *   clipCoefficient(13, 5.2);   // ≈ 0.4
 *   clipCoefficient(0.5, 1);    // 1
 */
export function clipCoefficient(norm: number, maxNorm: number): number {
  return Math.min(1, maxNorm / (norm + 1e-6));
}

/**
 * `clipByGlobalNorm` that also reports the factor it applied: the norm from before clipping and the clip coefficient.
 *
 *   ‖g‖ = √(Σₖ ‖gₖ‖²),   clipCoef = min(1, maxNorm / (‖g‖ + 10⁻⁶)),   gₖ ← gₖ·clipCoef
 *
 * As `torch.nn.utils.clip_grad_norm_`, which returns the norm and computes clip_coef inside.
 * @example
 *   const grads = [Float64Array.from([3]), Float64Array.from([4])];
 *   clipGradNorm(grads, 1);   // { norm: 5, clipCoef: ≈ 0.2 }; grads ≈ [0.6], [0.8]
 */
export function clipGradNorm(grads: readonly Grad[], maxNorm: number): { norm: number; clipCoef: number } {
  const norm = globalNorm(grads),
    clipCoef = clipCoefficient(norm, maxNorm);
  scaleAll(grads, clipCoef);
  return { norm, clipCoef };
}

// Multiplies every entry by the clip coefficient; a factor of exactly 1 changes nothing, so it is skipped.
function scaleAll(grads: readonly Grad[], scale: number): void {
  if (scale < 1 || Number.isNaN(scale)) {
    for (const g of grads) {
      const d = entries(g);
      for (let i = 0; i < d.length; i++) d[i] *= scale;
    }
  }
}

/**
 * Rescales one gradient so that its L2 norm is at most `maxNorm`, keeping its direction; in place.
 * Returns its norm from before clipping.
 *
 *   g ← g·min(1, maxNorm / (‖g‖ + 10⁻⁶))
 *
 * `clipByGlobalNorm` applied to a single tensor (PyTorch: `clip_grad_norm_` on one tensor; TF's
 * `clip_by_norm` uses no 10⁻⁶). Clipping each tensor on its own changes the overall direction;
 * clipping by the global norm does not.
 *
 * @example
 *   const g = Float64Array.from([3, 4]);
 *   clipByNorm(g, 1);   // returns 5; g ≈ [0.6, 0.8]
 */
export function clipByNorm(g: Grad, maxNorm: number): number {
  return clipByGlobalNorm([g], maxNorm);
}

/**
 * Clamps every entry of a gradient to [−clipValue, clipValue]; in place; returns the same gradient.
 *
 *   gᵢ ← min(max(gᵢ, −c), c)
 *
 * As `torch.nn.utils.clip_grad_value_`. Unlike norm clipping it can change the direction.
 *
 * @example
 *   clipByValue(Float64Array.from([3, -0.5, -4]), 1);   // [1, -0.5, -1]
 */
export function clipByValue<G extends Grad>(g: G, clipValue: number): G {
  const d = entries(g);
  for (let i = 0; i < d.length; i++) d[i] = Math.min(Math.max(d[i], -clipValue), clipValue);
  return g;
}
