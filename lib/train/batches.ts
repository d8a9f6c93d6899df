import type { Rng } from "../random/rng";
import { Tensor } from "../tensor/tensor";

/**
 * Endless shuffled mini-batches over the columns of (X, Y), gathered into reused buffers (no allocation per batch
 * once each batch size has been seen). Each epoch visits every example once in a fresh order; the last batch of an
 * epoch is smaller when the batch size does not divide m (PyTorch's DataLoader with shuffle=True, drop_last=False).
 * A batch size ≥ m gives X and Y themselves (full-batch gradient descent, no copying).
 *
 * @example
 *   const batches = new BatchCursor(X, Y, 32, createRng(1));
 *   const { X: Xb, Y: Yb } = batches.next();
 */
export class BatchCursor {
  readonly batchSize: number;
  /** Completed passes over the data. */
  epoch = 0;
  private readonly order: Int32Array;
  private position = 0;
  private readonly buffers = new Map<number, { X: Tensor; Y: Tensor }>();

  constructor(readonly X: Tensor, readonly Y: Tensor, batchSize: number, private readonly rng: Rng) {
    if (X.cols !== Y.cols) throw new RangeError(`BatchCursor: X has ${X.cols} examples (columns) but Y has ${Y.cols}`);
    this.batchSize = Math.min(Math.max(1, Math.floor(batchSize)), X.cols);
    this.order = new Int32Array(X.cols);
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    if (this.batchSize < X.cols) rng.shuffle(this.order);
  }

  /** The next mini-batch (the returned tensors are reused by later calls). */
  next(): { X: Tensor; Y: Tensor } {
    const m = this.X.cols;
    if (this.batchSize === m) {
      this.epoch++;
      return this;
    }
    const size = Math.min(this.batchSize, m - this.position);
    let b = this.buffers.get(size);
    if (b === undefined) {
      b = { X: new Tensor([this.X.rows, size]), Y: new Tensor([this.Y.rows, size]) };
      this.buffers.set(size, b);
    }
    gatherColumns(b.X, this.X, this.order, this.position);
    gatherColumns(b.Y, this.Y, this.order, this.position);
    this.position += size;
    if (this.position >= m) {
      this.position = 0;
      this.epoch++;
      this.rng.shuffle(this.order);
    }
    return b;
  }
}

/**
 * Copies columns order[start], order[start + 1], … of src into the columns of out; allocates nothing.
 *
 *   out[:, k] = src[:, order[start + k]]
 *
 * @example
 *   gatherColumns(Xb, X, perm, 64);   // examples perm[64 … 64 + B − 1]
 *   gatherColumns(out, X, Int32Array.of(2, 0), 0);
 */
export function gatherColumns(out: Tensor, src: Tensor, order: Int32Array, start: number): Tensor {
  const rows = src.rows, cols = src.cols, B = out.cols, o = out.data, s = src.data;
  for (let r = 0; r < rows; r++) {
    const ro = r * B, rs = r * cols;
    for (let k = 0; k < B; k++) o[ro + k] = s[rs + order[start + k]];
  }
  return out;
}
