import type { Activation } from "./activation";

/**
 * The rectified linear unit, the default hidden activation.
 *
 *   relu(z) = max(0, z),  relu′(z) = 1 if z > 0 else 0
 *
 * NOTE: relu′(0) = 0, the choice PyTorch makes at the kink.
 * @example
 *   relu.f(-2);    // 0
 *   relu.df(0);    // 0
 */
export const relu: Activation = {
  name: "relu",
  f: (z) => (z > 0 ? z : 0),
  df: (z) => (z > 0 ? 1 : 0),
  init: "he",
  forwardInto: (z, a) => {
    for (let i = 0; i < z.length; i++) a[i] = z[i] > 0 ? z[i] : 0;
  },
  backwardInto: (z, _a, g, d) => {
    for (let i = 0; i < z.length; i++) d[i] = z[i] > 0 ? g[i] : 0;
  },
};
