// The residual tracer's settings and numbers: a chain of scalar blocks, each branch F_k(x) = g(w_k·x + b_k),
// run through the engine twice, once with skips (y = x + F(x), the engine's Residual) and once without
// (y = F(x)). The engine's backward gives the gradient at block 1; the model checks it against the product
// of per-block factors read from the caches and splits it into paths.
import { Dense, Residual, Sequential, Tensor, activations, createRng, type ActivationName, type Layer } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const TRACER_ACTIVATIONS = ["tanh", "sigmoid", "relu"] as const;
export const X0 = 0.5;

export const residualTracerSchema = {
  blocks: { kind: "number", label: t("residualTracer.blocks"), min: 1, max: 30, step: 1, default: 10 },
  weight: { kind: "number", label: t("residualTracer.weight"), min: 0, max: 2, step: 0.05, default: 0.3 },
  activation: { kind: "choice", label: t("residualTracer.activation"), options: TRACER_ACTIVATIONS, default: "tanh" },
  skip: { kind: "boolean", label: t("residualTracer.skip"), default: true },
} satisfies Schema;
export type ResidualTracerState = StateOf<typeof residualTracerSchema>;

/** Block k's weight: the chosen scale times a seeded factor in [0.5, 1.5), so blocks differ a little. */
export function blockWeights(s: ResidualTracerState): number[] {
  const rng = createRng(5);
  return Array.from({ length: s.blocks }, () => s.weight * rng.uniform(0.5, 1.5));
}

/** One chain through the engine: the gradient ∂y_K/∂x₀ by backward, and each block's local slope F′_k = w_k·g′(z_k). */
export interface Chain {
  skip: boolean;
  /** ∂y_K/∂x₀ from the engine's backward pass. */
  gradient: number;
  /** F′_k for k = 1 … K. */
  slopes: number[];
  /** The factor each block multiplies the gradient by: 1 + F′_k with a skip, F′_k without. */
  factors: number[];
  /** |∂y_K/∂x_k| for k = 0 … K (x_K = y_K): the gradient as it travels back, block by block. */
  reach: number[];
  /** Block outputs x_1 … x_K. */
  outputs: number[];
}

export function runChain(s: ResidualTracerState, skip: boolean): Chain {
  const g = s.activation as ActivationName,
    w = blockWeights(s);
  const branches = w.map((wk) => {
    const d = new Dense(1, 1, { activation: g });
    d.W.data[0] = wk;
    return d;
  });
  const blocks: Layer[] = skip ? branches.map((d) => new Residual([d])) : branches;
  const net = new Sequential(blocks);
  net.forward(Tensor.from([[X0]]));
  const gradient = net.backward(Tensor.from([[1]])).data[0];
  const slopes = branches.map((d) => d.W.data[0] * activations[g].df(d.cache.Z.data[0]));
  const factors = slopes.map((f) => (skip ? 1 + f : f));
  const reach = [1];
  for (let k = factors.length - 1; k >= 0; k--) reach.unshift(reach[0] * factors[k]);
  return { skip, gradient, slopes, factors, reach: reach.map(Math.abs), outputs: blocks.map((b) => b.cache.A.data[0]) };
}

/** The product of a chain's factors, which must equal the engine's gradient. */
export function product(factors: readonly number[]): number {
  return factors.reduce((p, f) => p * f, 1);
}

/**
 * The gradient with skips split by paths: expanding ∏(1 + F′_k), the paths that go through exactly j
 * branches add up to e_j (the j-th elementary symmetric polynomial of the F′_k); e_0 = 1 is the pure skip path.
 */
export function pathSums(slopes: readonly number[]): number[] {
  const e = [1];
  for (const f of slopes) {
    e.push(0);
    for (let j = e.length - 1; j >= 1; j--) e[j] += e[j - 1] * f;
  }
  return e;
}

/** The product written out, e.g. "(1 + 0.28)(1 + 0.31)… = 9.1", shortened to its first and last terms when long. */
export function productText(factors: readonly number[], skip: boolean, slopes: readonly number[], fmt: (x: number) => string): string {
  const terms = slopes.map((f) => (skip ? `(1 + ${fmt(f)})` : `(${fmt(f)})`));
  const shown = terms.length <= 6 ? terms.join("") : `${terms.slice(0, 3).join("")} … ${terms.slice(-2).join("")}`;
  return `${shown} = ${fmt(product(factors))}`;
}
