// The training playground's settings and the pieces it trains: the four point sets, the one-hidden-layer
// network and the optimizer, all built by the engine. No DOM, so the fallback and the unit tests share it.
import { Adam, SGD, Tensor, circles, mlp, moons, spiral, xor, type Dataset, type Optimizer, type Sequential } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const DATASETS = ["moons", "circles", "xor", "spiral"] as const;
export const HIDDEN_ACTIVATIONS = ["relu", "tanh", "sigmoid", "linear"] as const;
export const OPTIMIZERS = ["sgd", "adam"] as const;
// A select rather than a slider: learning rates only make sense on a log scale.
export const LEARNING_RATES = ["0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10", "30", "100"] as const;
export const BATCH_SIZES = ["1", "4", "16", "32", "64", "all"] as const;
/** Steps per animation frame; "max" runs as many as fit in the frame's time budget. */
export const SPEEDS = ["1", "10", "100", "max"] as const;

export type DatasetName = (typeof DATASETS)[number];
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const trainPlaygroundSchema = {
  dataset: { kind: "choice", label: t("trainPlayground.dataset"), options: DATASETS, default: "moons" },
  width: { kind: "number", label: t("trainPlayground.width"), min: 1, max: 32, step: 1, default: 8 },
  activation: { kind: "choice", label: t("trainPlayground.activation"), options: HIDDEN_ACTIVATIONS, default: "relu" },
  optimizer: { kind: "choice", label: t("trainPlayground.optimizer"), options: OPTIMIZERS, default: "sgd" },
  lr: { kind: "choice", label: t("trainPlayground.lr"), options: LEARNING_RATES, default: "0.03" },
  batch: { kind: "choice", label: t("trainPlayground.batch"), options: BATCH_SIZES, default: "32" },
  speed: { kind: "choice", label: t("trainPlayground.speed"), options: SPEEDS, default: "max" },
  logScale: { kind: "boolean", label: t("trainPlayground.logScale"), default: true },
} satisfies Schema;
export type TrainPlaygroundState = StateOf<typeof trainPlaygroundSchema>;

/** A labelled point set kept as plain arrays, so points can be added one at a time. */
export interface Points {
  x: number[];
  y: number[];
  label: number[];
}

/** The engine's generator for each set, with settings that make the prose's claims hold (see the unit tests). */
export function datasetPoints(name: DatasetName): Points {
  const sets: Record<DatasetName, () => Dataset> = {
    moons: () => moons({ m: 200, noise: 0.1, seed: 1 }),
    circles: () => circles({ m: 200, noise: 0.05, seed: 1 }),
    xor: () => xor({ m: 200, margin: 0.1, seed: 1 }),
    // Two classes and 1.5 turns: a few hidden units are not enough, sixteen are.
    spiral: () => spiral({ m: 300, classes: 2, turns: 1.5, noise: 0.1, seed: 1 }),
  };
  const { X, Y } = sets[name]();
  const m = X.cols;
  return { x: Array.from(X.data.subarray(0, m)), y: Array.from(X.data.subarray(m, 2 * m)), label: Array.from(Y.data) };
}

/** The points as the engine wants them: X [2, m] (examples as columns) and Y [1, m]. */
export function toDataset(p: Points): Dataset {
  const m = p.x.length;
  return { X: new Tensor([2, m], [...p.x, ...p.y]), Y: new Tensor([1, m], p.label) };
}

/**
 * The network: 2 inputs → `width` hidden units with the chosen activation → one output logit z.
 * The output is linear and trained with bceWithLogits, the stable form of sigmoid + BCE: p = σ(z).
 */
export function buildNetwork(width: number, activation: HiddenActivation, seed: number): Sequential {
  return mlp([2, width, 1], { hidden: activation, output: "linear", seed });
}

export function buildOptimizer(name: OptimizerName, lr: number): Optimizer {
  return name === "adam" ? new Adam({ lr }) : new SGD({ lr });
}

/** Examples per step: a number, or every point (full-batch gradient descent). */
export function batchSize(choice: string, m: number): number {
  return choice === "all" ? Math.max(1, m) : Math.min(Number(choice), Math.max(1, m));
}

/** The settings a session needs, read from the widget state. */
export function sessionSettings(s: TrainPlaygroundState) {
  return {
    width: s.width,
    activation: s.activation as HiddenActivation,
    optimizer: s.optimizer as OptimizerName,
    lr: Number(s.lr),
    batch: s.batch,
  };
}
export type SessionSettings = ReturnType<typeof sessionSettings>;
