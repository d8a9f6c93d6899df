import type { Activation } from "./activation";

/**
 * A leaky ReLU with the given negative-side slope α (a slope, not a learning rate).
 *
 *   g(z) = z if z > 0 else α·z,  g′(z) = 1 if z > 0 else α
 *
 * As torch.nn.LeakyReLU(negative_slope=α), including g′(0) = α.
 * @example
 *   const leaky = createLeakyRelu(0.2);
 *   leaky.f(-1);   // -0.2
 */
export function createLeakyRelu(slope = 0.01): Activation {
  return {
    name: "leakyRelu",
    slope,
    f: (z) => (z > 0 ? z : slope * z),
    df: (z) => (z > 0 ? 1 : slope),
    init: "he",
    forwardInto: (z, a) => {
      for (let i = 0; i < z.length; i++) a[i] = z[i] > 0 ? z[i] : slope * z[i];
    },
    backwardInto: (z, _a, g, d) => {
      for (let i = 0; i < z.length; i++) d[i] = z[i] > 0 ? g[i] : slope * g[i];
    },
  };
}

/**
 * The leaky ReLU with PyTorch's default slope α = 0.01.
 *
 *   g(z) = max(z, 0.01·z)
 *
 * @example
 *   leakyRelu.f(-3);    // -0.03
 *   leakyRelu.df(-3);   // 0.01
 */
export const leakyRelu: Activation = createLeakyRelu(0.01);
