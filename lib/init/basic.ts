import type { Rng } from "../random/rng";
import type { Tensor } from "../tensor/tensor";
import { fans, filled, type FanOut } from "./fans";

/**
 * All-zero weights (fine for biases; for W every unit would stay identical, the symmetry problem).
 *
 *   W_ij = 0
 *
 * @example
 *   zeros(rng, 4, 3);      // [4, 3] of zeros
 *   zeros(rng, [4, 3]);    // the same
 */
export function zeros(_rng: Rng, fanOut: FanOut, fanIn?: number): Tensor {
  const f = fans(fanOut, fanIn);
  return filled(f.fanOut, f.fanIn, () => 0);
}

/**
 * Weights drawn uniformly from [low, high), as torch.nn.init.uniform_ (default [0, 1)).
 *
 *   W_ij ~ U(low, high),  Var = (high − low)²/12
 *
 * @example
 *   uniform(createRng(1), 4, 3, { low: -0.1, high: 0.1 });
 *   uniform(rng, [4, 3]);
 */
export function uniform(rng: Rng, fanOut: FanOut, fanIn?: number, options: { low?: number; high?: number } = {}): Tensor {
  const f = fans(fanOut, fanIn),
    low = options.low ?? 0,
    high = options.high ?? 1;
  return filled(f.fanOut, f.fanIn, () => rng.uniform(low, high));
}

/**
 * Weights drawn from a normal distribution, as torch.nn.init.normal_ (default N(0, 1)).
 *
 *   W_ij ~ N(mean, std²)
 *
 * @example
 *   normal(createRng(1), 4, 3, { std: 0.01 });   // the classic "small random numbers"
 *   normal(rng, [4, 3]);
 */
export function normal(rng: Rng, fanOut: FanOut, fanIn?: number, options: { mean?: number; std?: number } = {}): Tensor {
  const f = fans(fanOut, fanIn),
    mean = options.mean ?? 0,
    std = options.std ?? 1;
  return filled(f.fanOut, f.fanIn, () => rng.normal(mean, std));
}
