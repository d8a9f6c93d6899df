import { poolOutputSize } from "../layers/conv-arithmetic";
import { type Pair, pairAt } from "./geometry";

/** Stride (default the kernel size) and padding (default 0) of a pooling window, per axis or one for both, as PyTorch. */
export interface Pool2dOptions {
  stride?: Pair;
  padding?: Pair;
}

/**
 * The output shape [N, C, H_out, W_out] of 2-D pooling, with PyTorch's floor rule (ceil_mode=False) on each axis.
 * As PyTorch, the padding may be at most half the kernel on each axis, so every window holds an input.
 *
 *   H_out = ⌊(H + 2p − k) / s⌋ + 1,   s = k unless given
 *
 * @example
 *   pool2dOutputShape([1, 3, 4, 4], 2);                 // [1, 3, 2, 2]
 *   pool2dOutputShape([1, 1, 5, 5], 3, { stride: 2 });  // [1, 1, 2, 2]
 */
export function pool2dOutputShape(xShape: readonly number[], kernel: Pair, options: Pool2dOptions = {}): number[] {
  if (xShape.length !== 4) throw new RangeError(`pool2d: expected an NCHW shape [N, C, H, W], got [${xShape.join(", ")}]`);
  const { stride = kernel, padding = 0 } = options;
  const axis = (a: 0 | 1) => {
    const k = pairAt(kernel, a),
      p = pairAt(padding, a);
    if (p > k / 2) throw new RangeError(`pool2d: padding ${p} is more than half the kernel ${k}`);
    return poolOutputSize(xShape[2 + a], k, pairAt(stride, a), p);
  };
  return [xShape[0], xShape[1], axis(0), axis(1)];
}
