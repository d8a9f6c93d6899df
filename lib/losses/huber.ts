import type { Tensor } from "../tensor/tensor";
import { checkLossShapes, lossResult, type Loss, type LossResult, type Reduction } from "./loss";

/**
 * Huber loss, as torch.nn.HuberLoss(delta): quadratic for small residuals, linear beyond δ; mean over all entries.
 *
 *   ℓ(r) = ½r² if |r| < δ else δ(|r| − ½δ),  ℓ′(r) = clamp(r, −δ, δ),  r = ŷ − y
 *
 * (torch's SmoothL1Loss with beta = δ equals this divided by δ.)
 * @example
 *   huber(Tensor.from([[0.5, 3]]), Tensor.from([[0, 0]])).loss;   // (0.125 + 2.5)/2 = 1.3125
 *   huber(Yhat, Y, "mean", 2).loss;                                // δ = 2
 */
export function huber(Yhat: Tensor, Y: Tensor, reduction: Reduction = "mean", delta = 1): LossResult {
  return lossResult((dA) => huberInto(dA, Yhat, Y, delta), Yhat, Yhat.size, reduction);
}

/**
 * `huber` for the training path: returns the mean J and writes dA = clamp(ŷ − y, −δ, δ)/n; allocates nothing.
 *
 *   dA = clamp(r, −δ, δ)/n
 *
 * @example
 *   const J = huberInto(dA, Yhat, Y, 1);
 *   model.backward(dA);
 */
export function huberInto(dA: Tensor, Yhat: Tensor, Y: Tensor, delta = 1): number {
  if (!(delta > 0)) throw new RangeError(`huber: delta must be positive, got ${delta}`);
  checkLossShapes("huber", Yhat, Y, dA);
  const p = Yhat.data,
    y = Y.data,
    d = dA.data,
    inv = 1 / Yhat.rows;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const r = p[i] - y[i],
      a = Math.abs(r);
    s += a < delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    d[i] = (r > delta ? delta : r < -delta ? -delta : r) * inv;
  }
  return s / p.length;
}

/**
 * A Huber loss object with its δ fixed, for the training loop.
 *
 *   ℓ(r) = ½r² if |r| < δ else δ(|r| − ½δ)
 *
 * @example
 *   const loss = createHuber(0.5);
 *   loss.compute(Yhat, Y).loss;
 */
export function createHuber(delta = 1): Loss {
  return {
    name: "huber",
    compute: (input, Y, reduction) => huber(input, Y, reduction, delta),
    computeInto: (dA, input, Y) => huberInto(dA, input, Y, delta),
  };
}
