// The training playground's settings and the pieces it trains: the four point sets (with noise), the input
// features, the train/test split, the network of 1–4 hidden layers, the optimizer with its weight penalty, all
// built by the engine. No DOM, so the fallback and the unit tests share it.
import {
  Adam,
  PenalizedOptimizer,
  SGD,
  Tensor,
  circles,
  createRng,
  mlp,
  moons,
  penalties,
  spiral,
  xor,
  type Dataset,
  type Optimizer,
  type Sequential,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const DATASETS = ["moons", "circles", "xor", "spiral"] as const;
export const HIDDEN_ACTIVATIONS = ["relu", "tanh", "sigmoid", "linear"] as const;
export const OPTIMIZERS = ["sgd", "adam"] as const;
/** Learning rates on a log-spaced slider: 1, 2, 3, 5 per decade from 0.001 to 100. */
export const LR_LADDER = [-3, -2, -1, 0, 1].flatMap((e) => [1, 2, 3, 5].map((m) => Number((m * 10 ** e).toPrecision(1)))).concat(100);
export const BATCH_SIZES = ["1", "4", "16", "32", "64", "all"] as const;
export const PENALTIES = ["none", "l1", "l2"] as const;
export const PENALTY_STRENGTHS = ["0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1"] as const;
/** Steps per animation frame; "max" runs as many as fit in the frame's time budget. */
export const SPEEDS = ["1", "10", "100", "max"] as const;
/** The inputs the network can be given, each a function of the point (x₁, x₂). */
export const FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sin1", "sin2"] as const;
export const MAX_LAYERS = 4;
export const MAX_UNITS = 8;

export type DatasetName = (typeof DATASETS)[number];
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type PenaltyName = (typeof PENALTIES)[number];
export type FeatureName = (typeof FEATURES)[number];

const units = (k: number, fallback: number) =>
  ({ kind: "number", label: t("trainPlayground.units", { layer: k }), min: 1, max: MAX_UNITS, step: 1, default: fallback }) as const;
const feature = (name: FeatureName, on: boolean) =>
  ({ kind: "boolean", label: t(`trainPlayground.feature.${name}`), default: on }) as const;

export const trainPlaygroundSchema = {
  dataset: { kind: "choice", label: t("trainPlayground.dataset"), options: DATASETS, default: "moons" },
  lr: { kind: "number", label: t("trainPlayground.lr"), min: LR_LADDER[0], max: LR_LADDER.at(-1)!, step: 0.001, default: 0.03 },
  noise: { kind: "number", label: t("trainPlayground.noise"), min: 0, max: 0.5, step: 0.05, default: 0.1 },
  ratio: { kind: "number", label: t("trainPlayground.ratio"), min: 10, max: 90, step: 10, default: 70 },
  batch: { kind: "choice", label: t("trainPlayground.batch"), options: BATCH_SIZES, default: "32" },
  x1: feature("x1", true),
  x2: feature("x2", true),
  x1sq: feature("x1sq", false),
  x2sq: feature("x2sq", false),
  x1x2: feature("x1x2", false),
  sin1: feature("sin1", false),
  sin2: feature("sin2", false),
  layers: { kind: "number", label: t("trainPlayground.layers"), min: 1, max: MAX_LAYERS, step: 1, default: 1 },
  units1: units(1, 8),
  units2: units(2, 4),
  units3: units(3, 4),
  units4: units(4, 2),
  activation: { kind: "choice", label: t("trainPlayground.activation"), options: HIDDEN_ACTIVATIONS, default: "relu" },
  optimizer: { kind: "choice", label: t("trainPlayground.optimizer"), options: OPTIMIZERS, default: "sgd" },
  penalty: { kind: "choice", label: t("trainPlayground.penalty"), options: PENALTIES, default: "none" },
  lambda: { kind: "choice", label: t("trainPlayground.lambda"), options: PENALTY_STRENGTHS, default: "0.001" },
  speed: { kind: "choice", label: t("trainPlayground.speed"), options: SPEEDS, default: "max" },
  logScale: { kind: "boolean", label: t("trainPlayground.logScale"), default: true },
} satisfies Schema;
export type TrainPlaygroundState = StateOf<typeof trainPlaygroundSchema>;

/** The ladder position of a learning rate (the nearest rung on a log scale), and back. */
export function lrToSlider(lr: number): number {
  let best = 0;
  for (let i = 1; i < LR_LADDER.length; i++) {
    if (Math.abs(Math.log(LR_LADDER[i] / lr)) < Math.abs(Math.log(LR_LADDER[best] / lr))) best = i;
  }
  return best;
}
export const sliderToLr = (position: number): number => LR_LADDER[Math.max(0, Math.min(LR_LADDER.length - 1, Math.round(position)))];

/** A labelled point set kept as plain arrays, so points can be added one at a time. */
export interface Points {
  x: number[];
  y: number[];
  label: number[];
}

/**
 * The engine's generator for each set; `noise` is the standard deviation of the Gaussian jitter added to each
 * coordinate, the same for every set. The prose's claims hold at the default 0.1 (see the unit tests).
 */
export function datasetPoints(name: DatasetName, noise = 0.1): Points {
  const sets: Record<DatasetName, () => Dataset> = {
    moons: () => moons({ m: 200, noise, seed: 1 }),
    circles: () => circles({ m: 200, noise, seed: 1 }),
    xor: () => xor({ m: 200, margin: 0.1, noise, seed: 1 }),
    // Two classes and 1.5 turns: a few hidden units are not enough, several layers of eight are.
    spiral: () => spiral({ m: 300, classes: 2, turns: 1.5, noise, seed: 1 }),
  };
  const { X, Y } = sets[name]();
  const m = X.cols;
  return { x: Array.from(X.data.subarray(0, m)), y: Array.from(X.data.subarray(m, 2 * m)), label: Array.from(Y.data) };
}

/** The value of one input feature at the point (a, b) = (x₁, x₂). */
export function featureValue(name: FeatureName, a: number, b: number): number {
  switch (name) {
    case "x1":
      return a;
    case "x2":
      return b;
    case "x1sq":
      return a * a;
    case "x2sq":
      return b * b;
    case "x1x2":
      return a * b;
    case "sin1":
      return Math.sin(a);
    case "sin2":
      return Math.sin(b);
  }
}

/** The network's input: one row per chosen feature, one column per point, X [k, m]. */
export function featureMatrix(features: readonly FeatureName[], x: ArrayLike<number>, y: ArrayLike<number>, out?: Tensor): Tensor {
  const m = x.length,
    k = features.length;
  const X = out && out.rows === k && out.cols === m ? out : new Tensor([k, m]);
  for (let f = 0; f < k; f++) for (let j = 0; j < m; j++) X.data[f * m + j] = featureValue(features[f], x[j], y[j]);
  return X;
}

/**
 * Which points are held out for testing: point i draws uᵢ from a fixed seeded stream and trains when uᵢ < ratio.
 * Adding a point never moves the others, and a larger ratio only moves test points into training.
 */
export function splitMask(count: number, ratioPercent: number, seed = 7): boolean[] {
  const rng = createRng(seed),
    r = ratioPercent / 100;
  return Array.from({ length: count }, () => rng.uniform() < r);
}

/** The points whose mask entry equals `train`, laid out for the engine: X [k, m] over the features, Y [1, m]. */
export function toDataset(p: Points, features: readonly FeatureName[] = ["x1", "x2"], mask?: readonly boolean[], train = true): Dataset {
  const keep = p.x.map((_, i) => !mask || mask[i] === train);
  const x = p.x.filter((_, i) => keep[i]),
    y = p.y.filter((_, i) => keep[i]),
    label = p.label.filter((_, i) => keep[i]);
  return { X: featureMatrix(features, x, y), Y: new Tensor([1, label.length], label) };
}

/**
 * The network: k features → the hidden layers (each with the chosen activation) → one output logit z.
 * The output is linear and trained with bceWithLogits, the stable form of sigmoid + BCE: p = σ(z).
 */
export function buildNetwork(inputs: number, hidden: readonly number[], activation: HiddenActivation, seed: number): Sequential {
  return mlp([inputs, ...hidden, 1], { hidden: activation, output: "linear", seed });
}

/** The optimizer, wrapped so the chosen penalty (on weights, not biases) joins every update. */
export function buildOptimizer(
  name: OptimizerName,
  lr: number,
  model: Sequential,
  penalty: PenaltyName,
  lambda: number,
): PenalizedOptimizer {
  const inner: Optimizer = name === "adam" ? new Adam({ lr }) : new SGD({ lr });
  return new PenalizedOptimizer(
    inner,
    penalty === "none" ? null : penalties[penalty],
    lambda,
    model.params().map((p) => p.decay),
  );
}

/** Examples per step: a number, or every point (full-batch gradient descent). */
export function batchSize(choice: string, m: number): number {
  return choice === "all" ? Math.max(1, m) : Math.min(Number(choice), Math.max(1, m));
}

/** The chosen features, in the fixed order of FEATURES. */
export const chosenFeatures = (s: TrainPlaygroundState): FeatureName[] => FEATURES.filter((f) => s[f]);

/** The hidden widths, one per hidden layer in use. */
export const hiddenWidths = (s: TrainPlaygroundState): number[] => [s.units1, s.units2, s.units3, s.units4].slice(0, s.layers);

/** The settings a session needs, read from the widget state. */
export function sessionSettings(s: TrainPlaygroundState) {
  return {
    features: chosenFeatures(s),
    hidden: hiddenWidths(s),
    activation: s.activation as HiddenActivation,
    optimizer: s.optimizer as OptimizerName,
    lr: s.lr,
    batch: s.batch,
    penalty: s.penalty as PenaltyName,
    lambda: Number(s.lambda),
    ratio: s.ratio,
  };
}
export type SessionSettings = ReturnType<typeof sessionSettings>;
