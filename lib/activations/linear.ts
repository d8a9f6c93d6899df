import type { Activation } from "./activation";

/**
 * The identity activation, the usual output for regression (the house price).
 *
 *   g(z) = z,  g′(z) = 1
 *
 * @example
 *   linear.f(-3);    // -3
 *   linear.df(7);    // 1
 */
export const linear: Activation = {
  name: "linear",
  f: (z) => z,
  df: () => 1,
  forwardInto: (z, a) => {
    if (a !== z) a.set(z);
  },
  backwardInto: (_z, _a, g, d) => {
    if (d !== g) d.set(g);
  },
};
