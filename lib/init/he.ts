import type { Rng } from "../random/rng";
import type { Tensor } from "../tensor/tensor";
import { fans, filled, type FanOut } from "./fans";

/** Options of the He initializers: the gain (√2 for ReLU, PyTorch's default) and which fan sets the scale. */
export interface HeOptions {
  gain?: number;
  mode?: "fanIn" | "fanOut";
}

/**
 * He/Kaiming uniform initialization for ReLU layers, as torch.nn.init.kaiming_uniform_(nonlinearity='relu').
 *
 *   W_ij ~ U(−a, a),  a = gain·√(3/fan_in) = √(6/fan_in) for gain √2,  so Var(W) = 2/fan_in
 *
 * PyTorch's own default for kaiming_uniform_ is a leaky-ReLU gain with a = 0, the same √2.
 * @example
 *   heUniform(createRng(1), 128, 784);   // a = √(6/784)
 *   heUniform(rng, [128, 784], undefined, { mode: "fanOut" });
 */
export function heUniform(rng: Rng, fanOut: FanOut, fanIn?: number, options: HeOptions = {}): Tensor {
  const f = fans(fanOut, fanIn),
    fan = options.mode === "fanOut" ? f.fanOut : f.fanIn;
  const a = (options.gain ?? Math.SQRT2) * Math.sqrt(3 / fan);
  return filled(f.fanOut, f.fanIn, () => rng.uniform(-a, a));
}

/**
 * He/Kaiming normal initialization for ReLU layers, as torch.nn.init.kaiming_normal_(nonlinearity='relu').
 *
 *   W_ij ~ N(0, σ²),  σ = gain/√fan_in = √(2/fan_in) for gain √2
 *
 * @example
 *   heNormal(createRng(1), 128, 784);   // σ = √(2/784)
 *   heNormal(rng, [4, 3]);
 */
export function heNormal(rng: Rng, fanOut: FanOut, fanIn?: number, options: HeOptions = {}): Tensor {
  const f = fans(fanOut, fanIn),
    fan = options.mode === "fanOut" ? f.fanOut : f.fanIn;
  const std = (options.gain ?? Math.SQRT2) / Math.sqrt(fan);
  return filled(f.fanOut, f.fanIn, () => rng.normal(0, std));
}
