import { Tensor } from "../tensor/tensor";
import { Recurrent, type RecurrentCache, type RecurrentGrads, type RecurrentOptions, type StepAt } from "./bptt";
import { addMatmul, fillBias, sigma } from "./kernels";

/** Named values of a GRU's last forward: the shared ones plus W_hn·h_{t−1} + b_hn per step (the part r gates). */
export type GRUCache = RecurrentCache & {
  /** [T, H, m]: W_hn·h_{t−1} + b_hn for t = 1 … T. */
  hn: Tensor;
  /** [3H, m]: scratch for W_ih·x_t + b_ih of the current step. */
  ax: Tensor;
  /** [3H, m]: scratch for W_hh·h_{t−1} + b_hh of the current step. */
  ah: Tensor;
};
/** Named gradients of a GRU's last backward: the shared ones plus the W_hh-side pre-activation gradient of the last step computed. */
export type GRUGrads = RecurrentGrads & {
  /** [3H, m]: ∂L/∂(W_hh·h + b_hh) of the step being processed (scratch; differs from dZ in the n rows). */
  dah: Tensor;
};

/**
 * A gated recurrent unit layer over a sequence, with full backpropagation through time. Gates r, z, n are stacked in
 * this order in W_ih [3H, I], W_hh [3H, H], b_ih and b_hh [3H, 1] (PyTorch's order and equations):
 *
 *   r = σ(W_ir·x + b_ir + W_hr·h_{t−1} + b_hr),   z = σ(W_iz·x + b_iz + W_hz·h_{t−1} + b_hz)
 *   n = tanh(W_in·x + b_in + r ⊙ (W_hn·h_{t−1} + b_hn)),   h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 *
 * As torch.nn.GRU(I, H) (one layer, same initialization); note r multiplies W_hn·h + b_hn, not h (the form of the
 * original paper differs). Examples are columns; gradients follow the course's convention (see `Recurrent`).
 * @example
 *   const gru = new GRU(4, 8, { rng: createRng(2) });
 *   gru.forward(X); gru.backward(dH); gru.gate("z", 3);
 */
export class GRU extends Recurrent<GRUCache, GRUGrads> {
  readonly kind: string = "gru";

  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(inputSize, hiddenSize, ["r", "z", "n"], options);
  }

  protected allocateExtra(m: number, T: number) {
    const H = this.hiddenSize;
    return {
      cache: { hn: new Tensor([T, H, m]), ax: new Tensor([3 * H, m]), ah: new Tensor([3 * H, m]) },
      grads: { dah: new Tensor([3 * H, m]) },
    };
  }

  protected stepForward(s: number, { Hm, ao, prev, next }: StepAt): void {
    const I = this.inputSize,
      H = this.hiddenSize,
      m = this.m,
      c = this.cache,
      ax = c.ax.data,
      ah = c.ah.data,
      a = c.gates.data,
      h = c.h.data,
      hn = c.hn.data;
    fillBias(ax, 0, this.b_ih.data, null, 3 * H, m);
    addMatmul(ax, 0, this.W_ih.data, c.X.data, s * I * m, 3 * H, I, m);
    fillBias(ah, 0, this.b_hh.data, null, 3 * H, m);
    addMatmul(ah, 0, this.W_hh.data, h, prev, 3 * H, H, m);
    for (let k = 0; k < Hm; k++) {
      const r = sigma(ax[k] + ah[k]),
        z = sigma(ax[Hm + k] + ah[Hm + k]),
        hnk = ah[2 * Hm + k];
      const n = Math.tanh(ax[2 * Hm + k] + r * hnk);
      a[ao + k] = r;
      a[ao + Hm + k] = z;
      a[ao + 2 * Hm + k] = n;
      hn[prev + k] = hnk;
      h[next + k] = (1 - z) * n + z * h[prev + k];
    }
  }

  protected stepBackward({ Hm, ao, prev, next }: StepAt): void {
    const a = this.cache.gates.data,
      h = this.cache.h.data,
      hn = this.cache.hn.data,
      dh = this.grads.dh.data,
      dZ = this.grads.dZ.data,
      dah = this.grads.dah.data;
    for (let k = 0; k < Hm; k++) {
      const r = a[ao + k],
        z = a[ao + Hm + k],
        n = a[ao + 2 * Hm + k],
        d = dh[next + k];
      const dan = d * (1 - z) * (1 - n * n); // ∂L/∂(pre-activation of n)
      const dar = dan * hn[prev + k] * r * (1 - r);
      const daz = d * (h[prev + k] - n) * z * (1 - z);
      dZ[ao + k] = dar;
      dZ[ao + Hm + k] = daz;
      dZ[ao + 2 * Hm + k] = dan;
      dah[k] = dar;
      dah[Hm + k] = daz;
      dah[2 * Hm + k] = dan * r; // r gates W_hn·h + b_hn, so its gradient is scaled by r
      dh[prev + k] += d * z; // the direct path h_t = … + z ⊙ h_{t−1}
    }
    this.dahBuf = dah;
    this.dahOff = 0;
  }
}
