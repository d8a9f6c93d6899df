import type { Tensor } from "../tensor/tensor";
import type { Layer } from "./layer";

/**
 * The forward pass of any layer or model, named as in the course: returns Ŷ = A⁽ᴸ⁾ and leaves every layer's cache filled.
 *
 *   A⁽⁰⁾ = X,  Z⁽ˡ⁾ = W⁽ˡ⁾A⁽ˡ⁻¹⁾ + b⁽ˡ⁾,  A⁽ˡ⁾ = g⁽ˡ⁾(Z⁽ˡ⁾)
 *
 * The returned tensor is the model's buffer, overwritten by the next forward: clone it to keep it.
 * @example
 *   const Yhat = forward(model, X);
 *   model.layers[0].cache.Z;
 */
export function forward(model: Layer, X: Tensor): Tensor {
  return model.forward(X);
}

/**
 * The backward pass of any layer or model from the per-example gradient of the loss (a loss's `dA`): fills every
 * layer's grads (dA, dZ, dW, db, …) and returns dX.
 *
 *   dZ⁽ˡ⁾ = dA⁽ˡ⁾ ⊙ g′(Z⁽ˡ⁾),  dW⁽ˡ⁾ = (1/m)dZ⁽ˡ⁾A⁽ˡ⁻¹⁾ᵀ,  db⁽ˡ⁾ = (1/m)Σ_j dZ⁽ˡ⁾,  dA⁽ˡ⁻¹⁾ = W⁽ˡ⁾ᵀdZ⁽ˡ⁾
 *
 * @example
 *   const { dA } = bceWithLogits(forward(model, X), Y);
 *   backward(model, dA);
 */
export function backward(model: Layer, dA: Tensor): Tensor {
  return model.backward(dA);
}

/**
 * The parameter and gradient arrays of a model in matching order, as an optimizer's `step(params, grads)` takes them.
 * @example
 *   const { values, grads } = paramArrays(model);
 *   opt.step(values, grads);
 */
export function paramArrays(model: Layer): { values: Float64Array[]; grads: Float64Array[] } {
  const ps = model.params();
  return { values: ps.map((p) => p.value), grads: ps.map((p) => p.grad) };
}

/**
 * How many numbers a model learns.
 *
 *   Σ_l (n_l·n_{l−1} + n_l) for a stack of Dense layers
 *
 * @example
 *   paramCount(mlp([3, 4, 1]));   // 3·4 + 4 + 4·1 + 1 = 21
 *   paramCount(new BatchNorm(8)); // 16
 */
export function paramCount(model: Layer): number {
  let count = 0;
  for (const p of model.params()) count += p.value.length;
  return count;
}
