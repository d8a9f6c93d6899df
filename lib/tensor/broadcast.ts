import { Tensor, assertSameLayout, shapeError } from "./tensor";

/**
 * Adds a column vector b [n, 1] to every column of A [n, m]: how a layer's bias reaches each example.
 *
 *   out[i, j] = A[i, j] + b[i]
 *
 * The one broadcast the engine needs; torch would broadcast any compatible shapes.
 * @example
 *   addColumn(Tensor.from([[1, 2], [3, 4]]), Tensor.from([[10], [20]]));   // [[11, 12], [23, 24]]
 *   const Z = addColumn(matmul(W, A_prev), b);                              // Z = W·A_prev + b
 */
export function addColumn(A: Tensor, b: Tensor): Tensor {
  return addColumnInto(new Tensor([A.rows, A.cols]), A, b);
}

/**
 * `addColumn` written into a preallocated `out` of A's shape (out may be A itself); allocates nothing.
 *
 *   out[i, j] ← A[i, j] + b[i]
 *
 * @example
 *   matmulInto(Z, W, A_prev);
 *   addColumnInto(Z, Z, b);   // Z = W·A_prev + b, in place
 */
export function addColumnInto(out: Tensor, A: Tensor, b: Tensor): Tensor {
  const n = A.rows,
    m = A.cols;
  if (b.size !== n || b.cols !== 1) throw shapeError("addColumn", A.shape, b.shape, "do not fit (b must be a column [rows of A, 1])");
  assertSameLayout("addColumn", A, out, "(A and out) do not match");
  const a = A.data,
    bd = b.data,
    o = out.data;
  for (let i = 0; i < n; i++) {
    const bi = bd[i],
      row = i * m;
    for (let j = 0; j < m; j++) o[row + j] = a[row + j] + bi;
  }
  return out;
}
