import type { Tensor } from "../tensor/tensor";
import { type AvgPool2dOptions, avgPool2dBackwardInto, avgPool2dInto } from "./avg-pool2d";
import type { Pair } from "./geometry";
import type { Pool2dLayerOptions } from "./max-pool2d-layer";
import { pool2dOutputShape } from "./pool-geometry";
import { SpatialLayer, type SpatialCache, type SpatialGrads } from "./spatial-layer";

/**
 * An average-pooling layer as torch.nn.AvgPool2d: no parameters; backward shares each dY equally over its window.
 *
 *   forward: Y = avgPool2d(X);  backward: dX = avgPool2dBackward(dY)
 *
 * Takes NCHW images, or columns [C·H·W, m] when given an `inputShape` (see `SpatialLayer`).
 * @example
 *   const pool = new AvgPool2d(2, { inputShape: [4, 8, 8] });   // 4×8×8 → 4×4×4
 *   new AvgPool2d(3, { stride: 1, padding: 1 });                 // keeps the size
 */
export class AvgPool2d extends SpatialLayer<SpatialCache, SpatialGrads> {
  readonly kind = "avgPool2d";
  /** The window's stride and padding, and whether padded zeros count in the mean. */
  readonly geometry: Required<AvgPool2dOptions>;

  constructor(
    readonly kernelSize: Pair,
    options: Pool2dLayerOptions & { countIncludePad?: boolean } = {},
  ) {
    const s = options.inputShape;
    super(options.name ?? "", s ? s[0] : 0, s ? [s[1], s[2]] : undefined);
    this.geometry = {
      stride: options.stride ?? kernelSize,
      padding: options.padding ?? 0,
      countIncludePad: options.countIncludePad ?? true,
    };
    if (s) this.outputShapeFor(s[0], s[1], s[2]); // NOTE: fails early on a window larger than the padded input
  }

  outputShapeFor(C: number, H: number, W: number): [number, number, number] {
    const [, , Ho, Wo] = pool2dOutputShape([1, C, H, W], this.kernelSize, this.geometry);
    return [C, Ho, Wo];
  }

  protected allocateExtra() {
    return { cache: {}, grads: {} };
  }

  protected forwardImages(X: Tensor, Y: Tensor): void {
    avgPool2dInto(Y, X, this.kernelSize, this.geometry);
  }

  protected backwardImages(dY: Tensor, dX: Tensor | null): void {
    if (dX !== null) avgPool2dBackwardInto(dX, dY, this.kernelSize, this.geometry);
  }
}
