import type { Activation } from "./activation";
import { erfc } from "./erf";

const SQRT_HALF = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const K = Math.sqrt(2 / Math.PI);
const C = 0.044715;

/**
 * The Gaussian error linear unit in its exact form: z times the standard normal CDF Φ(z).
 *
 *   gelu(z) = z·Φ(z) = ½z(1 + erf(z/√2)),  gelu′(z) = Φ(z) + z·φ(z),  φ(z) = e^(−z²/2)/√(2π)
 *
 * As torch.nn.GELU() (approximate='none'); the tanh form is `geluTanh`.
 * @example
 *   gelu.f(1);     // 0.8413447460685429
 *   gelu.df(0);    // 0.5
 */
export const gelu: Activation = {
  name: "gelu",
  init: "he",
  // NOTE: Φ(z) = ½·erfc(−z/√2) keeps full relative accuracy for very negative z.
  f: (z) => 0.5 * z * erfc(-z * SQRT_HALF),
  df: (z) => 0.5 * erfc(-z * SQRT_HALF) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z),
};

/**
 * GELU's tanh approximation, within about 1e-3 of the exact form.
 *
 *   g(z) = ½z(1 + tanh(u)),  u = √(2/π)(z + 0.044715z³)
 *   g′(z) = ½(1 + tanh u) + ½z(1 − tanh²u)·√(2/π)(1 + 3·0.044715z²)
 *
 * As torch.nn.GELU(approximate='tanh').
 * @example
 *   geluTanh.f(1);    // 0.8411919906082768
 *   geluTanh.f(0);    // 0
 */
export const geluTanh: Activation = {
  name: "geluTanh",
  init: "he",
  f: (z) => 0.5 * z * (1 + Math.tanh(K * (z + C * z * z * z))),
  df: (z) => {
    const t = Math.tanh(K * (z + C * z * z * z));
    const s = 1 - t * t;
    // NOTE: once tanh saturates (s = 0) skip the polynomial factor, which overflows for huge z (0·Infinity = NaN).
    return s === 0 ? 0.5 * (1 + t) : 0.5 * (1 + t) + 0.5 * z * s * K * (1 + 3 * C * z * z);
  },
};
