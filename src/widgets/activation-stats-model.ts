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
  type Initializer,
  type Sequential,
  type TensorStats,
} from "../../lib";
import { t } from "../i18n";
import { FLOW_ACTIVATIONS, FLOW_INITS, flowInitializer, type FlowInit } from "./gradient-flow-model";
import type { Schema, StateOf } from "./state";

export const STATS_WIDTH = 100;
export const STATS_EXAMPLES = 50;
/** The deepest network the depth slider reaches. */
export const STATS_MAX_DEPTH = 40;
/** Quantiles drawn as bands: 5–95 % and 25–75 %, with the median. */
export const BANDS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export const activationStatsSchema = {
  activation: { kind: "choice", label: t("activationStats.activation"), options: FLOW_ACTIVATIONS, default: "tanh" },
  init: { kind: "choice", label: t("activationStats.init"), options: FLOW_INITS, default: "xavier" },
  depth: { kind: "number", label: t("activationStats.depth"), min: 5, max: STATS_MAX_DEPTH, step: 1, default: 30 },
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

const sampled = new Map<string, number>();
/** The empirical variance of one sampled 100 × 100 weight matrix, drawn by the engine's initializer (once per scheme). */
export function sampledVariance(init: FlowInit, n = STATS_WIDTH): number {
  const key = `${init}:${n}`;
  let v = sampled.get(key);
  if (v === undefined) sampled.set(key, (v = tensorStats(engineInitializer(init)(createRng(1), n, n)).variance));
  return v;
}

/** The engine's initializer for a scheme, as mlpDeep takes it. */
function engineInitializer(init: FlowInit): Initializer {
  const f = flowInitializer(init);
  return typeof f === "string" ? initializers[f] : f;
}

/**
 * One initializer per scheme that remembers the matrices it drew, by call: mlpDeep draws its layers in order from
 * one generator seeded 1, so its k-th call always receives the same generator state and the remembered draw is the
 * very matrix the engine would draw. The weights do not depend on the activation, so a new activation reuses all
 * 4 × 41 of them instead of drawing 1.6 million normal numbers again. The networks are always built at the
 * greatest depth, so the first build draws every matrix and no later call meets a partly filled list.
 */
const remembered = new Map<FlowInit, Tensor[]>();
function rememberingInitializer(init: FlowInit): Initializer {
  const draws = remembered.get(init) ?? remembered.set(init, []).get(init)!,
    draw = engineInitializer(init);
  let k = 0;
  return (rng, fanOut, fanIn) => (draws[k++] ??= draw(rng, fanOut, fanIn));
}

/**
 * Every initialization's per-layer statistics for one activation, computed one layer at a time so the widget can
 * spread the work over animation frames (a SliceJob). The highlighted scheme goes first, then the others, each to
 * the greatest depth, so a later depth change finds its numbers ready, and only one network (ten megabytes of
 * buffers) is alive at a time. The statistics of layer l depend only on layers 1 … l (mlpDeep draws layer by layer
 * from one generator), so each entry equals `layerStats(activation, init, depth)[l - 1]` for any depth ≥ l.
 */
export class StatsSweep {
  readonly stats: Record<FlowInit, TensorStats[]> = { small: [], large: [], xavier: [], he: [] };
  private net?: { init: FlowInit; layers: Sequential["layers"]; A: Tensor };
  private readonly X = statsInput();
  /** The scheme computed first. */
  first: FlowInit = "xavier";

  constructor(readonly activation: ActivationName) {}

  /** True once every scheme has its first `depth` layers. */
  ready(depth: number): boolean {
    return FLOW_INITS.every((init) => this.stats[init].length >= depth);
  }

  /** True once every scheme reaches the greatest depth. */
  get finished(): boolean {
    return this.ready(STATS_MAX_DEPTH);
  }

  /** Computes up to `layers` more layers, the first scheme before the others; true once finished. */
  advance(layers: number): boolean {
    for (let n = 0; n < layers; n++) {
      const init = [this.first, ...FLOW_INITS].find((i) => this.stats[i].length < STATS_MAX_DEPTH);
      if (!init) break;
      this.step(init);
    }
    return this.finished;
  }

  /** Forward through one more hidden layer of `init`'s network, and that layer's statistics (the engine's tensorStats). */
  private step(init: FlowInit): void {
    if (this.net?.init !== init) {
      // A switch of the first scheme mid-way drops the half-done network; its statistics so far stay valid.
      const { layers } = mlpDeep({
        nIn: STATS_WIDTH,
        width: STATS_WIDTH,
        depth: STATS_MAX_DEPTH,
        activation: this.activation,
        init: rememberingInitializer(init),
        seed: 1,
      });
      let A = this.X;
      for (let l = 0; l < this.stats[init].length; l++) A = layers[l].forward(A);
      this.net = { init, layers, A };
    }
    const net = this.net,
      l = this.stats[init].length;
    net.A = net.layers[l].forward(net.A);
    this.stats[init].push(tensorStats(net.A, BANDS));
    if (l + 1 === STATS_MAX_DEPTH) this.net = undefined;
  }
}
