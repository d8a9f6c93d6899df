import type { Loss } from "../losses/loss";
import { Tensor, shapeError } from "../tensor/tensor";
import { stepViews } from "./sequence";

/**
 * A loss on every step of a sequence: the sum over steps of the loss's mean over examples, with the per-example
 * gradient written into dA [T, K, m] (step views are cached, so a training step allocates nothing).
 *
 *   J = Σ_t (1/m) Σ_j ℓ(ŷ_t⁽ʲ⁾, y_t⁽ʲ⁾),   dA_t = the loss's dA for step t
 *
 * Summing over t (rather than averaging) makes ∂J/∂h_t the same whether the loss sits on one step or all of them;
 * PyTorch users often average over t too (divide J and dA by T to match).
 * @example
 *   const J = sequenceLossInto(losses.halfMse, dY, readout.forward(rnn.forward(X)), Y);
 *   rnn.backward(readout.backward(dY));
 */
export function sequenceLossInto(loss: Loss, dA: Tensor, Yhat: Tensor, Y: Tensor): number {
  if (Yhat.shape.length !== 3 || dA.shape.length !== 3 || dA.size !== Yhat.size || Y.shape.length !== 3 || Y.shape[0] !== Yhat.shape[0]) {
    throw shapeError(`sequenceLoss (${loss.name})`, Yhat.shape, Y.shape, "do not fit: prediction, target and dA are sequences [T, K, m]");
  }
  const p = stepViews(Yhat), y = stepViews(Y), d = stepViews(dA);
  let J = 0;
  for (let t = 0; t < p.length; t++) J += loss.computeInto(d[t], p[t], y[t]);
  return J;
}
