import type { Tensor } from "../tensor/tensor";

/**
 * One trainable array as an optimizer sees it: the numbers (`value`, updated in place), their gradient of the
 * mean cost J (`grad`, overwritten by each backward), and whether weight decay applies (false for biases and
 * normalization parameters).
 *
 * @example
 *   for (const p of model.params()) console.log(p.name, p.shape, p.decay);   // "dense1.W" [4, 3] true …
 *   opt.step(model.params().map((p) => p.value), model.params().map((p) => p.grad));
 */
export interface Param {
  readonly name: string;
  readonly value: Float64Array;
  readonly grad: Float64Array;
  readonly decay: boolean;
  readonly shape: readonly number[];
}

/**
 * What every layer and model does. Examples are columns: forward maps A_prev [n_in, m] to A [n_out, m]; backward maps
 * dA (same shape as A) to dA_prev.
 *
 * Gradient convention (the course's, from Andrew Ng's notes): the cost is the batch mean J = (1/m) Σ_j L⁽ʲ⁾.
 * Activation-side gradients dA, dZ, dA_prev are PER EXAMPLE (column j holds ∂L⁽ʲ⁾/∂·, which is m·∂J/∂·); the 1/m
 * enters only the parameter gradients, so dW = (1/m)·dZ·A_prevᵀ and db = (1/m)·Σ_j dZ[:, j] are exactly ∂J/∂W, ∂J/∂b.
 * Differs from PyTorch: gradients are overwritten by each backward (no accumulation, so no zero_grad), and the
 * arrays returned by forward/backward belong to the layer and are reused by the next call (clone to keep them).
 *
 * `cache` holds the named values of the last forward (A_prev, Z, A, …) and `grads` the named gradients of the last
 * backward (dA, dZ, dW, db, dA_prev, …), so a widget can show any of them for any layer.
 *
 * @example
 *   const A = layer.forward(X);
 *   layer.backward(dA); layer.grads.dW;
 */
export interface Layer {
  name: string;
  readonly kind: string;
  /** True in training mode (dropout drops, batch norm uses batch statistics); see train/eval. */
  readonly training: boolean;
  /** When true, training-mode forward reuses the last dropout mask and leaves running statistics untouched (for gradient checks). */
  readonly frozen: boolean;
  readonly cache: Readonly<Record<string, Tensor>>;
  readonly grads: Readonly<Record<string, Tensor>>;
  forward(A_prev: Tensor): Tensor;
  /**
   * dA → dA_prev, filling `grads`. With `inputGrad` false the layer may skip dA_prev (as PyTorch skips the gradient
   * of an input that does not require it): a trainer's first layer never needs ∂J/∂X. Skipped values read as NaN.
   */
  backward(dA: Tensor, inputGrad?: boolean): Tensor;
  /** The trainable arrays, named `<layer>.<param>`. */
  params(): Param[];
  /** Training mode (default) or, with false, evaluation mode; containers pass it on. Returns the layer. */
  train(on?: boolean): this;
  /** Evaluation mode: train(false). */
  eval(): this;
  /** Freezes randomness and running statistics (see `frozen`). */
  freeze(on?: boolean): this;
  /** Layers inside this one (for containers), in order. */
  children(): readonly Layer[];
}
