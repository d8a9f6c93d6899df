import { Tensor, shapeError } from "./tensor";
import { wasmProduct } from "./wasm-gemm";

/**
 * A layer's pre-activation in one call: the product W·A_prev with the bias column added to every example.
 *
 *   Z = W·A_prev + b,   W [n_l, n_{l−1}],  A_prev [n_{l−1}, m],  b [n_l, 1]  →  Z [n_l, m]
 *
 * Same numbers as addColumn(matmul(W, A_prev), b) (torch: F.linear(x.T, W, b).T).
 * @example
 *   affine(Tensor.from([[1, 2]]), Tensor.from([[1], [1]]), Tensor.from([[0.5]]));   // [[3.5]]
 *   const Z1 = affine(W1, X, b1);
 */
export function affine(W: Tensor, A_prev: Tensor, b: Tensor): Tensor {
  return affineInto(new Tensor([W.rows, A_prev.cols]), W, A_prev, b);
}

/**
 * `affine` written into a preallocated Z [n_l, m] in a single pass (each row starts at b_i, then gathers W·A_prev); allocates nothing.
 *
 *   Z[i, :] ← b_i + Σ_k W[i, k]·A_prev[k, :]
 *
 * @example
 *   affineInto(Z, W, A_prev, b);   // the Dense layer's forward step
 *   affineInto(Z, W, X, b);
 */
export function affineInto(Z: Tensor, W: Tensor, A_prev: Tensor, b: Tensor): Tensor {
  const n = W.rows,
    inner = W.cols,
    m = A_prev.cols;
  if (A_prev.rows !== inner)
    throw shapeError("affine (W·A_prev)", W.shape, A_prev.shape, `do not chain: inner dimensions ${inner} and ${A_prev.rows} differ`);
  if (b.size !== n) throw shapeError("affine (+ b)", W.shape, b.shape, "do not fit (b must be [rows of W, 1])");
  if (Z.rows !== n || Z.size !== n * m) throw shapeError("affine (out)", Z.shape, [n, m], "do not match");
  if (Z.data === A_prev.data) throw new RangeError("affine: Z must not share a buffer with A_prev");
  const w = W.data,
    a = A_prev.data,
    bd = b.data,
    z = Z.data;
  // Large products go to the WebAssembly SIMD kernel (same sums, same order); the loop below is the reference.
  if (wasmProduct(z, w, inner, false, a, m, false, bd, n, inner, m, 1)) return Z;
  for (let i = 0; i < n; i++) {
    const zi = i * m,
      wi = i * inner,
      bi = bd[i];
    for (let j = 0; j < m; j++) z[zi + j] = bi;
    for (let k = 0; k < inner; k++) {
      const wik = w[wi + k],
        ak = k * m;
      for (let j = 0; j < m; j++) z[zi + j] += wik * a[ak + j];
    }
  }
  return Z;
}
