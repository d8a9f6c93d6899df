import { Tensor, shapeError } from "./tensor";
import { wasmProduct } from "./wasm-gemm";

/** Which operands `matmul` reads transposed (Aᵀ, Bᵀ), without building the transpose. */
export interface MatmulOptions {
  transA?: boolean;
  transB?: boolean;
}

/**
 * The matrix product C = op(A)·op(B), where op transposes an operand when asked; a 1-D tensor counts as a column.
 *
 *   C[i, j] = Σ_k op(A)[i, k] · op(B)[k, j]
 *
 * Like torch.matmul on 2-D inputs (A.T @ B written as `{ transA: true }`); no batching or broadcasting.
 * @example
 *   matmul(Tensor.from([[1, 2]]), Tensor.from([[3], [4]]));    // [[11]]
 *   matmul(dZ, A_prev, { transB: true });                     // dZ·A_prevᵀ
 */
export function matmul(A: Tensor, B: Tensor, options: MatmulOptions = {}): Tensor {
  const transA = options.transA ?? false,
    transB = options.transB ?? false;
  const out = new Tensor([transA ? A.cols : A.rows, transB ? B.rows : B.cols]);
  return matmulInto(out, A, B, transA, transB);
}

// NOTE: the operation's name is built only when throwing: a string per call would allocate in every training step.
function opName(transA: boolean, transB: boolean): string {
  return `matmul${transA ? "(Aᵀ)" : ""}${transB ? "(Bᵀ)" : ""}`;
}

/**
 * `matmul` written into a preallocated `out` (which must not share a buffer with A or B), times an optional
 * factor alpha (free: folded into the loop); allocates nothing.
 *
 *   out ← alpha · op(A)·op(B)
 *
 * The training path of `Dense` uses it for W·A_prev, dZ·A_prevᵀ and Wᵀ·dZ.
 * @example
 *   const Z = new Tensor([4, 8]);
 *   matmulInto(Z, W, A_prev);                       // W [4, 3], A_prev [3, 8]
 *   matmulInto(dW, dZ, A_prev, false, true, 1 / m);  // dW = (1/m)·dZ·A_prevᵀ
 */
export function matmulInto(out: Tensor, A: Tensor, B: Tensor, transA = false, transB = false, alpha = 1): Tensor {
  const n = transA ? A.cols : A.rows,
    inner = transA ? A.rows : A.cols;
  const innerB = transB ? B.cols : B.rows,
    p = transB ? B.rows : B.cols;
  if (inner !== innerB)
    throw shapeError(opName(transA, transB), A.shape, B.shape, `do not chain: inner dimensions ${inner} and ${innerB} differ`);
  if (out.rows !== n || out.cols !== p || out.size !== n * p) {
    throw shapeError(opName(transA, transB), out.shape, [n, p], "(out and the product) do not match");
  }
  if (out.data === A.data || out.data === B.data)
    throw new RangeError(`${opName(transA, transB)}: out must not share a buffer with an operand`);
  const a = A.data,
    b = B.data,
    c = out.data,
    ac = A.cols,
    bc = B.cols;
  // Large products go to the WebAssembly SIMD kernel (same sums, same order); the loops below are the reference.
  if (wasmProduct(c, a, ac, transA, b, bc, transB, null, n, inner, p, alpha)) return out;
  if (!transA && !transB) {
    // NOTE: i-k-j order walks B and C row by row (contiguous), the fast order for row-major storage.
    for (let i = 0; i < n; i++) {
      const ci = i * p,
        ai = i * ac;
      for (let j = 0; j < p; j++) c[ci + j] = 0;
      for (let k = 0; k < inner; k++) {
        const aik = alpha * a[ai + k],
          bk = k * bc;
        if (aik === 0) continue;
        for (let j = 0; j < p; j++) c[ci + j] += aik * b[bk + j];
      }
    }
  } else if (!transA && transB) {
    // C[i, j] = row i of A · row j of B: two contiguous rows.
    for (let i = 0; i < n; i++) {
      const ai = i * ac,
        ci = i * p;
      for (let j = 0; j < p; j++) {
        const bj = j * bc;
        let s = 0;
        for (let k = 0; k < inner; k++) s += a[ai + k] * b[bj + k];
        c[ci + j] = alpha * s;
      }
    }
  } else if (transA && !transB) {
    // C[i, :] += A[k, i] · B[k, :], again row by row.
    c.fill(0);
    for (let k = 0; k < inner; k++) {
      const ak = k * ac,
        bk = k * bc;
      for (let i = 0; i < n; i++) {
        const aki = alpha * a[ak + i];
        if (aki === 0) continue;
        const ci = i * p;
        for (let j = 0; j < p; j++) c[ci + j] += aki * b[bk + j];
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < inner; k++) s += a[k * ac + i] * b[j * bc + k];
        c[i * p + j] = alpha * s;
      }
    }
  }
  return out;
}
