import type { Tensor } from "../tensor/tensor";
import { checkLossShapes, lossResult, type LossResult, type Reduction } from "./loss";

/**
 * Mean squared error as torch.nn.MSELoss: the mean over ALL entries (n outputs × m examples).
 *
 *   J = (1/(n·m)) Σ_ij (ŷ_ij − y_ij)²,  ∂J/∂ŷ = 2(ŷ − y)/(n·m)     ('sum': no 1/(n·m))
 *
 * Not the course's cost, which halves and averages over examples only: see `halfMse`.
 * @example
 *   mse(Tensor.from([[1, 3]]), Tensor.from([[0, 1]])).loss;   // (1 + 4)/2 = 2.5
 *   mse(Yhat, Y, "sum").loss;                                  // 5
 */
export function mse(Yhat: Tensor, Y: Tensor, reduction: Reduction = "mean"): LossResult {
  return lossResult((dA) => mseInto(dA, Yhat, Y), Yhat, Yhat.size, reduction);
}

/**
 * `mse` for the training path: returns the mean J and writes the per-example gradient dA; allocates nothing.
 *
 *   dA = m·∂J/∂ŷ = 2(ŷ − y)/n
 *
 * @example
 *   const J = mseInto(dA, Yhat, Y);
 *   model.backward(dA);
 */
export function mseInto(dA: Tensor, Yhat: Tensor, Y: Tensor): number {
  checkLossShapes("mse", Yhat, Y, dA);
  const p = Yhat.data,
    y = Y.data,
    d = dA.data,
    c = 2 / Yhat.rows;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const r = p[i] - y[i];
    s += r * r;
    d[i] = c * r;
  }
  return s / p.length;
}

/**
 * The course's squared-error cost: half the squared error, averaged over examples (columns) only.
 *
 *   J = (1/(2m)) Σ_j ‖ŷ⁽ʲ⁾ − y⁽ʲ⁾‖²,  dA = ŷ − y (per example),  ∂J/∂ŷ = (ŷ − y)/m
 *
 * Equals torch's MSELoss/2 when there is one output (n = 1); 'sum' gives ½Σ(ŷ − y)².
 * @example
 *   halfMse(Tensor.from([[1, 3]]), Tensor.from([[0, 1]])).loss;   // (1 + 4)/(2·2) = 1.25
 *   halfMse(Yhat, Y).dA;                                           // Ŷ − Y, so dZ = Ŷ − Y for a linear output
 */
export function halfMse(Yhat: Tensor, Y: Tensor, reduction: Reduction = "mean"): LossResult {
  return lossResult((dA) => halfMseInto(dA, Yhat, Y), Yhat, Yhat.cols, reduction);
}

/**
 * `halfMse` for the training path: returns J and writes dA = ŷ − y; allocates nothing.
 *
 *   J = (1/(2m)) Σ (ŷ − y)²
 *
 * @example
 *   const J = halfMseInto(dA, Yhat, Y);
 *   model.backward(dA);
 */
export function halfMseInto(dA: Tensor, Yhat: Tensor, Y: Tensor): number {
  checkLossShapes("halfMse", Yhat, Y, dA);
  const p = Yhat.data,
    y = Y.data,
    d = dA.data;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const r = p[i] - y[i];
    s += r * r;
    d[i] = r;
  }
  return s / (2 * Yhat.cols);
}
