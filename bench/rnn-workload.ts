// Workload (c): a tanh RNN trained by backpropagation through time. Shapes, the shared starting weights and data
// that every engine receives (so all of them do the same arithmetic), and the loss:
//   h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh), h_0 = 0;  ŷ = W_hy·h_T + b_y;  J = (1/2m)·Σ_j ‖ŷ⁽ʲ⁾ − y⁽ʲ⁾‖²
import { createRng } from "../lib/random/rng";

export const rnnWorkload = { name: "(c) tanh RNN T=20, batch 8, 8→32, read-out 4", T: 20, batch: 8, input: 8, hidden: 32, output: 4 };
export type RnnWorkload = typeof rnnWorkload;

export interface RnnProblem {
  /** Row-major, examples as columns: W_ih [H, I], W_hh [H, H], b_ih, b_hh [H], W_hy [O, H], b_y [O]. */
  W_ih: Float64Array;
  W_hh: Float64Array;
  b_ih: Float64Array;
  b_hh: Float64Array;
  W_hy: Float64Array;
  b_y: Float64Array;
  /** X [T, I, m]: step t at offset t·I·m. */
  X: Float64Array;
  /** Y [O, m]: the target of the read-out of h_T. */
  Y: Float64Array;
}

/** PyTorch's RNN initialization U(−1/√H, 1/√H), a Xavier-uniform read-out with zero bias, standard-normal data. */
export function makeRnnProblem(w: RnnWorkload, seed = 3): RnnProblem {
  const rng = createRng(seed),
    { T, batch: m, input: I, hidden: H, output: O } = w,
    k = 1 / Math.sqrt(H),
    a = Math.sqrt(6 / (H + O));
  const draw = (n: number, lim: number) => Float64Array.from({ length: n }, () => rng.uniform(-lim, lim));
  return {
    W_ih: draw(H * I, k),
    W_hh: draw(H * H, k),
    b_ih: draw(H, k),
    b_hh: draw(H, k),
    W_hy: draw(O * H, a),
    b_y: new Float64Array(O),
    X: Float64Array.from({ length: T * I * m }, () => rng.normal()),
    Y: Float64Array.from({ length: O * m }, () => rng.normal()),
  };
}
