import type { Tensor } from "./tensor";

/**
 * The row index of the largest entry in each column: the predicted class of each example.
 *
 *   out[j] = argmax_i A[i, j]      (the first index on ties, as torch.argmax(A, dim=0))
 *
 * @example
 *   argmaxColumns(Tensor.from([[1, 9], [5, 2]]));   // [1, 0]
 *   argmaxColumns(logits);                          // predictions for a batch
 */
export function argmaxColumns(A: Tensor): number[] {
  const out: number[] = [];
  if (A.rows === 0) return out;
  for (let j = 0; j < A.cols; j++) out.push(argmaxColumn(A, j));
  return out;
}

/**
 * The row index of the largest entry of column j of A; allocates nothing.
 *
 *   argmax_i A[i, j]
 *
 * @example
 *   argmaxColumn(Tensor.from([[1, 9], [5, 2]]), 1);   // 0
 *   argmaxColumn(P, 3) === label;                     // example 3 classified correctly?
 */
export function argmaxColumn(A: Tensor, j: number): number {
  const n = A.rows,
    m = A.cols,
    a = A.data;
  let best = 0,
    bestValue = a[j];
  for (let i = 1; i < n; i++) {
    const v = a[i * m + j];
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}
