import type { Activation } from "./activation";
import { linear } from "./linear";
import { sigmoid } from "./sigmoid";
import { tanh } from "./tanh";
import { relu } from "./relu";
import { leakyRelu } from "./leaky-relu";
import { elu } from "./elu";
import { gelu, geluTanh } from "./gelu";
import { softplus } from "./softplus";

export type { Activation } from "./activation";
export { linear } from "./linear";
export { sigmoid } from "./sigmoid";
export { tanh } from "./tanh";
export { relu } from "./relu";
export { leakyRelu, createLeakyRelu } from "./leaky-relu";
export { elu, createElu } from "./elu";
export { gelu, geluTanh } from "./gelu";
export { softplus } from "./softplus";
export { softmax, softmaxJacobian, softmaxBackward, softmaxColumns, softmaxColumnsInto } from "./softmax";
export { erf, erfc } from "./erf";
export { activateInto, activationBackwardInto } from "./apply";

/**
 * Every scalar activation by name, for widgets and settings that pick one from a menu (softmax is vector-valued, so it is not here).
 *
 *   activations[name] = { name, f, df }
 *
 * @example
 *   activations.relu.f(-1);                // 0
 *   activations["leakyRelu"].df(-1);       // 0.01
 */
export const activations = { linear, sigmoid, tanh, relu, leakyRelu, elu, gelu, geluTanh, softplus } satisfies Record<string, Activation>;

/** The name of a built-in scalar activation. */
export type ActivationName = keyof typeof activations;
