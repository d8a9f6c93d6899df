import type { Tensor } from "../tensor/tensor";

/** A size per spatial axis: one number for both (as PyTorch's `3`) or [height, width] (as `(3, 2)`). */
export type Pair = number | readonly [number, number];

/**
 * The height (axis 0) or width (axis 1) entry of a `Pair`, without building an array.
 * @example
 *   pairAt(3, 1);        // 3
 *   pairAt([3, 2], 1);   // 2
 */
export function pairAt(v: Pair, axis: 0 | 1): number {
  return typeof v === "number" ? v : v[axis];
}

/**
 * The four sizes of an NCHW tensor [N, C, H, W], checked; `who` names the caller in the error.
 * @example
 *   dims4(new Tensor([2, 3, 5, 5]), "conv2d");   // [2, 3, 5, 5]
 */
export function dims4(T: Tensor, who: string): readonly [number, number, number, number] {
  if (T.shape.length !== 4) throw new RangeError(`${who}: expected an NCHW tensor [N, C, H, W], got shape [${T.shape.join(", ")}]`);
  return T.shape as unknown as readonly [number, number, number, number];
}

/** A sliding window's sizes per axis: kernel kH × kW, stride sh, sw, padding ph, pw and dilation dh, dw. */
export interface Window2d {
  kH: number;
  kW: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  dh: number;
  dw: number;
}

/**
 * A window's `Pair` options unpacked once, before the loops that slide it (convolution and pooling alike).
 * @example
 *   window2d(3, 2, [1, 0]);   // { kH: 3, kW: 3, sh: 2, sw: 2, ph: 1, pw: 0, dh: 1, dw: 1 }
 */
export function window2d(kernel: Pair, stride: Pair, padding: Pair, dilation: Pair = 1): Window2d {
  return {
    kH: pairAt(kernel, 0),
    kW: pairAt(kernel, 1),
    sh: pairAt(stride, 0),
    sw: pairAt(stride, 1),
    ph: pairAt(padding, 0),
    pw: pairAt(padding, 1),
    dh: pairAt(dilation, 0),
    dw: pairAt(dilation, 1),
  };
}
