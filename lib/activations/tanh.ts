import type { Activation } from "./activation";

/**
 * The hyperbolic tangent, a zero-centred squashing into (−1, 1).
 *
 *   tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)),  tanh′(z) = 1 − tanh²(z)
 *
 * @example
 *   tanh.f(0);     // 0
 *   tanh.df(0);    // 1
 */
export const tanh: Activation = {
  name: "tanh",
  // NOTE: Math.tanh saturates to ±1 without overflow, so tanh(±1000) is finite.
  f: (z) => Math.tanh(z),
  df: (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
  forwardInto: (z, a) => {
    for (let i = 0; i < z.length; i++) a[i] = Math.tanh(z[i]);
  },
  backwardInto: (_z, a, g, d) => {
    for (let i = 0; i < a.length; i++) d[i] = g[i] * (1 - a[i] * a[i]);
  },
};
