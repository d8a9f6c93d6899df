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
  const p = stepViews(Yhat),
    y = stepViews(Y),
    d = stepViews(dA);
  let J = 0;
  for (let t = 0; t < p.length; t++) J += loss.computeInto(d[t], p[t], y[t]);
  return J;
}

/**
 * A per-step loss as one `Loss` object on sequences [T, K, m], so the engine's Trainer can train a recurrent model:
 * `computeInto` is `sequenceLossInto` (J summed over steps, averaged over the m examples, dA per example).
 *
 *   J = Σ_t (1/m) Σ_j ℓ(ŷ_t⁽ʲ⁾, y_t⁽ʲ⁾);   reduction 'sum' gives Σ_t Σ_j ℓ
 *
 * @example
 *   const loss = sequenceLoss(losses.halfMse);
 *   new Trainer({ model: new Sequential([lstm, readout]), loss, optimizer, X, Y, batchSize: 8 });
 */
export function sequenceLoss(loss: Loss): Loss {
  return {
    name: `sequence ${loss.name}`,
    computeInto: (dA, input, Y) => sequenceLossInto(loss, dA, input, Y),
    compute(input, Y, reduction = "mean") {
      if (reduction !== "mean" && reduction !== "sum")
        throw new RangeError(`sequenceLoss: unknown reduction '${reduction}' (use 'mean' or 'sum')`);
      const dA = new Tensor(input.shape),
        J = sequenceLossInto(loss, dA, input, Y),
        m = input.shape[2];
      // ∂J/∂ŷ is dA/m; a sum over examples multiplies J and the gradient by m.
      const factor = reduction === "sum" ? 1 : 1 / m,
        grad = new Tensor(input.shape);
      for (let i = 0; i < grad.size; i++) grad.data[i] = factor * dA.data[i];
      return { loss: reduction === "sum" ? J * m : J, grad, dA };
    },
  };
}
