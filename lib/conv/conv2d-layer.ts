import { createRng, type Rng } from "../random/rng";
import { convOutputSize } from "../layers/conv-arithmetic";
import type { Param } from "../layers/layer";
import { Tensor } from "../tensor/tensor";
import { conv2dBackwardInto, conv2dInto, type Conv2dOptions } from "./conv2d";
import { type Pair, pairAt } from "./geometry";
import { SpatialLayer, type SpatialCache, type SpatialGrads } from "./spatial-layer";

/** Named values of a Conv2d layer's last forward (see `SpatialCache`). */
export type Conv2dCache = SpatialCache;
/** Named gradients of a Conv2d layer's last backward: dW, db of the mean cost; dY, dX per image. */
export type Conv2dLayerGrads = SpatialGrads & { dW: Tensor; db: Tensor };

/** Options of a Conv2d layer: the convolution's geometry, bias, input size (for the columns layout) and seed. */
export interface Conv2dLayerOptions extends Conv2dOptions {
  /** Add a bias per output channel (default true, as PyTorch). */
  bias?: boolean;
  /** [H, W] of the input images; needed when the input comes as columns [C_in·H·W, m]. */
  inputSize?: readonly [number, number];
  /** Seeded generator for the initial weights (default createRng(1)). */
  rng?: Rng;
  name?: string;
}

/**
 * A convolutional layer as torch.nn.Conv2d: W [C_out, C_in, kH, kW], b [C_out], Y = conv2d(X, W, b).
 *
 *   forward:  Y[n, o] = b[o] + Σ_c W[o, c] ⋆ X[n, c]
 *   backward: dW = (1/m)·Σ_n ∂L⁽ⁿ⁾/∂W,  db = (1/m)·Σ_{n,i,j} dY[n, o, i, j],  dX per image (see `conv2dBackward`)
 *
 * Initialized as PyTorch: W and b uniform in ±1/√(C_in·kH·kW). It takes NCHW images, or columns [C_in·H·W, m] when
 * given an `inputSize`, and then returns columns [C_out·H_out·W_out, m] that a Dense layer can take (see `SpatialLayer`).
 * Gradients follow the engine's per-example convention (see `Layer`), so PyTorch's dW is m times this one.
 * @example
 *   const conv = new Conv2d(1, 4, 3, { padding: 1, inputSize: [8, 8] });
 *   new Sequential([conv, new ActivationLayer("relu"), new Dense(4 * 8 * 8, 10)]);
 */
export class Conv2d extends SpatialLayer<Conv2dCache, Conv2dLayerGrads> {
  readonly kind = "conv2d";
  readonly W: Tensor;
  readonly b: Tensor | null;
  readonly dW: Tensor;
  readonly db: Tensor;
  /** The convolution's stride, padding and dilation. */
  readonly geometry: Required<Conv2dOptions>;

  constructor(
    inChannels: number,
    readonly outChannels: number,
    readonly kernelSize: Pair,
    options: Conv2dLayerOptions = {},
  ) {
    super(options.name ?? "", inChannels, options.inputSize);
    this.geometry = { stride: options.stride ?? 1, padding: options.padding ?? 0, dilation: options.dilation ?? 1 };
    const kH = pairAt(kernelSize, 0),
      kW = pairAt(kernelSize, 1),
      rng = options.rng ?? createRng(1),
      bound = 1 / Math.sqrt(inChannels * kH * kW);
    this.W = new Tensor([outChannels, inChannels, kH, kW]);
    for (let i = 0; i < this.W.size; i++) this.W.data[i] = rng.uniform(-bound, bound);
    this.b = options.bias === false ? null : new Tensor([outChannels]);
    if (this.b) for (let i = 0; i < outChannels; i++) this.b.data[i] = rng.uniform(-bound, bound);
    this.dW = new Tensor(this.W.shape);
    this.db = new Tensor([outChannels]);
    // NOTE: fails early, at construction, on a kernel larger than the padded input
    if (options.inputSize) this.outputShapeFor(inChannels, options.inputSize[0], options.inputSize[1]);
  }

  outputShapeFor(_C: number, H: number, W: number): [number, number, number] {
    const { stride, padding, dilation } = this.geometry;
    const axis = (n: number, a: 0 | 1) =>
      convOutputSize(n, this.W.shape[2 + a], { stride: pairAt(stride, a), padding: pairAt(padding, a), dilation: pairAt(dilation, a) });
    return [this.outChannels, axis(H, 0), axis(W, 1)];
  }

  protected allocateExtra() {
    return { cache: {}, grads: { dW: this.dW, db: this.db } };
  }

  protected forwardImages(X: Tensor, Y: Tensor): void {
    conv2dInto(Y, X, this.W, this.b, this.geometry);
  }

  protected backwardImages(dY: Tensor, dX: Tensor | null): void {
    conv2dBackwardInto({ dX, dW: this.dW, db: this.b ? this.db : null }, dY, this.cache.X, this.W, this.geometry);
    const inv = 1 / dY.shape[0],
      dW = this.dW.data,
      db = this.db.data;
    for (let i = 0; i < dW.length; i++) dW[i] *= inv;
    for (let i = 0; i < db.length; i++) db[i] *= inv;
  }

  /** W (decayed) and, unless bias is false, b (not decayed). */
  params(): Param[] {
    const W = this.param("W", this.W, this.dW, true);
    return this.b ? [W, this.param("b", this.b, this.db, false)] : [W];
  }
}
