// The table of contents of lib/activations/: value and derivative of each activation, and the
// whole-array loops of the training path. lib/index.ts re-exports this folder whole.
import type { Activation } from "./activation";
import * as scalar from "./scalar";

export type { Activation } from "./activation";
export * from "./scalar";
export { softmax, softmaxJacobian, softmaxBackward, softmaxColumns, softmaxColumnsInto } from "./softmax";
export { logSoftmax, logSoftmaxBackward, logSoftmaxColumnsInto, logSoftmaxColumnsBackwardInto } from "./log-softmax";
export { erf, erfc } from "./erf";
export { activateInto, activationBackwardInto } from "./apply";

type Scalar = typeof scalar;
/** The name of a built-in scalar activation. */
export type ActivationName = { [K in keyof Scalar]: Scalar[K] extends Activation ? K : never }[keyof Scalar];

/**
 * Every scalar activation by name, for widgets and settings that pick one from a menu (softmax is vector-valued, so it is not here).
 *
 *   activations[name] = { name, f, df }
 *
 * @example
 *   activations.relu.f(-1);                // 0
 *   activations["leakyRelu"].df(-1);       // 0.01
 */
export const activations = Object.fromEntries(
  Object.entries(scalar).filter((entry): entry is [ActivationName, Activation] => typeof entry[1] === "object"),
) as { readonly [K in ActivationName]: Activation };
