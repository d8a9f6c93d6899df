import type { Activation } from "../activations/activation";

/**
 * One artificial neuron (chapter 1): a weighted sum of the inputs plus a bias, passed through an activation.
 *
 *   z = Σ_i w_i·x_i + b,  a = g(z)
 *
 * @example
 *   neuronForward([0.5, -0.2], [2, 1], 0.1, relu);   // { z: 0.9, a: 0.9 }
 *   neuronForward([1], [-3], 0, sigmoid).a;         // σ(−3) ≈ 0.047
 */
export function neuronForward(
  weights: readonly number[],
  inputs: readonly number[],
  bias: number,
  activation: Activation,
): { z: number; a: number } {
  if (weights.length !== inputs.length) {
    throw new RangeError(`neuronForward: shapes [${weights.length}] and [${inputs.length}] (weights and inputs) do not match`);
  }
  let z = bias;
  for (let i = 0; i < weights.length; i++) z += weights[i] * inputs[i];
  return { z, a: activation.f(z) };
}
