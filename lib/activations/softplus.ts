import type { Activation } from "./activation";
import { sigmoid } from "./sigmoid";

/**
 * Softplus, a smooth ReLU whose derivative is the sigmoid.
 *
 *   softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|)),  softplus′(z) = σ(z)
 *
 * PyTorch (beta = 1, threshold = 20) returns z itself above 20; this form is exact there too (they differ by < 3e-9).
 * @example
 *   softplus.f(0);       // log 2 ≈ 0.6931
 *   softplus.f(1000);    // 1000, not Infinity
 */
export const softplus: Activation = {
  name: "softplus",
  // NOTE: the max/log1p split never exponentiates a positive number, so ±1000 stays finite.
  f: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  df: (z) => sigmoid.f(z),
};
