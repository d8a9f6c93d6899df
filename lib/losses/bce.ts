import type { Tensor } from "../tensor/tensor";
import { checkLossShapes, lossResult, type LossResult, type Reduction } from "./loss";

const LOG_FLOOR = -100;
const EPS = 1e-12;

/**
 * Binary cross-entropy on probabilities, as torch.nn.BCELoss: the mean over all entries.
 *
 *   L(p, y) = −(y·log p + (1 − y)·log(1 − p)),  J = (1/(n·m)) Σ L
 *   ∂L/∂p = (p − y) / (p(1 − p)) = −y/p + (1 − y)/(1 − p)
 *
 * NOTE: as PyTorch, each log is clamped at −100 (so p = 0 or 1 gives a finite loss, at most 100 per entry) and the
 * gradient's denominator p(1 − p) is floored at 1e-12. Prefer `bceWithLogits`, which never needs these clamps.
 * @example
 *   bce(Tensor.from([[0.8]]), Tensor.from([[1]])).loss;   // −log 0.8 ≈ 0.2231
 *   bce(Tensor.from([[0]]), Tensor.from([[1]])).loss;     // 100, not Infinity
 */
export function bce(P: Tensor, Y: Tensor, reduction: Reduction = "mean"): LossResult {
  return lossResult((dA) => bceInto(dA, P, Y), P, P.size, reduction);
}

/**
 * `bce` for the training path: returns the mean J and writes the per-example dA; allocates nothing.
 *
 *   dA = (p − y) / (n · max(p(1 − p), 1e-12))
 *
 * @example
 *   const J = bceInto(dA, A2, Y);
 *   model.backward(dA);   // with a sigmoid output this makes dZ = A − Y
 */
export function bceInto(dA: Tensor, P: Tensor, Y: Tensor): number {
  checkLossShapes("bce", P, Y, dA);
  const p = P.data,
    y = Y.data,
    d = dA.data,
    n = P.rows;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i],
      yi = y[i];
    const logP = Math.max(Math.log(pi), LOG_FLOOR),
      log1mP = Math.max(Math.log(1 - pi), LOG_FLOOR);
    s -= yi * logP + (1 - yi) * log1mP;
    d[i] = (pi - yi) / (n * Math.max(pi * (1 - pi), EPS));
  }
  return s / p.length;
}

/**
 * Binary accuracy of probabilities: the fraction of entries where p ≥ 0.5 agrees with y ≥ 0.5.
 * @example
 *   bceAccuracy(Tensor.from([[0.9, 0.2]]), Tensor.from([[1, 1]]));   // 0.5
 *   bceAccuracy(A2, Y);
 */
export function bceAccuracy(P: Tensor, Y: Tensor): number {
  checkLossShapes("bceAccuracy", P, Y);
  let right = 0;
  for (let i = 0; i < P.size; i++) if (P.data[i] >= 0.5 === Y.data[i] >= 0.5) right++;
  return right / P.size;
}
