import { Tensor } from "../tensor/tensor";

/** A weight shape given either as (fanOut, fanIn) numbers or as one shape [fanOut, fanIn]. */
export type FanOut = number | readonly [number, number];

/**
 * Reads an initializer's size arguments: W is [fanOut, fanIn] (rows = units of this layer, columns = inputs).
 * @example
 *   fans(4, 3);        // { fanOut: 4, fanIn: 3 }
 *   fans([4, 3]);      // the same
 */
export function fans(fanOut: FanOut, fanIn?: number): { fanOut: number; fanIn: number } {
  const [o, i] = typeof fanOut === "number" ? [fanOut, fanIn] : fanOut;
  if (!Number.isInteger(o) || !Number.isInteger(i) || (o as number) < 1 || (i as number) < 1) {
    throw new RangeError(`init: fanOut and fanIn must be positive integers, got ${o} and ${i}`);
  }
  return { fanOut: o as number, fanIn: i as number };
}

/**
 * A [fanOut, fanIn] tensor whose entries come from `draw`, in row-major order.
 * @example
 *   filled(2, 3, () => 1);              // all ones
 *   filled(2, 3, () => rng.normal());
 */
export function filled(fanOut: number, fanIn: number, draw: () => number): Tensor {
  const W = new Tensor([fanOut, fanIn]);
  for (let i = 0; i < W.size; i++) W.data[i] = draw();
  return W;
}

/** Nonlinearities `calculateGain` knows, named as in PyTorch. */
export type GainNonlinearity = "linear" | "sigmoid" | "tanh" | "relu" | "leakyRelu" | "selu";

/**
 * The recommended scale for an initializer placed before a given nonlinearity, as torch.nn.init.calculate_gain.
 *
 *   linear, sigmoid: 1 · tanh: 5/3 · relu: √2 · leakyRelu(α): √(2/(1 + α²)) · selu: 3/4
 *
 * @example
 *   calculateGain("relu");              // 1.4142…
 *   calculateGain("leakyRelu", 0.2);    // √(2/1.04)
 */
export function calculateGain(nonlinearity: GainNonlinearity, param = 0.01): number {
  switch (nonlinearity) {
    case "linear":
    case "sigmoid":
      return 1;
    case "tanh":
      return 5 / 3;
    case "relu":
      return Math.SQRT2;
    case "leakyRelu":
      return Math.sqrt(2 / (1 + param * param));
    case "selu":
      return 3 / 4;
    default:
      throw new RangeError(`calculateGain: unknown nonlinearity '${nonlinearity}'`);
  }
}
