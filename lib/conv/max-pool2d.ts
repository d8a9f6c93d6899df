import { Tensor, shapeError } from "../tensor/tensor";
import { dims4, type Pair, window2d } from "./geometry";
import { type Pool2dOptions, pool2dOutputShape } from "./pool-geometry";

/**
 * 2-D max pooling as `torch.nn.functional.max_pool2d(X, kernel, stride, padding, return_indices=True)`: the largest
 * input in each window, and where it was.
 *
 *   Y[n, c, i, j] = max over the window at (i·s_h − p_h, j·s_w − p_w) of X[n, c]   (padding counts as −∞)
 *   indices[n, c, i, j] = r·W + q of that maximum (flat index in its own H × W plane, as PyTorch)
 *
 * NOTE: ties go to the first maximum in row-major order and a NaN wins (it propagates), as PyTorch's CPU kernel.
 * @example
 *   const X = new Tensor([1, 1, 2, 2], [1, 4, 3, 2]);
 *   maxPool2d(X, 2).output.data;    // [4]
 *   maxPool2d(X, 2).indices.data;   // [1]
 */
export function maxPool2d(X: Tensor, kernel: Pair, options: Pool2dOptions = {}): { output: Tensor; indices: Tensor } {
  const shape = pool2dOutputShape(X.shape, kernel, options);
  const output = new Tensor(shape),
    indices = new Tensor(shape);
  maxPool2dInto(output, indices, X, kernel, options);
  return { output, indices };
}

/**
 * `maxPool2d` written into preallocated `out` and `indices` (integers stored as numbers); allocates nothing.
 *
 *   out, indices ← maxPool2d(X)
 *
 * @example
 *   maxPool2dInto(Y, idx, X, 2);
 */
export function maxPool2dInto(out: Tensor, indices: Tensor, X: Tensor, kernel: Pair, options: Pool2dOptions = {}): Tensor {
  const [N, C, H, W] = dims4(X, "maxPool2d");
  const [No, Co, Ho, Wo] = dims4(out, "maxPool2d");
  if (No !== N || Co !== C || indices.size !== out.size) throw shapeError("maxPool2d", X.shape, out.shape, "(X and out) do not match");
  const { stride = kernel, padding = 0 } = options;
  const { kH, kW, sh, sw, ph, pw } = window2d(kernel, stride, padding);
  const x = X.data,
    y = out.data,
    idx = indices.data;
  for (let plane = 0; plane < N * C; plane++) {
    const xBase = plane * H * W,
      yBase = plane * Ho * Wo;
    for (let i = 0; i < Ho; i++) {
      const r0 = Math.max(i * sh - ph, 0),
        r1 = Math.min(i * sh - ph + kH, H);
      for (let j = 0; j < Wo; j++) {
        const q0 = Math.max(j * sw - pw, 0),
          q1 = Math.min(j * sw - pw + kW, W);
        let best = Number.NEGATIVE_INFINITY,
          at = r0 * W + q0;
        for (let r = r0; r < r1; r++)
          for (let q = q0; q < q1; q++) {
            const v = x[xBase + r * W + q];
            if (v > best || Number.isNaN(v)) {
              best = v;
              at = r * W + q;
            }
          }
        y[yBase + i * Wo + j] = best;
        idx[yBase + i * Wo + j] = at;
      }
    }
  }
  return out;
}

/**
 * The backward pass of `maxPool2d`: each dY entry goes to the input that won its window (and adds up where windows
 * overlap); every other input gets 0.
 *
 *   dX[n, c, r, q] = Σ over (i, j) with indices[n, c, i, j] = r·W + q of dY[n, c, i, j]
 *
 * @example
 *   const { output, indices } = maxPool2d(X, 2);
 *   maxPool2dBackward(dY, indices, X.shape);   // dX, zero except at the maxima
 */
export function maxPool2dBackward(dY: Tensor, indices: Tensor, inputShape: readonly number[]): Tensor {
  return maxPool2dBackwardInto(new Tensor(inputShape), dY, indices);
}

/**
 * `maxPool2dBackward` written into a preallocated dX (overwritten); allocates nothing.
 *
 *   dX ← maxPool2dBackward(dY, indices)
 *
 * @example
 *   maxPool2dBackwardInto(dX, dY, indices);
 */
export function maxPool2dBackwardInto(dX: Tensor, dY: Tensor, indices: Tensor): Tensor {
  const [N, C, H, W] = dims4(dX, "maxPool2dBackward");
  const [Ny, Cy, Ho, Wo] = dims4(dY, "maxPool2dBackward");
  if (Ny !== N || Cy !== C || indices.size !== dY.size)
    throw shapeError("maxPool2dBackward", dX.shape, dY.shape, "(dX and dY) do not match");
  const gx = dX.data,
    g = dY.data,
    idx = indices.data;
  gx.fill(0);
  for (let plane = 0; plane < N * C; plane++) {
    const xBase = plane * H * W,
      yBase = plane * Ho * Wo;
    for (let k = 0; k < Ho * Wo; k++) gx[xBase + idx[yBase + k]] += g[yBase + k];
  }
  return dX;
}
