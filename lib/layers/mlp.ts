import type { Activation, ActivationName } from "../activations";
import type { Initializer, InitializerName } from "../init";
import { createRng, type Rng } from "../random/rng";
import { Dense } from "./dense";
import { Sequential } from "./sequential";

/** Options of `mlp`: hidden and output activations, initializer, and the seed or generator for the weights. */
export interface MlpOptions {
  hidden?: Activation | ActivationName;
  output?: Activation | ActivationName;
  init?: InitializerName | Initializer;
  seed?: number;
  rng?: Rng;
}

/**
 * A multilayer perceptron from its layer widths: one Dense layer per consecutive pair, sharing one seeded generator.
 *
 *   sizes [n₀, n₁, …, n_L]:  Dense(n₀→n₁, hidden), …, Dense(n_{L−1}→n_L, output)
 *
 * @example
 *   const net = mlp([3, 4, 1], { hidden: "relu", output: "sigmoid", seed: 42 });   // the house network
 *   mlp([784, 128, 10], { hidden: "relu" });                                       // logits for softmaxCe
 */
export function mlp(sizes: readonly number[], options: MlpOptions = {}): Sequential {
  if (sizes.length < 2) throw new RangeError(`mlp: needs at least an input and an output width, got [${sizes.join(", ")}]`);
  const rng = options.rng ?? createRng(options.seed ?? 1);
  const layers = [];
  for (let l = 1; l < sizes.length; l++) {
    const last = l === sizes.length - 1;
    const activation = last ? (options.output ?? "linear") : (options.hidden ?? "relu");
    layers.push(new Dense(sizes[l - 1], sizes[l], { activation, init: options.init, rng }));
  }
  return new Sequential(layers);
}
