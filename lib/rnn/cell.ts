import type { Param } from "../layers/layer";
import type { Tensor } from "../tensor/tensor";
import type { Recurrent } from "./bptt";
import { stepOf } from "./sequence";

/**
 * One step of a recurrent layer as a module of its own (PyTorch's RNNCell/LSTMCell/GRUCell): forward(x_t, h_{t−1})
 * gives h_t, backward(∂L/∂h_t) gives dx_t and fills dh_prev and the weight gradients. It runs its `layer` with T = 1,
 * so the arithmetic is exactly the layer's; the parameters are the layer's (`params()`, `paramArrays(cell.layer)`).
 *
 *   h_t = cell(x_t, h_{t−1}),   dx_t = ∂L/∂x_t,   dh_prev = ∂L/∂h_{t−1}
 *
 * @example
 *   const cell = new RNNCell(2, 3); const h1 = cell.forward(x1);
 *   cell.backward(dh1); cell.dh_prev; cell.layer.dW_hh;
 */
export class RecurrentCell<L extends Recurrent> {
  /** A one-step sequence holding x_t (reused: no array per call). */
  protected readonly one: Tensor[] = [];

  constructor(readonly layer: L) {}

  get W_ih(): Tensor {
    return this.layer.W_ih;
  }
  get W_hh(): Tensor {
    return this.layer.W_hh;
  }
  get b_ih(): Tensor {
    return this.layer.b_ih;
  }
  get b_hh(): Tensor {
    return this.layer.b_hh;
  }

  /** h_t [H, m] from x_t [I, m] and h_{t−1} [H, m] (zeros when omitted); the layer's buffer, overwritten by the next call. */
  forward(x: Tensor, h_prev?: Tensor): Tensor {
    this.one[0] = x;
    this.layer.forward(this.one, h_prev);
    return this.layer.cache.hT;
  }

  /** dx_t [I, m] from ∂L/∂h_t [H, m] (per example); fills dh_prev and the layer's dW_ih, dW_hh, db_ih, db_hh. */
  backward(dh: Tensor): Tensor {
    return stepOf(this.layer.backward(dh), 0);
  }

  /** ∂L/∂h_{t−1} [H, m] from the last backward. */
  get dh_prev(): Tensor {
    return this.layer.grads.dh0;
  }

  /** The layer's parameters (W_ih, W_hh, b_ih, b_hh). */
  params(): Param[] {
    return this.layer.params();
  }
}
