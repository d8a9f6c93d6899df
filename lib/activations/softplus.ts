import type { Activation } from "./activation";
import { sigmoid } from "./sigmoid";

/**
 * Softplus, a smooth ReLU whose derivative is the sigmoid, with PyTorch's threshold (beta = 1, threshold = 20).
 *
 *   softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|)),  softplus′(z) = σ(z)      for z ≤ 20
 *   softplus(z) = z,  softplus′(z) = 1                                                       for z > 20
 *
 * As `torch.nn.functional.softplus`: above 20 it returns z itself (the exact value differs by under 3e-9).
 * @example
 *   softplus.f(0);       // log 2 ≈ 0.6931
 *   softplus.f(1000);    // 1000, not Infinity; softplus.df(1000) = 1
 */
export const softplus: Activation = {
  name: "softplus",
  // NOTE: the max/log1p split never exponentiates a positive number, so −1000 stays finite too.
  f: (z) => (z > 20 ? z : Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))),
  df: (z) => (z > 20 ? 1 : sigmoid.f(z)),
};
