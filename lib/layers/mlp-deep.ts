import type { ActivationName } from "../activations";
import type { Initializer, InitializerName } from "../init";
import { createRng } from "../random/rng";
import { ActivationLayer } from "./activation-layer";
import { BatchNorm } from "./batch-norm";
import { Dense } from "./dense";
import type { Layer } from "./layer";
import { Residual } from "./residual";
import { Sequential } from "./sequential";

/** Options of `mlpDeep`: sizes, the hidden activation and initializer, and the two fixes (batch norm, residual skips). */
export interface MlpDeepOptions {
  /** Input width n₀. */
  nIn: number;
  /** Width of every hidden layer. */
  width: number;
  /** Number of hidden layers L − 1 (the output layer comes on top). */
  depth: number;
  /** Output width (default 1), with a linear output. */
  nOut?: number;
  /** Hidden activation (default relu). */
  activation?: ActivationName;
  /** Weight initializer of every Dense layer (default as Dense: He before ReLU-like activations, Xavier otherwise). */
  init?: InitializerName | Initializer;
  /** Batch normalization of each hidden pre-activation: Dense → BatchNorm → activation. */
  batchNorm?: boolean;
  /** Residual skips around hidden layers 2 … depth: A⁽ˡ⁾ = A⁽ˡ⁻¹⁾ + g(Z⁽ˡ⁾). */
  residual?: boolean;
  seed?: number;
}

/**
 * A deep, narrow MLP for studying gradient flow: one entry of `layers` per hidden layer, then a linear output layer.
 *
 *   hidden l:  A⁽ˡ⁾ = g(BN(W⁽ˡ⁾A⁽ˡ⁻¹⁾ + b⁽ˡ⁾))   (BN only with batchNorm)   or, with residual and l ≥ 2,  A⁽ˡ⁾ = A⁽ˡ⁻¹⁾ + g(…)
 *   output:    Ŷ = W⁽ᴸ⁾A⁽ᴸ⁻¹⁾ + b⁽ᴸ⁾
 *
 * Each hidden layer is one layer of the returned Sequential (a Dense, a Sequential of Dense/BatchNorm/activation, or a
 * Residual), so `model.layers[l - 1].cache.A` is A⁽ˡ⁾ for `activationStats`. The residual block is the simple
 * "x + g(BN(Wx + b))" form, not ResNet's two-layer block.
 * @example
 *   const net = mlpDeep({ nIn: 4, width: 16, depth: 15, activation: "sigmoid", init: "xavierUniform" });
 *   mlpDeep({ nIn: 4, width: 16, depth: 15, activation: "relu", batchNorm: true, residual: true });
 */
export function mlpDeep(options: MlpDeepOptions): Sequential {
  const { nIn, width, depth, nOut = 1, activation = "relu", init, batchNorm = false, residual = false } = options;
  if (!(depth >= 1 && width >= 1 && nIn >= 1 && nOut >= 1))
    throw new RangeError(`mlpDeep: needs depth, width, nIn and nOut ≥ 1, got ${depth}, ${width}, ${nIn}, ${nOut}`);
  const rng = createRng(options.seed ?? 1);
  const layers: Layer[] = [];
  for (let l = 1; l <= depth; l++) {
    const n0 = l === 1 ? nIn : width;
    const block: Layer[] = batchNorm
      ? [new Dense(n0, width, { init, rng }), new BatchNorm(width), new ActivationLayer(activation)]
      : [new Dense(n0, width, { activation, init, rng })];
    if (residual && l >= 2) layers.push(new Residual(block, `residual${l}`));
    else layers.push(block.length === 1 ? block[0] : new Sequential(block, `hidden${l}`));
  }
  layers.push(new Dense(width, nOut, { init, rng, name: "output" }));
  return new Sequential(layers);
}
