import type { Rng } from "../random/rng";
import { Tensor } from "../tensor/tensor";
import { fans, type FanOut } from "./fans";

/**
 * A (semi-)orthogonal weight matrix times a gain, as torch.nn.init.orthogonal_: a Gaussian matrix orthonormalised by
 * Gram–Schmidt, so every singular value equals `gain` (rows orthonormal when fanOut ≤ fanIn, columns otherwise).
 *
 *   W = gain·Q,  QQᵀ = I (fanOut ≤ fanIn) or QᵀQ = I (fanOut > fanIn);  ‖W·v‖ = gain·‖v‖ for a square W
 *
 * Differs from PyTorch in the method (Gram–Schmidt on rows, not a QR with sign correction), so the draws differ for
 * the same seed; the distribution (uniform over orthogonal matrices) is the same. Used for recurrent weights, where
 * the gain is W_hh's largest singular value and sets whether gradients through time shrink or grow.
 * @example
 *   const W_hh = orthogonal(createRng(1), 16, 16, { gain: 0.9 });   // every singular value 0.9
 *   orthogonal(rng, [4, 8]);                                         // 4 orthonormal rows
 */
export function orthogonal(rng: Rng, fanOut: FanOut, fanIn?: number, options: { gain?: number } = {}): Tensor {
  const f = fans(fanOut, fanIn),
    gain = options.gain ?? 1;
  const rows = f.fanOut,
    cols = f.fanIn;
  // Orthonormalise the shorter side: r vectors of length n.
  const r = Math.min(rows, cols),
    n = Math.max(rows, cols),
    q = new Float64Array(r * n);
  for (let k = 0; k < r; k++) {
    // NOTE: redraw the (astronomically unlikely) vector that is dependent on the earlier ones.
    for (let tries = 0; ; tries++) {
      for (let i = 0; i < n; i++) q[k * n + i] = rng.normal();
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < k; j++) {
          let d = 0;
          for (let i = 0; i < n; i++) d += q[k * n + i] * q[j * n + i];
          for (let i = 0; i < n; i++) q[k * n + i] -= d * q[j * n + i];
        }
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += q[k * n + i] ** 2;
      if (s > 1e-12 || tries > 10) {
        const inv = 1 / Math.sqrt(s);
        for (let i = 0; i < n; i++) q[k * n + i] *= inv;
        break;
      }
    }
  }
  const W = new Tensor([rows, cols]);
  for (let k = 0; k < r; k++) {
    for (let i = 0; i < n; i++) {
      // Vectors are the rows of W when rows ≤ cols, its columns otherwise.
      if (rows <= cols) W.data[k * cols + i] = gain * q[k * n + i];
      else W.data[i * cols + k] = gain * q[k * n + i];
    }
  }
  return W;
}
