import { Tensor, shapeError } from "../tensor/tensor";
import { Recurrent, type RecurrentCache, type RecurrentGrads, type RecurrentOptions, type StepAt } from "./bptt";
import { addMatmul, fillBias, sigma } from "./kernels";

/** Named values of an LSTM's last forward: the shared ones plus the cell state c_0 … c_T and tanh(c_t). */
export type LSTMCache = RecurrentCache & {
  /** [T+1, H, m]: c_0 … c_T. */
  c: Tensor;
  /** [H, m]: c_T, a view of `c`. */
  cT: Tensor;
  /** [T, H, m]: tanh(c_1) … tanh(c_T). */
  tanhC: Tensor;
};
/** Named gradients of an LSTM's last backward: the shared ones plus ∂L/∂c_t per step. */
export type LSTMGrads = RecurrentGrads & {
  /** [T+1, H, m]: ∂L/∂c_s in full; slot 0 is dc0. */
  dc: Tensor;
  /** [H, m]: ∂L/∂c_0, a view of `dc`. */
  dc0: Tensor;
};

/**
 * A long short-term memory layer over a sequence, with full backpropagation through time. Gates i, f, g, o are
 * stacked in this order in W_ih [4H, I], W_hh [4H, H], b_ih and b_hh [4H, 1] (PyTorch's order):
 *
 *   [i; f; g; o] = [σ; σ; tanh; σ](W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
 *   backward: ∂L/∂c_t = ∂L/∂h_t ⊙ o ⊙ (1 − tanh²c_t) + f_{t+1} ⊙ ∂L/∂c_{t+1}  (the additive "highway")
 *
 * As torch.nn.LSTM(I, H) (one layer, same initialization U(−1/√H, 1/√H)); examples are columns and gradients follow
 * the course's convention (see `Recurrent`). `gate("f", t)` is f_t; `cache.c` holds c_0 … c_T; `grads.dc` ∂L/∂c_t.
 * @example
 *   const lstm = new LSTM(4, 8, { rng: createRng(2) });
 *   lstm.forward(X, h0, c0); lstm.backward(dhT); lstm.grads.dc0;
 */
export class LSTM extends Recurrent<LSTMCache, LSTMGrads> {
  readonly kind: string = "lstm";

  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(inputSize, hiddenSize, ["i", "f", "g", "o"], options);
  }

  protected allocateExtra(m: number, T: number) {
    const H = this.hiddenSize,
      c = new Tensor([T + 1, H, m]),
      dc = new Tensor([T + 1, H, m]);
    return {
      cache: { c, cT: new Tensor([H, m], c.data.subarray(T * H * m)), tanhC: new Tensor([T, H, m]) },
      grads: { dc, dc0: new Tensor([H, m], dc.data.subarray(0, H * m)) },
    };
  }

  protected startState(c0: Tensor | undefined, m: number): void {
    const Hm = this.hiddenSize * m,
      c = this.cache.c.data;
    if (c0 === undefined) c.fill(0, 0, Hm);
    else {
      if (c0.rows !== this.hiddenSize || c0.size !== Hm) throw shapeError("lstm.forward (c0)", c0.shape, [this.hiddenSize, m]);
      c.set(c0.data);
    }
  }

  protected startGrad(dcT: Tensor | undefined, m: number): void {
    const Hm = this.hiddenSize * m,
      dc = this.grads.dc.data;
    dc.fill(0);
    if (dcT !== undefined) {
      if (dcT.rows !== this.hiddenSize || dcT.size !== Hm) throw shapeError("lstm.backward (dcT)", dcT.shape, [this.hiddenSize, m]);
      dc.set(dcT.data, this.T * Hm);
    }
  }

  protected stepForward(s: number, { Hm, ao, prev, next }: StepAt): void {
    const I = this.inputSize,
      H = this.hiddenSize,
      m = this.m,
      c = this.cache,
      a = c.gates.data,
      h = c.h.data,
      cs = c.c.data,
      tc = c.tanhC.data;
    // Pre-activations of the four gates, squashed in place into the gate cache.
    fillBias(a, ao, this.b_ih.data, this.b_hh.data, 4 * H, m);
    addMatmul(a, ao, this.W_ih.data, c.X.data, s * I * m, 4 * H, I, m);
    addMatmul(a, ao, this.W_hh.data, h, prev, 4 * H, H, m);
    for (let k = 0; k < Hm; k++) {
      const i = sigma(a[ao + k]),
        f = sigma(a[ao + Hm + k]),
        g = Math.tanh(a[ao + 2 * Hm + k]),
        o = sigma(a[ao + 3 * Hm + k]);
      a[ao + k] = i;
      a[ao + Hm + k] = f;
      a[ao + 2 * Hm + k] = g;
      a[ao + 3 * Hm + k] = o;
      const cNew = f * cs[prev + k] + i * g,
        t = Math.tanh(cNew);
      cs[next + k] = cNew;
      tc[prev + k] = t;
      h[next + k] = o * t;
    }
  }

  protected stepBackward({ Hm, ao, prev, next }: StepAt): void {
    const a = this.cache.gates.data,
      cs = this.cache.c.data,
      tc = this.cache.tanhC.data,
      dh = this.grads.dh.data,
      dc = this.grads.dc.data,
      dZ = this.grads.dZ.data;
    for (let k = 0; k < Hm; k++) {
      const i = a[ao + k],
        f = a[ao + Hm + k],
        g = a[ao + 2 * Hm + k],
        o = a[ao + 3 * Hm + k],
        t = tc[prev + k];
      const dhk = dh[next + k];
      // ∂L/∂c_{s+1}: through h_{s+1} = o·tanh(c_{s+1}) plus what step s+2 sent back (f_{s+2}·∂L/∂c_{s+2}).
      const dck = dc[next + k] + dhk * o * (1 - t * t);
      dc[next + k] = dck;
      dc[prev + k] = dck * f; // c_s reaches c_{s+1} through f; its path through h_s is added at step s−1
      dZ[ao + k] = dck * g * i * (1 - i);
      dZ[ao + Hm + k] = dck * cs[prev + k] * f * (1 - f);
      dZ[ao + 2 * Hm + k] = dck * i * (1 - g * g);
      dZ[ao + 3 * Hm + k] = dhk * t * o * (1 - o);
    }
    this.dahBuf = dZ;
    this.dahOff = ao;
  }
}
