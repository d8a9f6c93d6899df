import { Tensor } from "./tensor";

/**
 * The Euclidean (Frobenius) norm of all entries of a tensor or a plain array.
 *
 *   ‖A‖₂ = √(Σ_i A[i]²)
 *
 * NOTE: scales by the largest |entry| first, so 1e200-sized entries do not overflow to Infinity.
 * @example
 *   norm2(Tensor.from([3, 4]));          // 5
 *   norm2(Float64Array.from([1e200, 1e200]));   // 1.414e200, not Infinity
 */
export function norm2(A: Tensor | Float64Array | readonly number[]): number {
  const a = A instanceof Tensor ? A.data : A;
  let big = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > big || Number.isNaN(v)) big = v;
  }
  if (big === 0 || !Number.isFinite(big)) return big;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] / big;
    s += v * v;
  }
  return big * Math.sqrt(s);
}
