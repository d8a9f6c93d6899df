import type { RecurrentOptions } from "./bptt";
import { RecurrentCell } from "./cell";
import { RNN } from "./rnn";

/**
 * One step of a vanilla tanh RNN, as torch.nn.RNNCell (examples are columns).
 *
 *   h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)
 *
 * Backward gives dx_t and fills `dh_prev` = W_hhᵀ·(∂L/∂h_t ⊙ (1 − h_t²)) and the weight gradients of the mean cost.
 * @example
 *   const cell = new RNNCell(1, 1); cell.W_ih.data[0] = 0.5;
 *   const h1 = cell.forward(x1); const h2 = cell.forward(x2, h1.clone());
 */
export class RNNCell extends RecurrentCell<RNN> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(new RNN(inputSize, hiddenSize, options));
  }
}
