import { Tensor, assertSameLayout } from "../tensor/tensor";

/** How a loss combines its terms: 'mean' (the default, as PyTorch) or 'sum'. */
export type Reduction = "mean" | "sum";

/**
 * What a loss returns. Three numbers of interest, kept apart on purpose:
 * - `loss`: the reduced value (PyTorch's, for the chosen reduction);
 * - `grad`: ∂loss/∂input, exactly what PyTorch would leave in `input.grad`;
 * - `dA`: the per-example gradient m·∂J/∂input of the mean cost J (column j = ∂L⁽ʲ⁾/∂input⁽ʲ⁾).
 *   This is what `backward` takes (the course's convention: dA and dZ per example, 1/m in dW and db).
 *
 * @example
 *   const { loss, grad, dA } = mse(Yhat, Y);
 *   model.backward(dA);
 */
export interface LossResult {
  loss: number;
  grad: Tensor;
  dA: Tensor;
}

/**
 * A loss as the training loop uses it: a readable `compute` and an allocation-free `computeInto` that writes
 * the per-example dA and returns the mean cost J; `accuracy` when the loss is a classification loss.
 *
 * @example
 *   const J = losses.bceWithLogits.computeInto(dA, Z, Y);
 *   losses.softmaxCe.accuracy?.(Z, Y);   // fraction of columns classified right
 */
export interface Loss {
  readonly name: string;
  compute(input: Tensor, Y: Tensor, reduction?: Reduction): LossResult;
  computeInto(dA: Tensor, input: Tensor, Y: Tensor): number;
  accuracy?(input: Tensor, Y: Tensor): number;
}

/**
 * Throws unless the prediction, the target and (when given) the gradient buffer share a shape.
 * @example
 *   checkLossShapes("mse", Yhat, Y);
 *   checkLossShapes("mse", Yhat, Y, dA);
 */
export function checkLossShapes(op: string, input: Tensor, Y: Tensor, dA?: Tensor): void {
  assertSameLayout(op, input, Y, "(prediction and target) do not match");
  if (dA) assertSameLayout(op, input, dA, "(prediction and dA) do not match");
}

/**
 * Builds a `LossResult` from a loss's `…Into` form: J is the mean over `count` terms (all elements, or all examples).
 *
 *   sum = count·J,  grad_mean = dA/m,  grad_sum = count·dA/m
 *
 * @example
 *   lossResult((dA) => mseInto(dA, Yhat, Y), Yhat, Yhat.size, "mean");
 *   lossResult((dA) => softmaxCeInto(dA, Z, Y), Z, Z.cols, "sum");
 */
export function lossResult(into: (dA: Tensor) => number, input: Tensor, count: number, reduction: Reduction = "mean"): LossResult {
  if (reduction !== "mean" && reduction !== "sum") throw new RangeError(`loss: unknown reduction '${reduction}' (use 'mean' or 'sum')`);
  const dA = new Tensor(input.shape);
  const J = into(dA);
  const m = input.cols,
    factor = reduction === "sum" ? count / m : 1 / m;
  const grad = new Tensor(input.shape);
  for (let i = 0; i < grad.size; i++) grad.data[i] = factor * dA.data[i];
  return { loss: reduction === "sum" ? J * count : J, grad, dA };
}
