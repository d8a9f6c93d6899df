import { Tensor } from "../tensor/tensor";
import type { Pair } from "./geometry";
import { maxPool2dBackwardInto, maxPool2dInto } from "./max-pool2d";
import { type Pool2dOptions, pool2dOutputShape } from "./pool-geometry";
import { SpatialLayer, type SpatialCache, type SpatialGrads } from "./spatial-layer";

/** Named values of a MaxPool2d layer's last forward: `SpatialCache` plus the winners' flat indices (as PyTorch's). */
export type MaxPool2dCache = SpatialCache & { indices: Tensor };

/** Options of a pooling layer: the window's stride and padding, and [C, H, W] for the examples-as-columns layout. */
export interface Pool2dLayerOptions extends Pool2dOptions {
  /** [C, H, W] of each input image; needed when the input comes as columns [C·H·W, m]. */
  inputShape?: readonly [number, number, number];
  name?: string;
}

/**
 * A max-pooling layer as torch.nn.MaxPool2d: no parameters; backward routes each dY to its window's maximum.
 *
 *   forward: Y = maxPool2d(X).output (indices kept in cache);  backward: dX = maxPool2dBackward(dY, indices)
 *
 * Takes NCHW images, or columns [C·H·W, m] when given an `inputShape` (see `SpatialLayer`).
 * @example
 *   const pool = new MaxPool2d(2, { inputShape: [4, 8, 8] });   // 4×8×8 → 4×4×4
 *   pool.forward(A); pool.cache.indices;
 */
export class MaxPool2d extends SpatialLayer<MaxPool2dCache, SpatialGrads> {
  readonly kind = "maxPool2d";
  /** The window's stride and padding. */
  readonly geometry: Required<Pool2dOptions>;

  constructor(
    readonly kernelSize: Pair,
    options: Pool2dLayerOptions = {},
  ) {
    const s = options.inputShape;
    super(options.name ?? "", s ? s[0] : 0, s ? [s[1], s[2]] : undefined);
    this.geometry = { stride: options.stride ?? kernelSize, padding: options.padding ?? 0 };
    if (s) this.outputShapeFor(s[0], s[1], s[2]); // NOTE: fails early on a window larger than the padded input
  }

  outputShapeFor(C: number, H: number, W: number): [number, number, number] {
    const [, , Ho, Wo] = pool2dOutputShape([1, C, H, W], this.kernelSize, this.geometry);
    return [C, Ho, Wo];
  }

  protected allocateExtra(N: number, C: number, H: number, W: number) {
    const [, Ho, Wo] = this.outputShapeFor(C, H, W);
    return { cache: { indices: new Tensor([N, C, Ho, Wo]) }, grads: {} };
  }

  protected forwardImages(X: Tensor, Y: Tensor): void {
    maxPool2dInto(Y, this.cache.indices, X, this.kernelSize, this.geometry);
  }

  protected backwardImages(dY: Tensor, dX: Tensor | null): void {
    if (dX !== null) maxPool2dBackwardInto(dX, dY, this.cache.indices);
  }
}
