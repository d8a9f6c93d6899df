import type { Rng } from "../random/rng";
import { Tensor } from "../tensor/tensor";

/**
 * Splits the example indices 0…m−1 into shuffled mini-batches for one epoch: ⌈m / batchSize⌉
 * batches, the last one smaller when batchSize does not divide m.
 *
 *   a random permutation π of 0…m−1, cut into [π₀…π_{B−1}], [π_B…π_{2B−1}], …
 *
 * As a PyTorch DataLoader with shuffle=True, drop_last=False. batchSize = m gives full-batch GD
 * (one batch, shuffled); batchSize = 1 gives one-example SGD.
 *
 * @example
 *   const rng = createRng(42);
 *   for (const idx of miniBatches(100, 32, rng)) step(takeColumns(X, idx), takeColumns(Y, idx));
 */
export function miniBatches(m: number, batchSize: number, rng: Rng): number[][] {
  if (!(batchSize >= 1) || !Number.isInteger(batchSize))
    throw new RangeError(`miniBatches: batch size ${batchSize} is not a positive integer`);
  const order = rng.shuffle(Array.from({ length: m }, (_, i) => i));
  const batches: number[][] = [];
  for (let start = 0; start < m; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

/**
 * The columns (examples) of a matrix listed in `idx`, in that order, as a new [rows, idx.length] tensor.
 *
 *   out[:, k] = X[:, idx[k]]
 *
 * @example
 *   takeColumns(Tensor.from([[1, 2, 3], [4, 5, 6]]), [2, 0]);   // [[3, 1], [6, 4]]
 */
export function takeColumns(X: Tensor, idx: readonly number[]): Tensor {
  const rows = X.rows,
    cols = X.cols,
    out = new Tensor([rows, idx.length]);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < idx.length; k++) out.data[r * idx.length + k] = X.data[r * cols + idx[k]];
  }
  return out;
}
