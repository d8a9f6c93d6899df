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
  /** The initializer family that keeps a layer's variance before this activation: "he" for ReLU-like
   * units (which silence about half their inputs), "xavier" (the default) otherwise. */
  readonly init?: "he" | "xavier";
  /** Optional whole-array loop A = g(Z) for the training path (`a` may be `z`); without it, f is called per entry. */
  readonly forwardInto?: (z: Float64Array, a: Float64Array) => void;
  /** Optional whole-array loop dZ = dA ⊙ g′(Z), reading A = g(Z) where cheaper (`dZ` may be `dA`); without it, df is called per entry. */
  readonly backwardInto?: (z: Float64Array, a: Float64Array, dA: Float64Array, dZ: Float64Array) => void;
  /** The negative-side slope of leakyRelu. */
  readonly slope?: number;
  /** The negative-side scale of elu. */
  readonly alpha?: number;
}
