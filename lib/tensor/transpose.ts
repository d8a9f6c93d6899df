import { Tensor, shapeError } from "./tensor";

/**
 * The transpose of a matrix (a 1-D tensor counts as a column, so its transpose is a row [1, n]).
 *
 *   Aᵀ[j, i] = A[i, j]
 *
 * Unlike torch's `.T`, it copies (no strided views in this engine).
 * @example
 *   transpose(Tensor.from([[1, 2, 3]]));   // [[1], [2], [3]]
 *   transpose(X).shape;                    // [m, n] for X [n, m]
 */
export function transpose(A: Tensor): Tensor {
  return transposeInto(new Tensor([A.cols, A.rows]), A);
}

/**
 * `transpose` written into a preallocated `out` of shape [cols, rows]; allocates nothing.
 *
 *   out[j, i] ← A[i, j]
 *
 * @example
 *   const At = new Tensor([3, 2]);
 *   transposeInto(At, A);   // A [2, 3]
 */
export function transposeInto(out: Tensor, A: Tensor): Tensor {
  const r = A.rows,
    c = A.cols;
  if (out.rows !== c || out.cols !== r || out.size !== r * c)
    throw shapeError("transpose", A.shape, out.shape, "(input and out) do not fit");
  if (out.data === A.data && r > 1 && c > 1) throw new RangeError("transpose: out must not share a buffer with A");
  const a = A.data,
    o = out.data;
  if (out.data === a) return out; // a row or a column: same numbers in the same order
  for (let i = 0; i < r; i++) {
    const ai = i * c;
    for (let j = 0; j < c; j++) o[j * r + i] = a[ai + j];
  }
  return out;
}
