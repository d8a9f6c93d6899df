import type { Rng } from "../random/rng";
import { Tensor } from "../tensor/tensor";

/** Examples in a tensor: the last axis (the columns m of a matrix [n, m], the m of a sequence [T, n, m]). */
function examples(X: Tensor): number {
  return X.shape.length >= 2 ? X.shape[X.shape.length - 1] : X.cols;
}

/**
 * Endless shuffled mini-batches over the columns of (X, Y) (the last axis, so sequences [T, n, m] batch too), gathered into reused buffers
 * (no allocation per batch
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

  constructor(
    readonly X: Tensor,
    readonly Y: Tensor,
    batchSize: number,
    private readonly rng: Rng,
  ) {
    const m = examples(X);
    if (m !== examples(Y)) throw new RangeError(`BatchCursor: X has ${m} examples (columns) but Y has ${examples(Y)}`);
    this.batchSize = Math.min(Math.max(1, Math.floor(batchSize)), m);
    this.order = new Int32Array(m);
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    if (this.batchSize < m) rng.shuffle(this.order);
  }

  /** The next mini-batch (the returned tensors are reused by later calls). */
  next(): { X: Tensor; Y: Tensor } {
    const m = this.order.length;
    if (this.batchSize === m) {
      this.epoch++;
      return this;
    }
    const size = Math.min(this.batchSize, m - this.position);
    let b = this.buffers.get(size);
    if (b === undefined) {
      b = { X: new Tensor(batchShape(this.X, size)), Y: new Tensor(batchShape(this.Y, size)) };
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

/** The shape of a batch of `size` examples cut from X: X's shape with the last axis replaced. */
function batchShape(X: Tensor, size: number): number[] {
  return X.shape.length >= 2 ? [...X.shape.slice(0, -1), size] : [X.rows, size];
}

/**
 * Copies columns order[start], order[start + 1], … of src into the columns of out; allocates nothing. Columns
 * are the last axis, so for sequences [T, n, m] this copies whole examples (every step of every row).
 *
 *   out[:, k] = src[:, order[start + k]]    (out[t, :, k] = src[t, :, order[start + k]] for sequences)
 *
 * @example
 *   gatherColumns(Xb, X, perm, 64);   // examples perm[64 … 64 + B − 1]
 *   gatherColumns(out, X, Int32Array.of(2, 0), 0);
 */
export function gatherColumns(out: Tensor, src: Tensor, order: Int32Array, start: number): Tensor {
  const cols = examples(src),
    rows = src.size / cols,
    B = examples(out),
    o = out.data,
    s = src.data;
  for (let r = 0; r < rows; r++) {
    const ro = r * B,
      rs = r * cols;
    for (let k = 0; k < B; k++) o[ro + k] = s[rs + order[start + k]];
  }
  return out;
}
