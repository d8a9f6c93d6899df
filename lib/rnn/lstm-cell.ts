import type { Tensor } from "../tensor/tensor";
import type { RecurrentOptions } from "./bptt";
import { RecurrentCell } from "./cell";
import { LSTM } from "./lstm";
import { stepOf } from "./sequence";

/**
 * One step of an LSTM, as torch.nn.LSTMCell (examples are columns; gates i, f, g, o stacked in that order).
 *
 *   [i; f; g; o] = [σ; σ; tanh; σ](W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh),   c_t = f⊙c_{t−1} + i⊙g,   h_t = o⊙tanh(c_t)
 *
 * forward returns h_t (c_t is `cell.c`); backward takes ∂L/∂h_t and optionally ∂L/∂c_t, and fills dh_prev, dc_prev.
 * @example
 *   const cell = new LSTMCell(3, 2, { rng: createRng(4) });
 *   const h = cell.forward(x, h0, c0); cell.c; cell.gate("f");
 */
export class LSTMCell extends RecurrentCell<LSTM> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(new LSTM(inputSize, hiddenSize, options));
  }

  /** h_t [H, m] from x_t, h_{t−1} and c_{t−1} (zeros when omitted). */
  forward(x: Tensor, h_prev?: Tensor, c_prev?: Tensor): Tensor {
    this.one[0] = x;
    this.layer.forward(this.one, h_prev, c_prev);
    return this.layer.cache.hT;
  }

  /** dx_t [I, m] from ∂L/∂h_t and (optionally) ∂L/∂c_t, per example. */
  backward(dh: Tensor, dc?: Tensor): Tensor {
    return stepOf(this.layer.backward(dh, true, dc), 0);
  }

  /** c_t [H, m] of the last forward. */
  get c(): Tensor {
    return this.layer.cache.cT;
  }

  /** ∂L/∂c_{t−1} [H, m] of the last backward. */
  get dc_prev(): Tensor {
    return this.layer.grads.dc0;
  }

  /** A gate's activation ("i", "f", "g" or "o") [H, m] of the last forward. */
  gate(name: "i" | "f" | "g" | "o"): Tensor {
    return this.layer.gate(name, 1);
  }
}
