import { Tensor, shapeError } from "./tensor";

/**
 * Adds the columns of A [n, m] together (a sum over examples), giving a column [n, 1].
 *
 *   out[i] = Σ_j A[i, j]          (NumPy: A.sum(axis=1, keepdims=True))
 *
 * @example
 *   sumColumns(Tensor.from([[1, 2], [3, 4]]));   // [[3], [7]]
 *   scale(sumColumns(dZ), 1 / m);                // db
 */
export function sumColumns(A: Tensor): Tensor {
  return sumColumnsInto(new Tensor([A.rows, 1]), A);
}

/**
 * `sumColumns` written into a preallocated column `out` [n, 1], times an optional factor c; allocates nothing.
 *
 *   out[i] ← c · Σ_j A[i, j]
 *
 * @example
 *   sumColumnsInto(db, dZ, 1 / m);   // db = (1/m) Σ_j dZ[:, j]
 *   sumColumnsInto(s, A);            // plain sum
 */
export function sumColumnsInto(out: Tensor, A: Tensor, c = 1): Tensor {
  const n = A.rows,
    m = A.cols;
  if (out.size !== n) throw shapeError("sumColumns", A.shape, out.shape, "(input and out) do not fit: out must be [rows, 1]");
  const a = A.data,
    o = out.data;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let s = 0;
    for (let j = 0; j < m; j++) s += a[row + j];
    o[i] = c * s;
  }
  return out;
}

/**
 * Adds the rows of A [n, m] together (a sum over features), giving a row [1, m].
 *
 *   out[j] = Σ_i A[i, j]          (NumPy: A.sum(axis=0, keepdims=True))
 *
 * @example
 *   sumRows(Tensor.from([[1, 2], [3, 4]]));   // [[4, 6]]
 *   sumRows(mul(Y, logP));                    // per-example Σ_k y_k log p_k
 */
export function sumRows(A: Tensor): Tensor {
  return sumRowsInto(new Tensor([1, A.cols]), A);
}

/**
 * `sumRows` written into a preallocated row `out` [1, m], times an optional factor c; allocates nothing.
 *
 *   out[j] ← c · Σ_i A[i, j]
 *
 * @example
 *   sumRowsInto(s, A);          // s [1, m]
 *   sumRowsInto(s, A, 1 / n);   // the per-example mean over features
 */
export function sumRowsInto(out: Tensor, A: Tensor, c = 1): Tensor {
  const n = A.rows,
    m = A.cols;
  if (out.size !== m) throw shapeError("sumRows", A.shape, out.shape, "(input and out) do not fit: out must be [1, cols]");
  const a = A.data,
    o = out.data;
  o.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) o[j] += a[row + j];
  }
  if (c !== 1) for (let j = 0; j < m; j++) o[j] *= c;
  return out;
}

/**
 * The sum of all entries (no axis), or along an axis as NumPy with keepdims: axis 0 → [1, m], axis 1 → [n, 1].
 *
 *   sum(A) = Σ_i Σ_j A[i, j];  sum(A, 1) = sumColumns(A);  sum(A, 0) = sumRows(A)
 *
 * @example
 *   sum(Tensor.from([[1, 2], [3, 4]]));      // 10
 *   sum(Tensor.from([[1, 2], [3, 4]]), 1);   // Tensor [[3], [7]]
 */
export function sum(A: Tensor): number;
export function sum(A: Tensor, axis: 0 | 1): Tensor;
export function sum(A: Tensor, axis?: 0 | 1): number | Tensor {
  if (axis === 0) return sumRows(A);
  if (axis === 1) return sumColumns(A);
  const a = A.data;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/**
 * The mean of all entries (no axis), or along an axis: axis 1 averages over examples (columns) → [n, 1], axis 0 over rows → [1, m].
 *
 *   mean(A, 1)[i] = (1/m) Σ_j A[i, j]
 *
 * @example
 *   mean(Tensor.from([[1, 2], [3, 4]]));      // 2.5
 *   mean(Tensor.from([[1, 2], [3, 4]]), 1);   // Tensor [[1.5], [3.5]]
 */
export function mean(A: Tensor): number;
export function mean(A: Tensor, axis: 0 | 1): Tensor;
export function mean(A: Tensor, axis?: 0 | 1): number | Tensor {
  if (axis === 0) return sumRowsInto(new Tensor([1, A.cols]), A, 1 / A.rows);
  if (axis === 1) return sumColumnsInto(new Tensor([A.rows, 1]), A, 1 / A.cols);
  return sum(A) / A.size;
}
