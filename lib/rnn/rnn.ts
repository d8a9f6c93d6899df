import { Recurrent, type RecurrentCache, type RecurrentGrads, type RecurrentOptions, type StepAt } from "./bptt";
import { addMatmul, fillBias } from "./kernels";

/**
 * A vanilla (Elman) recurrent layer with tanh over a sequence, with full backpropagation through time.
 *
 *   h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)          W_ih [H, I], W_hh [H, H], b_ih, b_hh [H, 1]
 *   backward: dz_t = ∂L/∂h_t ⊙ (1 − h_t²),  ∂L/∂h_{t−1} += W_hhᵀ·dz_t,  dW_hh = (1/m)·Σ_t dz_t·h_{t−1}ᵀ, …
 *
 * As torch.nn.RNN(I, H) (one layer, tanh, two bias vectors, same initialization), but examples are columns
 * (x_t is [I, m]), a sequence is one tensor [T, I, m] (or T tensors [I, m]) and gradients follow the course's
 * convention (see `Recurrent`). `cache.h` holds h_0 … h_T; `grads.dh` holds ∂L/∂h_t for every t.
 * @example
 *   const rnn = new RNN(1, 16, { rng: createRng(3) });
 *   const H = rnn.forward(X); rnn.backward(dhT); stepNorms(rnn.grads.dh);
 */
export class RNN extends Recurrent<RecurrentCache, RecurrentGrads> {
  readonly kind: string = "rnn";

  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(inputSize, hiddenSize, ["h"], options);
  }

  protected allocateExtra() {
    return { cache: {}, grads: {} };
  }

  protected stepForward(s: number, { Hm, prev, next }: StepAt): void {
    const I = this.inputSize,
      H = this.hiddenSize,
      m = this.m,
      h = this.cache.h.data;
    // The pre-activation is built in h_{s+1}'s own slot, then squashed in place: no scratch buffer.
    fillBias(h, next, this.b_ih.data, this.b_hh.data, H, m);
    addMatmul(h, next, this.W_ih.data, this.cache.X.data, s * I * m, H, I, m);
    addMatmul(h, next, this.W_hh.data, h, prev, H, H, m);
    for (let i = next; i < next + Hm; i++) h[i] = Math.tanh(h[i]);
  }

  protected stepBackward({ Hm, ao, next }: StepAt): void {
    const h = this.cache.h.data,
      dh = this.grads.dh.data,
      dZ = this.grads.dZ.data;
    for (let i = 0; i < Hm; i++) {
      const a = h[next + i];
      dZ[ao + i] = dh[next + i] * (1 - a * a); // tanh′ = 1 − tanh²
    }
    this.dahBuf = dZ;
    this.dahOff = ao;
  }
}
