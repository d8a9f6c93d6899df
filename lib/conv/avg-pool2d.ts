import { Tensor, shapeError } from "../tensor/tensor";
import { dims4, type Pair, window2d } from "./geometry";
import { type Pool2dOptions, pool2dOutputShape } from "./pool-geometry";

/** Options of average pooling: the window's stride and padding, and whether padded zeros count in the mean. */
export interface AvgPool2dOptions extends Pool2dOptions {
  /** Divide by the whole window kH·kW, padded zeros included (default true, as PyTorch), or by the real inputs only. */
  countIncludePad?: boolean;
}

/**
 * 2-D average pooling as `torch.nn.functional.avg_pool2d(X, kernel, stride, padding)`: the mean of each window.
 *
 *   Y[n, c, i, j] = (1/D) Σ over the window at (i·s_h − p_h, j·s_w − p_w) of X[n, c]   (padding is 0)
 *   D = kH·kW (countIncludePad, default) or the number of real inputs in the window
 *
 * @example
 *   avgPool2d(new Tensor([1, 1, 2, 2], [1, 4, 3, 2]), 2).data;   // [2.5]
 *   avgPool2d(X, 3, { stride: 1, padding: 1 });                     // same size, blurred
 */
export function avgPool2d(X: Tensor, kernel: Pair, options: AvgPool2dOptions = {}): Tensor {
  return avgPool2dInto(new Tensor(pool2dOutputShape(X.shape, kernel, options)), X, kernel, options);
}

/**
 * `avgPool2d` written into a preallocated `out`; allocates nothing.
 *
 *   out ← avgPool2d(X)
 *
 * @example
 *   avgPool2dInto(Y, X, 2);
 */
export function avgPool2dInto(out: Tensor, X: Tensor, kernel: Pair, options: AvgPool2dOptions = {}): Tensor {
  return avgPoolPass(out, X, kernel, options, false);
}

/**
 * The backward pass of `avgPool2d`: each dY entry is shared equally, 1/D each, by the inputs of its window (and adds
 * up where windows overlap).
 *
 *   dX[n, c, r, q] = Σ over windows (i, j) that hold (r, q) of dY[n, c, i, j] / D
 *
 * @example
 *   avgPool2dBackward(Tensor.full([1, 1, 1, 1], 1), [1, 1, 2, 2], 2).data;   // [0.25, 0.25, 0.25, 0.25]
 */
export function avgPool2dBackward(dY: Tensor, inputShape: readonly number[], kernel: Pair, options: AvgPool2dOptions = {}): Tensor {
  return avgPool2dBackwardInto(new Tensor(inputShape), dY, kernel, options);
}

/**
 * `avgPool2dBackward` written into a preallocated dX (overwritten); allocates nothing.
 *
 *   dX ← avgPool2dBackward(dY)
 *
 * @example
 *   avgPool2dBackwardInto(dX, dY, 2);
 */
export function avgPool2dBackwardInto(dX: Tensor, dY: Tensor, kernel: Pair, options: AvgPool2dOptions = {}): Tensor {
  return avgPoolPass(dY, dX, kernel, options, true);
}

// One loop for both directions: forward reads the window of X into Y; backward spreads dY over the window of dX.
function avgPoolPass(Y: Tensor, X: Tensor, kernel: Pair, options: AvgPool2dOptions, backward: boolean): Tensor {
  const who = backward ? "avgPool2dBackward" : "avgPool2d";
  const [N, C, H, W] = dims4(X, who);
  const [Ny, Cy, Ho, Wo] = dims4(Y, who);
  const expected = pool2dOutputShape(X.shape, kernel, options);
  if (Ny !== N || Cy !== C || Ho !== expected[2] || Wo !== expected[3])
    throw shapeError(who, expected, Y.shape, backward ? "(Y and dY) do not match" : "(expected and out) do not match");
  const { stride = kernel, padding = 0, countIncludePad = true } = options;
  const { kH, kW, sh, sw, ph, pw } = window2d(kernel, stride, padding);
  const x = X.data,
    y = Y.data;
  if (backward) x.fill(0);
  for (let plane = 0; plane < N * C; plane++) {
    const xBase = plane * H * W,
      yBase = plane * Ho * Wo;
    for (let i = 0; i < Ho; i++) {
      const r0 = Math.max(i * sh - ph, 0),
        r1 = Math.min(i * sh - ph + kH, H);
      for (let j = 0; j < Wo; j++) {
        const q0 = Math.max(j * sw - pw, 0),
          q1 = Math.min(j * sw - pw + kW, W);
        // NOTE: with the floor rule every window ends inside the padded input, so the full window is kH·kW.
        const inv = 1 / (countIncludePad ? kH * kW : (r1 - r0) * (q1 - q0));
        if (backward) {
          const share = y[yBase + i * Wo + j] * inv;
          for (let r = r0; r < r1; r++) for (let q = q0; q < q1; q++) x[xBase + r * W + q] += share;
        } else {
          let s = 0;
          for (let r = r0; r < r1; r++) for (let q = q0; q < q1; q++) s += x[xBase + r * W + q];
          y[yBase + i * Wo + j] = s * inv;
        }
      }
    }
  }
  return backward ? X : Y;
}
