import type { Tensor } from "../tensor/tensor";
import { checkLossShapes, lossResult, type LossResult, type Reduction } from "./loss";

/**
 * Mean absolute error, as torch.nn.L1Loss: the mean over all entries.
 *
 *   J = (1/(n·m)) Σ |ŷ − y|,  ∂J/∂ŷ = sign(ŷ − y)/(n·m)   with sign(0) = 0 (as PyTorch)
 *
 * @example
 *   l1(Tensor.from([[1, 3]]), Tensor.from([[0, 1]])).loss;   // (1 + 2)/2 = 1.5
 *   l1(Yhat, Y, "sum").loss;                                  // 3
 */
export function l1(Yhat: Tensor, Y: Tensor, reduction: Reduction = "mean"): LossResult {
  return lossResult((dA) => l1Into(dA, Yhat, Y), Yhat, Yhat.size, reduction);
}

/**
 * `l1` for the training path: returns the mean J and writes dA = sign(ŷ − y)/n; allocates nothing.
 *
 *   dA = sign(ŷ − y)/n
 *
 * @example
 *   const J = l1Into(dA, Yhat, Y);
 *   model.backward(dA);
 */
export function l1Into(dA: Tensor, Yhat: Tensor, Y: Tensor): number {
  checkLossShapes("l1", Yhat, Y, dA);
  const p = Yhat.data,
    y = Y.data,
    d = dA.data,
    inv = 1 / Yhat.rows;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const r = p[i] - y[i];
    s += Math.abs(r);
    d[i] = r > 0 ? inv : r < 0 ? -inv : 0;
  }
  return s / p.length;
}
