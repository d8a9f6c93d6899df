import type { Activation } from "./activation";

/**
 * An exponential linear unit with scale α for the negative side.
 *
 *   g(z) = z if z > 0 else α(e^z − 1),  g′(z) = 1 if z > 0 else α·e^z
 *
 * As torch.nn.ELU(alpha=α); at z = 0 the derivative is α (PyTorch's choice), equal to 1 for α = 1.
 * @example
 *   createElu(2).f(-Infinity);   // -2
 *   elu.df(-1);                  // e^(−1) ≈ 0.3679
 */
export function createElu(alpha = 1): Activation {
  return {
    name: "elu",
    alpha,
    init: "he",
    // NOTE: expm1 keeps α(e^z − 1) accurate for tiny |z|; e^(−1000) underflows to 0, giving −α.
    f: (z) => (z > 0 ? z : alpha * Math.expm1(z)),
    df: (z) => (z > 0 ? 1 : alpha * Math.exp(z)),
  };
}

/**
 * The ELU with α = 1 (PyTorch's default).
 *
 *   g(z) = z if z > 0 else e^z − 1
 *
 * @example
 *   elu.f(2);     // 2
 *   elu.f(-1);    // e^(−1) − 1 ≈ −0.632
 */
export const elu: Activation = createElu(1);
