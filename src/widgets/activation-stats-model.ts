// The activation-statistics widget's settings and numbers: unit-variance inputs pushed through a deep,
// square MLP (the engine's mlpDeep) under four initializations; the engine's activationStats gives each
// layer's variance and quantiles, and sampled weights are checked against each scheme's formula.
import {
  Tensor,
  activationStats,
  createRng,
  forward,
  initializers,
  mlpDeep,
  tensorStats,
  type ActivationName,
  type TensorStats,
} from "../../lib";
import { t } from "../i18n";
import { FLOW_ACTIVATIONS, FLOW_INITS, flowInitializer, type FlowInit } from "./gradient-flow-model";
import type { Schema, StateOf } from "./state";

export const STATS_WIDTH = 100;
export const STATS_EXAMPLES = 50;
/** Quantiles drawn as bands: 5–95 % and 25–75 %, with the median. */
export const BANDS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export const activationStatsSchema = {
  activation: { kind: "choice", label: t("activationStats.activation"), options: FLOW_ACTIVATIONS, default: "tanh" },
  init: { kind: "choice", label: t("activationStats.init"), options: FLOW_INITS, default: "xavier" },
  depth: { kind: "number", label: t("activationStats.depth"), min: 5, max: 40, step: 1, default: 30 },
} satisfies Schema;
export type ActivationStatsState = StateOf<typeof activationStatsSchema>;

/** The inputs: 50 examples of 100 features drawn from N(0, 1), the same every time. */
export function statsInput(): Tensor {
  const rng = createRng(7),
    X = new Tensor([STATS_WIDTH, STATS_EXAMPLES]);
  for (let i = 0; i < X.size; i++) X.data[i] = rng.normal();
  return X;
}

/** Per-layer statistics of A⁽ˡ⁾ (l = 1 … depth) for one activation and initialization. */
export function layerStats(activation: ActivationName, init: FlowInit, depth: number, X = statsInput()): TensorStats[] {
  const net = mlpDeep({ nIn: STATS_WIDTH, width: STATS_WIDTH, depth, activation, init: flowInitializer(init), seed: 1 });
  forward(net, X);
  return activationStats(net, BANDS).slice(0, depth);
}

/** The variance curve of every initialization for one activation (the comparison chart). */
export function allCurves(activation: ActivationName, depth: number): Record<FlowInit, TensorStats[]> {
  const X = statsInput();
  return Object.fromEntries(FLOW_INITS.map((init) => [init, layerStats(activation, init, depth, X)])) as Record<FlowInit, TensorStats[]>;
}

/** The variance each scheme intends for a square layer (n_in = n_out = n): 1e-4, 1, 2/(2n) = 1/n, 2/n. */
export function intendedVariance(init: FlowInit, n = STATS_WIDTH): number {
  return { small: 1e-4, large: 1, xavier: 2 / (n + n), he: 2 / n }[init];
}

/** The empirical variance of one sampled 100 × 100 weight matrix, drawn by the engine's initializer. */
export function sampledVariance(init: FlowInit, n = STATS_WIDTH): number {
  const f = flowInitializer(init),
    draw = typeof f === "string" ? initializers[f] : f;
  return tensorStats(draw(createRng(1), n, n)).variance;
}
