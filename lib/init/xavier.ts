import type { Rng } from "../random/rng";
import type { Tensor } from "../tensor/tensor";
import { fans, filled, type FanOut } from "./fans";

/**
 * Xavier/Glorot uniform initialization, as torch.nn.init.xavier_uniform_ (for tanh/sigmoid layers).
 *
 *   W_ij ~ U(−a, a),  a = gain·√(6/(fan_in + fan_out)),  so Var(W) = gain²·2/(fan_in + fan_out)
 *
 * @example
 *   xavierUniform(createRng(1), 4, 3);                  // a = √(6/7)
 *   xavierUniform(rng, [4, 3], undefined, { gain: 5/3 });
 */
export function xavierUniform(rng: Rng, fanOut: FanOut, fanIn?: number, options: { gain?: number } = {}): Tensor {
  const f = fans(fanOut, fanIn);
  const a = (options.gain ?? 1) * Math.sqrt(6 / (f.fanIn + f.fanOut));
  return filled(f.fanOut, f.fanIn, () => rng.uniform(-a, a));
}

/**
 * Xavier/Glorot normal initialization, as torch.nn.init.xavier_normal_.
 *
 *   W_ij ~ N(0, σ²),  σ = gain·√(2/(fan_in + fan_out))      (σ is a standard deviation; the variance is 2/(fan_in + fan_out))
 *
 * @example
 *   xavierNormal(createRng(1), 4, 3);   // σ = √(2/7)
 *   xavierNormal(rng, [4, 3]);
 */
export function xavierNormal(rng: Rng, fanOut: FanOut, fanIn?: number, options: { gain?: number } = {}): Tensor {
  const f = fans(fanOut, fanIn);
  const std = (options.gain ?? 1) * Math.sqrt(2 / (f.fanIn + f.fanOut));
  return filled(f.fanOut, f.fanIn, () => rng.normal(0, std));
}
