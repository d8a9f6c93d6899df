import type { Activation } from "./activation";

/**
 * The logistic sigmoid, squashing z into (0, 1): a probability for a binary output.
 *
 *   σ(z) = 1 / (1 + e^(−z)),  σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4
 *
 * @example
 *   sigmoid.f(0);      // 0.5
 *   sigmoid.df(0);     // 0.25
 */
export const sigmoid: Activation = {
  name: "sigmoid",
  // NOTE: two branches so exp never overflows; sigmoid(±1000) stays finite (1 and 0, not NaN).
  f: (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
  df: (z) => {
    const s = sigmoid.f(z);
    return s * (1 - s);
  },
  forwardInto: (z, a) => {
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      if (v >= 0) a[i] = 1 / (1 + Math.exp(-v));
      else {
        const e = Math.exp(v);
        a[i] = e / (1 + e);
      }
    }
  },
  backwardInto: (_z, a, g, d) => {
    for (let i = 0; i < a.length; i++) d[i] = g[i] * a[i] * (1 - a[i]);
  },
};
