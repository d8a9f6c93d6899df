// The table of contents of lib/init/ (initializers): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { fans, filled, calculateGain, type FanOut, type GainNonlinearity } from "./fans";
export { zeros, uniform, normal } from "./basic";
export { xavierUniform, xavierNormal } from "./xavier";
export { heUniform, heNormal, type HeOptions } from "./he";
export { orthogonal } from "./orthogonal";
export { initScale } from "./scales";

import type { Rng } from "../random/rng";
import type { Tensor } from "../tensor/tensor";
import { zeros, uniform, normal } from "./basic";
import { xavierUniform, xavierNormal } from "./xavier";
import { heUniform, heNormal } from "./he";

/** A weight initializer: a fresh [fanOut, fanIn] tensor from a seeded generator. */
export type Initializer = (rng: Rng, fanOut: number, fanIn: number) => Tensor;

/**
 * Every initializer by name with its default options, for layer options and widget menus.
 *
 *   initializers[name](rng, fanOut, fanIn) → W [fanOut, fanIn]
 *
 * @example
 *   initializers.heNormal(createRng(1), 4, 3);
 *   new Dense(3, 4, { init: "xavierUniform" });
 */
export const initializers = {
  zeros: (rng, o, i) => zeros(rng, o, i),
  uniform: (rng, o, i) => uniform(rng, o, i),
  normal: (rng, o, i) => normal(rng, o, i),
  xavierUniform: (rng, o, i) => xavierUniform(rng, o, i),
  xavierNormal: (rng, o, i) => xavierNormal(rng, o, i),
  heUniform: (rng, o, i) => heUniform(rng, o, i),
  heNormal: (rng, o, i) => heNormal(rng, o, i),
} satisfies Record<string, Initializer>;

/** The name of a built-in initializer. */
export type InitializerName = keyof typeof initializers;
