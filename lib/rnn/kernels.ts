// The few matrix kernels the recurrent layers need, written on (buffer, offset) pairs so that a time loop can
// address step t of a flat [T, n, m] sequence without making a view (a view is an object: an allocation per step).
// They live here rather than in lib/tensor because they are only the RNN time loop's business.

/**
 * Fills an n×m block with its bias column: out[i, j] = b[i] (+ b2[i] when a second bias is given); allocates nothing.
 *
 *   out ← b·1ᵀ (+ b2·1ᵀ)
 *
 * The start of every pre-activation of a recurrent step (PyTorch's two biases b_ih and b_hh both land here).
 * @example
 *   fillBias(z, 0, b_ih, b_hh, 4 * H, m);   // z = b_ih + b_hh in every column
 *   fillBias(ax, 0, b_ih, null, 3 * H, m);
 */
export function fillBias(out: Float64Array, oo: number, b: Float64Array, b2: Float64Array | null, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const v = b2 === null ? b[i] : b[i] + b2[i],
      r = oo + i * m;
    for (let j = 0; j < m; j++) out[r + j] = v;
  }
}

/**
 * Adds a matrix product to an n×m block: out += W·x, with W [n, k] and x a k×m block; allocates nothing. W is read
 * through its strides (element [i, q] at i·wr + q·wc), so the same loop serves W and Wᵀ (see `addMatmulT`).
 *
 *   out[i, j] += Σ_q W[i, q]·x[q, j]
 *
 * Loop order i-q-j, so x and out are read row by row (contiguous), as `matmulInto` does.
 * @example
 *   addMatmul(z, 0, W_ih, X.data, t * I * m, 4 * H, I, m);   // z += W_ih·x_t
 *   addMatmul(z, 0, W_hh, h, (t - 1) * H * m, 4 * H, H, m);   // z += W_hh·h_{t−1}
 */
export function addMatmul(
  out: Float64Array,
  oo: number,
  W: Float64Array,
  x: Float64Array,
  xo: number,
  n: number,
  k: number,
  m: number,
  wr = k,
  wc = 1,
): void {
  for (let i = 0; i < n; i++) {
    const r = oo + i * m,
      wi = i * wr;
    for (let q = 0; q < k; q++) {
      const w = W[wi + q * wc],
        xq = xo + q * m;
      for (let j = 0; j < m; j++) out[r + j] += w * x[xq + j];
    }
  }
}

/**
 * Adds a transposed product to a k×m block: out += Wᵀ·d, with W [n, k] row-major and d an n×m block; allocates nothing.
 *
 *   out[q, j] += Σ_i W[i, q]·d[i, j]
 *
 * How a gradient goes back through a weight matrix: dx_t = W_ihᵀ·dz_t, dh_{t−1} += W_hhᵀ·dz_t. It is `addMatmul`
 * with W read column by column (strides 1 and k); each out[q, j] still sums over i in increasing order.
 * @example
 *   addMatmulT(dX, t * I * m, W_ih, dz, 0, 4 * H, I, m);
 *   addMatmulT(dhPrev, 0, W_hh, dz, 0, 4 * H, H, m);
 */
export function addMatmulT(
  out: Float64Array,
  oo: number,
  W: Float64Array,
  d: Float64Array,
  dOff: number,
  n: number,
  k: number,
  m: number,
): void {
  addMatmul(out, oo, W, d, dOff, k, n, m, 1, k);
}

/**
 * Adds each row's sum of an n×m block to a bias gradient: db[i] += Σ_j d[i, j]; allocates nothing.
 *
 *   db += d·1
 *
 * @example
 *   addRowSums(db_ih, dz, 0, 4 * H, m);
 *   addRowSums(db_hh, dah, 0, 3 * H, m);
 */
export function addRowSums(db: Float64Array, d: Float64Array, dOff: number, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const di = dOff + i * m;
    let s = 0;
    for (let j = 0; j < m; j++) s += d[di + j];
    db[i] += s;
  }
}

/**
 * The logistic function, in the two-branch form whose exp never overflows (σ(±1000) is finite).
 *
 *   σ(z) = 1/(1 + e^(−z))
 *
 * @example
 *   sigma(0);      // 0.5
 *   sigma(-1000);  // 0 (not NaN)
 */
export function sigma(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Adds an outer product summed over the columns to a weight gradient, dW += d·xᵀ, and (unless `out` is null) sends
 * the gradient back through W in the same pass, out += Wᵀ·d (each d[i, j] is read once for both); allocates nothing.
 * W, dW are [n, k], d an n×m block, x and out k×m blocks.
 *
 *   dW[i, q] += Σ_j d[i, j]·x[q, j],   out[q, j] += Σ_i W[i, q]·d[i, j]
 *
 * BPTT's inner step: dW_hh += dz_t·h_{t−1}ᵀ and ∂L/∂h_{t−1} += W_hhᵀ·dz_t; with `out` null, dW_ih alone for an input
 * that needs no gradient. The caller applies the 1/m at the end. NOTE: the branch on `out` sits outside the loop over
 * j, which keeps both uses as fast as when each had a loop of its own (within 2 % at 128×784×32 and on the RNN step);
 * a second pass for out (`addMatmulT`) measured 40–70 % slower.
 * @example
 *   addOuterMatmulT(dW_hh, dh, (t - 1) * H * m, W_hh, dz, 0, h, (t - 1) * H * m, H, H, m);
 *   addOuterMatmulT(dW_ih, null, 0, W_ih, dz, 0, X, t * I * m, 4 * H, I, m);   // dW_ih += dz_t·x_tᵀ only
 */
export function addOuterMatmulT(
  dW: Float64Array,
  out: Float64Array | null,
  oo: number,
  W: Float64Array,
  d: Float64Array,
  dOff: number,
  x: Float64Array,
  xo: number,
  n: number,
  k: number,
  m: number,
): void {
  for (let i = 0; i < n; i++) {
    const di = dOff + i * m,
      wi = i * k;
    for (let q = 0; q < k; q++) {
      const xq = xo + q * m;
      let s = 0;
      if (out === null) for (let j = 0; j < m; j++) s += d[di + j] * x[xq + j];
      else {
        const w = W[wi + q],
          r = oo + q * m;
        for (let j = 0; j < m; j++) {
          const dj = d[di + j];
          s += dj * x[xq + j];
          out[r + j] += w * dj;
        }
      }
      dW[wi + q] += s;
    }
  }
}
