import type { Tensor } from "../tensor/tensor";
import type { RecurrentOptions } from "./bptt";
import { RecurrentCell } from "./cell";
import { GRU } from "./gru";

/**
 * One step of a GRU, as torch.nn.GRUCell (examples are columns; gates r, z, n stacked in that order).
 *
 *   r = σ(W_ir·x + b_ir + W_hr·h + b_hr),  z = σ(W_iz·x + b_iz + W_hz·h + b_hz),
 *   n = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn)),  h_t = (1 − z)⊙n + z⊙h_{t−1}
 *
 * @example
 *   const cell = new GRUCell(3, 2, { rng: createRng(4) });
 *   cell.forward(x, h0); cell.gate("z"); cell.backward(dh); cell.dh_prev;
 */
export class GRUCell extends RecurrentCell<GRU> {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(new GRU(inputSize, hiddenSize, options));
  }

  /** A gate's activation ("r", "z" or "n") [H, m] of the last forward. */
  gate(name: "r" | "z" | "n"): Tensor {
    return this.layer.gate(name, 1);
  }
}
