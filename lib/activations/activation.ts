/**
 * A scalar activation g with its derivative g′, as the chapters write them: `A = g(Z)`, `dZ = dA ⊙ g′(Z)`.
 * Layers apply the built-in ones by `name` with specialised loops (see `activateInto`), so a custom
 * activation needs a name of its own; leakyRelu and elu carry their parameter as `slope` / `alpha`.
 *
 * @example
 *   const square: Activation = { name: "square", f: (z) => z * z, df: (z) => 2 * z };
 *   relu.f(-2); relu.df(3);   // 0, 1
 */
export interface Activation {
  readonly name: string;
  /** g(z) */
  f(z: number): number;
  /** g′(z) */
  df(z: number): number;
  /** The negative-side slope of leakyRelu. */
  readonly slope?: number;
  /** The negative-side scale of elu. */
  readonly alpha?: number;
}
