import { Tensor, shapeError } from "../tensor/tensor";
import { convOutputSize } from "../layers/conv-arithmetic";
import { dims4, type Pair, pairAt, window2d } from "./geometry";

/** Stride, zero padding (added on both sides) and dilation of a convolution, per axis or one for both; all default as PyTorch. */
export interface Conv2dOptions {
  /** Step of the window (default 1). */
  stride?: Pair;
  /** Zeros added on each side of the input (default 0). */
  padding?: Pair;
  /** Spacing between kernel taps (default 1). */
  dilation?: Pair;
}

/**
 * The output shape [N, C_out, H_out, W_out] of `conv2d` on an input X [N, C_in, H, W] with weights [C_out, C_in, kH, kW].
 * @example
 *   conv2dOutputShape([1, 3, 32, 32], [8, 3, 3, 3], { padding: 1 });   // [1, 8, 32, 32]
 */
export function conv2dOutputShape(xShape: readonly number[], wShape: readonly number[], options: Conv2dOptions = {}): number[] {
  const { stride = 1, padding = 0, dilation = 1 } = options;
  if (xShape.length !== 4 || wShape.length !== 4 || xShape[1] !== wShape[1])
    throw shapeError("conv2d", xShape, wShape, "(X [N, C_in, H, W] and W [C_out, C_in, kH, kW]) do not match");
  const axis = (a: 0 | 1) =>
    convOutputSize(xShape[2 + a], wShape[2 + a], { stride: pairAt(stride, a), padding: pairAt(padding, a), dilation: pairAt(dilation, a) });
  return [xShape[0], wShape[0], axis(0), axis(1)];
}

/**
 * 2-D convolution as `torch.nn.functional.conv2d`: a cross-correlation (the kernel is not flipped) of X [N, C_in, H, W]
 * with W [C_out, C_in, kH, kW], plus one bias per output channel.
 *
 *   Y[n, o, i, j] = b[o] + Σ_c Σ_u Σ_v W[o, c, u, v] · X[n, c, i·s_h − p_h + u·d_h, j·s_w − p_w + v·d_w]   (X is 0 outside)
 *
 * @example
 *   const X = new Tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
 *   conv2d(X, new Tensor([1, 1, 2, 2], [1, 0, 0, -1])).data;   // [-4, -4, -4, -4]
 */
export function conv2d(X: Tensor, W: Tensor, b: Tensor | null = null, options: Conv2dOptions = {}): Tensor {
  return conv2dInto(new Tensor(conv2dOutputShape(X.shape, W.shape, options)), X, W, b, options);
}

/**
 * `conv2d` written into a preallocated `out` [N, C_out, H_out, W_out]; allocates nothing.
 *
 *   out ← conv2d(X, W, b)
 *
 * @example
 *   conv2dInto(Y, X, W, b, { stride: 2 });
 */
export function conv2dInto(out: Tensor, X: Tensor, W: Tensor, b: Tensor | null = null, options: Conv2dOptions = {}): Tensor {
  const [N, C, H, Wd] = dims4(X, "conv2d");
  const [O, Cw, kH, kW] = dims4(W, "conv2d");
  const [No, Oo, Ho, Wo] = dims4(out, "conv2d");
  if (Cw !== C || No !== N || Oo !== O)
    throw shapeError("conv2d", X.shape, W.shape, `(X, W and out [${out.shape.join(", ")}]) do not match`);
  if (b !== null && b.size !== O) throw shapeError("conv2d", [O], b.shape, "(bias) has one entry per output channel");
  const { stride = 1, padding = 0, dilation = 1 } = options;
  const { sh, sw, ph, pw, dh, dw } = window2d(1, stride, padding, dilation);
  const x = X.data,
    w = W.data,
    y = out.data;
  for (let n = 0; n < N; n++)
    for (let o = 0; o < O; o++) {
      const bias = b === null ? 0 : b.data[o],
        yBase = (n * O + o) * Ho * Wo;
      for (let i = 0; i < Ho; i++) {
        const r0 = i * sh - ph,
          u0 = firstTap(r0, dh),
          u1 = endTap(r0, dh, kH, H);
        for (let j = 0; j < Wo; j++) {
          const q0 = j * sw - pw,
            v0 = firstTap(q0, dw),
            v1 = endTap(q0, dw, kW, Wd);
          let s = bias;
          for (let c = 0; c < C; c++) {
            const xBase = (n * C + c) * H * Wd + r0 * Wd + q0,
              wBase = (o * C + c) * kH * kW;
            // NOTE: only the taps that land inside the image (u0..u1, v0..v1): padded zeros add nothing.
            for (let u = u0; u < u1; u++) {
              const xRow = xBase + u * dh * Wd,
                wRow = wBase + u * kW;
              for (let v = v0; v < v1; v++) s += w[wRow + v] * x[xRow + v * dw];
            }
          }
          y[yBase + i * Wo + j] = s;
        }
      }
    }
  return out;
}

