/**
 * A dense row-major tensor over a Float64Array: the engine's one container for numbers.
 *
 * Convention (see the API reference): a batch is stored with examples as columns,
 * so a layer's activations `A` have shape `[n_l, m]` and `Z = W·A_prev + b`.
 *
 * @example
 *   const W = Tensor.from([[1, 2], [3, 4]]);   // shape [2, 2]
 *   W.get(1, 0);                               // 3
 */
export class Tensor {
  readonly data: Float64Array;
  readonly shape: readonly number[];

  constructor(shape: readonly number[], data?: Float64Array | ArrayLike<number>) {
    const size = shapeSize(shape);
    if (data === undefined) this.data = new Float64Array(size);
    else {
      if (data.length !== size) {
        throw new RangeError(`Tensor: data of length ${data.length} does not fit shape [${shape.join(", ")}] (needs ${size})`);
      }
      this.data = data instanceof Float64Array ? data : Float64Array.from(data);
    }
    this.shape = Object.freeze([...shape]);
  }

  /** A tensor from nested arrays: a number, a vector (shape [n]) or a matrix (shape [rows, cols]). */
  static from(values: number | readonly number[] | readonly (readonly number[])[]): Tensor {
    if (typeof values === "number") return new Tensor([], [values]);
    if (values.length === 0) return new Tensor([0]);
    if (typeof values[0] === "number") return new Tensor([values.length], values as readonly number[]);
    const rows = values as readonly (readonly number[])[];
    const cols = rows[0].length;
    const t = new Tensor([rows.length, cols]);
    rows.forEach((row, i) => {
      if (row.length !== cols) throw new RangeError(`Tensor.from: row ${i} has ${row.length} entries, row 0 has ${cols}`);
      t.data.set(row, i * cols);
    });
    return t;
  }

  /** A tensor of the given shape filled with zeros. */
  static zeros(shape: readonly number[]): Tensor {
    return new Tensor(shape);
  }

  /** A tensor of the given shape filled with one value. */
  static full(shape: readonly number[], value: number): Tensor {
    const t = new Tensor(shape);
    t.data.fill(value);
    return t;
  }

  get size(): number {
    return this.data.length;
  }
  get rows(): number {
    return this.shape.length === 2 ? this.shape[0] : this.shape.length === 1 ? this.shape[0] : 1;
  }
  get cols(): number {
    return this.shape.length === 2 ? this.shape[1] : 1;
  }

  /** Entry (i, j) of a matrix, or entry i of a vector. */
  get(i: number, j = 0): number {
    return this.data[i * this.cols + j];
  }
  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  /** A copy with its own buffer. */
  clone(): Tensor {
    return new Tensor(this.shape, this.data.slice());
  }

  /** The same numbers under another shape of equal size (shares the buffer). */
  reshape(shape: readonly number[]): Tensor {
    return new Tensor(shape, this.data);
  }

  /** Nested arrays, for printing and tests. */
  toArray(): number[] | number[][] {
    if (this.shape.length <= 1) return Array.from(this.data);
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }

  toString(): string {
    return `Tensor[${this.shape.join("×")}] ${JSON.stringify(this.toArray())}`;
  }
}

/** The number of entries a shape holds; throws on a negative or fractional dimension. */
export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`Tensor: bad dimension ${d} in shape [${shape.join(", ")}]`);
    size *= d;
  }
  return size;
}

/** Throws an error naming the operation and both shapes when they differ. */
export function assertSameShape(op: string, a: Tensor, b: Tensor): void {
  if (!sameShape(a.shape, b.shape)) throw shapeError(op, a.shape, b.shape);
}

/**
 * Throws unless `b` holds the same matrix as `a`: as many entries and as many rows, so [n] fits [n, 1]. The check of
 * every `…Into` whose output (or gradient) mirrors its input entry for entry. Allocates nothing.
 *
 *   fits ⇔ a.size = b.size and a.rows = b.rows
 *
 * @example
 *   assertSameLayout("softmaxColumns", Z, out);                        // "(input and out) do not match" if not
 *   assertSameLayout("mse", Yhat, dA, "(prediction and dA) do not match");
 */
export function assertSameLayout(op: string, a: Tensor, b: Tensor, why = "(input and out) do not match"): void {
  if (a.size !== b.size || a.rows !== b.rows) throw shapeError(op, a.shape, b.shape, why);
}

/**
 * True when two shapes list the same dimensions. Allocates nothing (safe in a training step).
 * @example
 *   sameShape([2, 3], [2, 3]);   // true
 *   sameShape([2, 3], [3, 2]);   // false
 */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The error every tensor operation throws on a shape mismatch: it names the operation and both shapes.
 * @example
 *   throw shapeError("add", [2, 3], [3, 2]);   // RangeError "add: shapes [2, 3] and [3, 2] do not match"
 *   throw shapeError("matmul", [2, 3], [4, 1], "inner dimensions 3 and 4 differ");
 */
export function shapeError(op: string, a: readonly number[], b: readonly number[], why = "do not match"): RangeError {
  return new RangeError(`${op}: shapes [${a.join(", ")}] and [${b.join(", ")}] ${why}`);
}
