import type { Tensor } from "../tensor/tensor";
import { checkLossShapes, lossResult, type LossResult, type Reduction } from "./loss";

/**
 * Binary cross-entropy from logits z (sigmoid and BCE fused), as torch.nn.BCEWithLogitsLoss: mean over all entries.
 *
 *   L(z, y) = max(z, 0) − z·y + log(1 + e^(−|z|)),  ∂L/∂z = σ(z) − y
 *
 * NOTE: this form equals −(y log σ(z) + (1 − y) log(1 − σ(z))) but never exponentiates a positive number,
 * so z = ±1000 gives an exact finite loss with no clamp.
 * @example
 *   bceWithLogits(Tensor.from([[0]]), Tensor.from([[1]])).loss;      // log 2 ≈ 0.6931
 *   bceWithLogits(Tensor.from([[-1000]]), Tensor.from([[1]])).loss;  // 1000
 */
export function bceWithLogits(Z: Tensor, Y: Tensor, reduction: Reduction = "mean"): LossResult {
  return lossResult((dA) => bceWithLogitsInto(dA, Z, Y), Z, Z.size, reduction);
}

/**
 * `bceWithLogits` for the training path: returns the mean J and writes dA = (σ(z) − y)/n; allocates nothing.
 *
 *   dA = (σ(Z) − Y)/n      (n = 1: the familiar dZ = A − Y)
 *
 * @example
 *   const J = bceWithLogitsInto(dZ, Z, Y);
 *   model.backward(dZ);
 */
export function bceWithLogitsInto(dA: Tensor, Z: Tensor, Y: Tensor): number {
  checkLossShapes("bceWithLogits", Z, Y, dA);
  const z = Z.data,
    y = Y.data,
    d = dA.data,
    inv = 1 / Z.rows;
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    const zi = z[i],
      e = Math.exp(-Math.abs(zi));
    s += (zi > 0 ? zi : 0) - zi * y[i] + Math.log1p(e);
    const sig = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
    d[i] = (sig - y[i]) * inv;
  }
  return s / z.length;
}

/**
 * Binary accuracy of logits: the fraction of entries where z ≥ 0 (σ(z) ≥ 0.5) agrees with y ≥ 0.5.
 * @example
 *   logitAccuracy(Tensor.from([[2, -1]]), Tensor.from([[1, 1]]));   // 0.5
 *   logitAccuracy(Z2, Y);
 */
export function logitAccuracy(Z: Tensor, Y: Tensor): number {
  checkLossShapes("logitAccuracy", Z, Y);
  let right = 0;
  for (let i = 0; i < Z.size; i++) if (Z.data[i] >= 0 === Y.data[i] >= 0.5) right++;
  return right / Z.size;
}