/** Gradients of `conv2d`: dX like X, dW like W, db [C_out]. */
export type Conv2dGrads = { dX: Tensor; dW: Tensor; db: Tensor };

/**
 * The backward pass of `conv2d`: from dY = ∂L/∂Y, the gradients with respect to X, W and b (as PyTorch's autograd, no 1/N).
 *
 *   db[o] = Σ_{n,i,j} dY[n, o, i, j]
 *   dW[o, c, u, v] = Σ_{n,i,j} dY[n, o, i, j] · X[n, c, i·s_h − p_h + u·d_h, j·s_w − p_w + v·d_w]
 *   dX[n, c, r, q] = Σ over every (o, i, j, u, v) whose tap lands on (r, q) of dY[n, o, i, j] · W[o, c, u, v]
 *
 * @example
 *   const { dX, dW, db } = conv2dBackward(dY, X, W, { padding: 1 });
 *   db.data;   // each output channel's Σ dY
 */
export function conv2dBackward(dY: Tensor, X: Tensor, W: Tensor, options: Conv2dOptions = {}): Conv2dGrads {
  const grads = { dX: new Tensor(X.shape), dW: new Tensor(W.shape), db: new Tensor([W.shape[0]]) };
  conv2dBackwardInto(grads, dY, X, W, options);
  return grads;
}

/**
 * `conv2dBackward` written into preallocated dX, dW, db (overwritten, not accumulated); allocates nothing.
 * With `dX` null the input gradient is skipped (the first layer of a network never needs it).
 *
 *   dX, dW, db ← conv2dBackward(dY, X, W)
 *
 * @example
 *   conv2dBackwardInto({ dX, dW, db }, dY, X, W, { stride: 2 });
 *   conv2dBackwardInto({ dX: null, dW, db }, dY, X, W);   // parameters only
 */
export function conv2dBackwardInto(
  grads: { dX: Tensor | null; dW: Tensor; db: Tensor | null },
  dY: Tensor,
  X: Tensor,
  W: Tensor,
  options: Conv2dOptions = {},
): void {
  const [N, C, H, Wd] = dims4(X, "conv2dBackward");
  const [O, , kH, kW] = dims4(W, "conv2dBackward");
  const [Ny, Oy, Ho, Wo] = dims4(dY, "conv2dBackward");
  const expected = conv2dOutputShape(X.shape, W.shape, options);
  if (Ny !== N || Oy !== O || Ho !== expected[2] || Wo !== expected[3])
    throw shapeError("conv2dBackward", expected, dY.shape, "(Y and dY) do not match");
  const { dX, dW, db } = grads;
  if (dX !== null && dX.size !== X.size) throw shapeError("conv2dBackward", X.shape, dX.shape, "(X and dX) do not match");
  if (dW.size !== W.size) throw shapeError("conv2dBackward", W.shape, dW.shape, "(W and dW) do not match");
  if (db !== null && db.size !== O) throw shapeError("conv2dBackward", [O], db.shape, "(b and db) do not match");
  const { stride = 1, padding = 0, dilation = 1 } = options;
  const { sh, sw, ph, pw, dh, dw } = window2d(1, stride, padding, dilation);
  const x = X.data,
    w = W.data,
    g = dY.data,
    gw = dW.data,
    gx = dX === null ? null : dX.data;
  gw.fill(0);
  if (gx !== null) gx.fill(0);
  if (db !== null) db.data.fill(0);
  for (let n = 0; n < N; n++)
    for (let o = 0; o < O; o++) {
      const gBase = (n * O + o) * Ho * Wo;
      for (let i = 0; i < Ho; i++) {
        const r0 = i * sh - ph,
          u0 = firstTap(r0, dh),
          u1 = endTap(r0, dh, kH, H);
        for (let j = 0; j < Wo; j++) {
          const d = g[gBase + i * Wo + j],
            q0 = j * sw - pw,
            v0 = firstTap(q0, dw),
            v1 = endTap(q0, dw, kW, Wd);
          if (db !== null) db.data[o] += d;
          for (let c = 0; c < C; c++) {
            const xBase = (n * C + c) * H * Wd + r0 * Wd + q0,
              wBase = (o * C + c) * kH * kW;
            for (let u = u0; u < u1; u++) {
              const xRow = xBase + u * dh * Wd,
                wRow = wBase + u * kW;
              for (let v = v0; v < v1; v++) {
                gw[wRow + v] += d * x[xRow + v * dw];
                if (gx !== null) gx[xRow + v * dw] += d * w[wRow + v];
              }
            }
          }
        }
      }
    }
}

// The first tap u with start + u·step ≥ 0, and one past the last with start + u·step < size (at most k): the taps of a
// window that land inside the image.
function firstTap(start: number, step: number): number {
  return start >= 0 ? 0 : Math.ceil(-start / step);
}
function endTap(start: number, step: number, k: number, size: number): number {
  return Math.max(0, Math.min(k, Math.floor((size - 1 - start) / step) + 1));
}
