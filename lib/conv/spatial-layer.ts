import { LayerBase } from "../layers/layer-base";
import { transposeInto } from "../tensor/transpose";
import { Tensor, shapeError } from "../tensor/tensor";
import { dims4 } from "./geometry";

/** The named values every image layer keeps: its input and output as given (A_prev, A) and as NCHW images (X, Y). */
export type SpatialCache = { A_prev: Tensor; X: Tensor; Y: Tensor; A: Tensor };
/** The named gradients every image layer keeps: dA and dA_prev as given, dY and dX as NCHW images. */
export type SpatialGrads = { dA: Tensor; dY: Tensor; dX: Tensor; dA_prev: Tensor };

/**
 * The shared plumbing of the image layers (Conv2d, MaxPool2d, AvgPool2d): they compute on NCHW images but also accept
 * the engine's examples-as-columns layout, so they chain with Dense in a Sequential and train with the Trainer.
 *
 *   A_prev [N, C, H, W]            → A [N, C_out, H_out, W_out]            (as PyTorch)
 *   A_prev [C·H·W, m] (inputSize) → A [C_out·H_out·W_out, m]              (column j = example j flattened as C, H, W)
 *
 * The flattening order is PyTorch's `x.flatten(1)` (channel, then row, then column), transposed to a column.
 * @example
 *   class Identity extends SpatialLayer<SpatialCache, SpatialGrads> { … }   // see Conv2d, MaxPool2d
 *   layer.forward(new Tensor([2, 1, 4, 4]));                                // NCHW in, NCHW out
 */
export abstract class SpatialLayer<C extends SpatialCache, G extends SpatialGrads> extends LayerBase<C, G> {
  private readonly rowsViews = new WeakMap<Tensor, Tensor>();

  constructor(
    name: string,
    /** Input channels; 0 takes them from each NCHW input (pooling), which the columns layout cannot. */
    readonly channels: number,
    /** [H, W] of the input images, needed only for the examples-as-columns layout. */
    readonly inputSize?: readonly [number, number],
  ) {
    super(name);
  }

  /** [C_out, H_out, W_out] for input images of C × H × W. */
  abstract outputShapeFor(C: number, H: number, W: number): [number, number, number];

  /** [C_out, H_out, W_out] for the layer's `inputSize` (what the next layer receives, per example). */
  get outputShape(): [number, number, number] {
    if (!this.inputSize) throw new RangeError(`${this.kind}.outputShape: the layer was made without an inputSize`);
    return this.outputShapeFor(this.channels, this.inputSize[0], this.inputSize[1]);
  }

  /** The layer's own buffers beyond X, Y, dY, dX, for N input images of C × H × W. */
  protected abstract allocateExtra(
    N: number,
    C: number,
    H: number,
    W: number,
  ): { cache: Omit<C, keyof SpatialCache>; grads: Omit<G, keyof SpatialGrads> };
  /** Y ← layer(X), both NCHW. */
  protected abstract forwardImages(X: Tensor, Y: Tensor): void;
  /** From dY (NCHW), fills the parameter gradients (of the mean over N) and, unless dX is null, dX (per image). */
  protected abstract backwardImages(dY: Tensor, dX: Tensor | null): void;

  protected allocate(m: number, key: number) {
    // NOTE: key = layout·2³⁰ + C·2²⁰ + H·2¹⁰ + W (see forward): LayerBase keys buffers by one number below 2³² per shape.
    const columns = key >= 2 ** 30,
      C = Math.floor(key / 2 ** 20) % 2 ** 10,
      H = Math.floor(key / 2 ** 10) % 2 ** 10,
      W = key % 2 ** 10;
    const [Co, Ho, Wo] = this.outputShapeFor(C, H, W);
    const X = new Tensor([m, C, H, W]),
      Y = new Tensor([m, Co, Ho, Wo]),
      dY = new Tensor([m, Co, Ho, Wo]),
      dX = new Tensor([m, C, H, W]);
    const A = columns ? new Tensor([Co * Ho * Wo, m]) : Y,
      dA_prev = columns ? new Tensor([C * H * W, m]) : dX;
    if (columns) for (const T of [X, Y, dY, dX]) this.rowsViews.set(T, new Tensor([m, T.size / m], T.data));
    const extra = this.allocateExtra(m, C, H, W);
    return {
      cache: { A_prev: X, X, Y, A, ...extra.cache } as unknown as C,
      grads: { dA: dY, dY, dX, dA_prev, ...extra.grads } as unknown as G,
    };
  }

  forward(A_prev: Tensor): Tensor {
    const C = this.channels;
    if (A_prev.shape.length === 4) {
      const [N, Ci, H, W] = dims4(A_prev, `${this.kind}.forward`);
      if (C !== 0 && Ci !== C) throw shapeError(`${this.kind}.forward`, [N, C, H, W], A_prev.shape, `do not match: expected ${C} channels`);
      this.useBatch(N, this.shapeKey(0, Ci, H, W));
      this.cache.X = A_prev;
    } else {
      if (!this.inputSize || C === 0)
        throw new RangeError(`${this.kind}.forward: columns [C·H·W, m] need the layer's input channels and size [H, W]`);
      const [H, W] = this.inputSize;
      if (A_prev.shape.length !== 2 || A_prev.rows !== C * H * W)
        throw shapeError(`${this.kind}.forward`, [C * H * W, A_prev.cols], A_prev.shape, `do not match: expected ${C}·${H}·${W} rows`);
      this.useBatch(A_prev.cols, this.shapeKey(1, C, H, W));
      transposeInto(this.rows(this.cache.X), A_prev);
    }
    const c = this.cache;
    c.A_prev = A_prev;
    this.forwardImages(c.X, c.Y);
    if (c.A !== c.Y) transposeInto(c.A, this.rows(c.Y));
    return c.A;
  }

  backward(dA: Tensor, inputGrad = true): Tensor {
    const c = this.cache,
      g = this.grads;
    if (c === undefined) throw new Error(`${this.kind}.backward: call forward first`);
    if (dA.size !== c.A.size || dA.shape.length !== c.A.shape.length)
      throw shapeError(`${this.kind}.backward`, c.A.shape, dA.shape, "(A and dA) do not match");
    g.dA = dA;
    if (c.A === c.Y) g.dY = dA;
    else transposeInto(this.rows(g.dY), dA);
    const dX = c.A === c.Y ? g.dA_prev : g.dX;
    this.backwardImages(g.dY, inputGrad ? dX : null);
    if (!inputGrad) g.dA_prev.data.fill(NaN);
    else if (g.dA_prev !== dX) transposeInto(g.dA_prev, this.rows(dX));
    return g.dA_prev;
  }

  private shapeKey(columns: number, C: number, H: number, W: number): number {
    if (C >= 1024 || H >= 1024 || W >= 1024) throw new RangeError(`${this.kind}: channels, height and width must each be below 1024`);
    return columns * 2 ** 30 + C * 2 ** 20 + H * 2 ** 10 + W;
  }

  /** The [N, C·H·W] view of an NCHW buffer (one row per image), made once at allocation. */
  private rows(T: Tensor): Tensor {
    const v = this.rowsViews.get(T);
    if (v === undefined) throw new Error(`${this.kind}: no row view for this buffer`);
    return v;
  }
}
