/**
 * The entropy of a probability vector in nats, H(p) = −Σ p_i·ln p_i (0·ln 0 = 0): ln n for a uniform row of n,
 * 0 for a one-hot row. Measures how spread out a row of attention weights is.
 * @example
 *   softmaxEntropy([0.5, 0.5]);   // ln 2 ≈ 0.693
 *   softmaxEntropy([1, 0, 0]);    // 0
 */
export function softmaxEntropy(p: readonly number[] | Float64Array): number {
  let h = 0;
  for (const pi of p) if (pi > 0) h -= pi * Math.log(pi);
  return h;
}

/**
 * The Frobenius norm of the softmax Jacobian J = diag(p) − p·pᵀ at the output p, without forming J:
 *
 *   ‖J‖²_F = Σ_i p_i²·(1 − p_i)² + Σ_i p_i²·Σ_{j≠i} p_j²
 *
 * 0 when p is one-hot (a saturated softmax passes no gradient to its scores); √(1/n − 1/n²) when p is uniform.
 * @example
 *   softmaxJacobianNorm([1, 0]);       // 0
 *   softmaxJacobianNorm([0.5, 0.5]);   // 0.5
 */
export function softmaxJacobianNorm(p: readonly number[] | Float64Array): number {
  const n = p.length;
  // NOTE: 1 − p_i and Σ_{j≠i} p_j² come from prefix and suffix sums of the others, not from a difference with the
  // total: near a one-hot row, 1 − p_i would cancel to a few correct digits.
  const after1 = new Float64Array(n + 1),
    after2 = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    after1[i] = after1[i + 1] + p[i];
    after2[i] = after2[i + 1] + p[i] * p[i];
  }
  let before1 = 0,
    before2 = 0,
    total = 0;
  for (let i = 0; i < n; i++) {
    const rest1 = before1 + after1[i + 1],
      rest2 = before2 + after2[i + 1],
      pi2 = p[i] * p[i];
    total += pi2 * rest1 * rest1 + pi2 * rest2;
    before1 += p[i];
    before2 += pi2;
  }
  return Math.sqrt(total);
}
