// Batch-norm lab (chapter 5): the engine's BatchNorm on raw house features. One mini-batch goes
// through steps 1–3 (batch mean and variance, standardize, scale by γ and shift by β); running
// averages follow successive batches; one house gets a different training-mode output in each
// batch but a single evaluation-mode output; and two small networks on the raw features are
// trained with plain SGD, one with a BatchNorm layer after its first linear layer.
import {
  ActivationLayer,
  BatchNorm,
  Dense,
  SGD,
  Sequential,
  type Tensor,
  Trainer,
  createRng,
  houseData,
  losses,
  takeColumns,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const FEATURES = ["bedrooms", "age", "distance"] as const;
export type Feature = (typeof FEATURES)[number];
export const DATA_M = 512;
export const RUNNING_BATCHES = 40;
export const TRAIN_STEPS = 300;
export const HIDDEN = 16;

export const batchNormSchema = {
  feature: { kind: "choice", label: t("batchNormLab.feature"), options: [...FEATURES], default: "distance" },
  gamma: { kind: "number", label: t("batchNormLab.gamma"), min: -2, max: 3, step: 0.1, default: 1.5 },
  beta: { kind: "number", label: t("batchNormLab.beta"), min: -3, max: 3, step: 0.1, default: 0.5 },
  batchSize: { kind: "number", label: t("batchNormLab.batchSize"), min: 2, max: 128, step: 1, default: 32 },
  batches: { kind: "number", label: t("batchNormLab.batches"), min: 1, max: RUNNING_BATCHES, step: 1, default: 20 },
  lr: { kind: "number", label: t("batchNormLab.lr"), min: 0.001, max: 1, step: 0.001, default: 0.2 },
} satisfies Schema;
export type BatchNormState = StateOf<typeof batchNormSchema>;

/** The raw (unstandardized) features bedrooms, age and distance of DATA_M houses, and the above-median labels. */
export function rawHouses() {
  const { X, labels } = houseData({ m: DATA_M, seed: 5, features: [...FEATURES] });
  return { X, labels };
}

/** Batch k (0-based) of `size` consecutive houses, wrapping around the data. */
export function batch(X: Tensor, size: number, k: number): Tensor {
  const start = (k * size) % X.cols;
  const idx = Array.from({ length: size }, (_, j) => (start + j) % X.cols);
  return takeColumns(X, idx);
}

/** Mean, (biased) standard deviation and skewness of some numbers. */
export function moments(v: ArrayLike<number>): { mean: number; std: number; skew: number } {
  const n = v.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += v[i] / n;
  let m2 = 0,
    m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = v[i] - mean;
    m2 += (d * d) / n;
    m3 += (d * d * d) / n;
  }
  const std = Math.sqrt(m2);
  return { mean, std, skew: std > 0 ? m3 / (std * std * std) : 0 };
}

export interface Stage {
  values: number[];
  mean: number;
  std: number;
  skew: number;
}
export interface StepsResult {
  feature: Feature;
  row: number;
  /** Step 1: the batch mean μ_B and variance σ²_B of the feature. */
  mu: number;
  variance: number;
  /** The layer's ε in √(σ²_B + ε). */
  eps: number;
  raw: Stage;
  /** Step 2: x̂ = (x − μ_B)/√(σ²_B + ε). */
  xHat: Stage;
  /** Step 3: y = γx̂ + β. */
  y: Stage;
}

const stage = (values: number[]): Stage => ({ values, ...moments(values) });

/** Steps 1–3 of batch normalization on the first batch, through the engine's BatchNorm (training mode). */
export function normalizeSteps(s: BatchNormState): StepsResult {
  const { X } = rawHouses();
  const row = FEATURES.indexOf(s.feature as Feature);
  const bn = new BatchNorm(FEATURES.length);
  bn.gamma.data[row] = s.gamma;
  bn.beta.data[row] = s.beta;
  const B = batch(X, s.batchSize, 0);
  bn.forward(B);
  const m = B.cols,
    pick = (T: Tensor) => Array.from(T.data.subarray(row * m, (row + 1) * m));
  return {
    feature: s.feature as Feature,
    row,
    mu: bn.cache.mu.data[row],
    variance: bn.cache.var.data[row],
    eps: bn.eps,
    raw: stage(pick(B)),
    xHat: stage(pick(bn.cache.xHat)),
    y: stage(pick(bn.cache.A)),
  };
}

/** Width of the histograms' shared bins, in batch standard deviations. */
export const BIN_WIDTH = 0.5;
export type StageKind = "raw" | "xhat" | "y";
export interface Bin {
  x1: number;
  x2: number;
  count: number;
}
export interface Histogram {
  bins: Bin[];
  /** The x range drawn: the outer bin edges, in the stage's own units (low to high). */
  domain: [number, number];
}

/**
 * The three histograms on ONE set of bins: edges every BIN_WIDTH standard deviations in x̂ units (k = …, −0.5, 0,
 * 0.5, …), carried to each stage by its own affine map (x = μ_B + k·√(σ²_B + ε), x̂ = k, y = γk + β). Each house
 * is counted once, by its x̂, so all three have the same bars: steps 2 and 3 move and stretch the histogram but
 * cannot change its shape. With γ < 0 step 3 mirrors it; with γ = 0 every bin collapses onto β.
 */
export function sharedHistograms(s: StepsResult, gamma: number, beta: number): Record<StageKind, Histogram> {
  const xh = s.xHat.values;
  let lo = Infinity,
    hi = -Infinity;
  for (const v of xh) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const k0 = Math.floor(lo / BIN_WIDTH),
    n = Math.max(1, Math.floor(hi / BIN_WIDTH) - k0 + 1);
  const counts = new Array<number>(n).fill(0);
  for (const v of xh) counts[Math.min(n - 1, Math.floor(v / BIN_WIDTH) - k0)]++;
  const sd = Math.sqrt(s.variance + s.eps);
  const maps: Record<StageKind, (k: number) => number> = { raw: (k) => s.mu + k * sd, xhat: (k) => k, y: (k) => gamma * k + beta };
  const edge = (i: number) => (k0 + i) * BIN_WIDTH;
  const out = {} as Record<StageKind, Histogram>;
  for (const kind of ["raw", "xhat", "y"] as const) {
    const f = maps[kind];
    const bins = counts.map((count, i) => {
      const [a, b] = [f(edge(i)), f(edge(i + 1))];
      return { x1: Math.min(a, b), x2: Math.max(a, b), count };
    });
    const [a, b] = [f(edge(0)), f(edge(n))];
    out[kind] = { bins, domain: [Math.min(a, b), Math.max(a, b)] };
  }
  return out;
}

export interface RunningPoint {
  batch: number;
  batchMean: number;
  runningMean: number;
  runningVar: number;
}
export interface RunningResult {
  points: RunningPoint[];
  /** The mean and unbiased variance of the feature over all the data, what the running averages approach. */
  dataMean: number;
  dataVar: number;
  /** House 1 in training mode inside each of the first batches, and in evaluation mode after s.batches batches. */
  trainOutputs: number[];
  evalOutput: number;
}

/** Running averages over s.batches successive batches (momentum 0.1, ρ = 0.9), and train-vs-eval output of house 1. */
export function runningStats(s: BatchNormState): RunningResult {
  const { X } = rawHouses();
  const row = FEATURES.indexOf(s.feature as Feature),
    bn = new BatchNorm(FEATURES.length);
  bn.gamma.data[row] = s.gamma;
  bn.beta.data[row] = s.beta;
  const points: RunningPoint[] = [];
  const trainOutputs: number[] = [];
  const house1 = takeColumns(X, [0]);
  for (let k = 0; k < s.batches; k++) {
    // NOTE: every batch here holds house 1 as its first column, so its training output can be compared.
    const B = batch(X, s.batchSize, k);
    for (let i = 0; i < FEATURES.length; i++) B.data[i * B.cols] = X.data[i * X.cols];
    const out = bn.forward(B);
    if (k < 5) trainOutputs.push(out.data[row * B.cols]);
    points.push({
      batch: k + 1,
      batchMean: bn.cache.mu.data[row],
      runningMean: bn.runningMean.data[row],
      runningVar: bn.runningVar.data[row],
    });
  }
  bn.eval();
  const evalOutput = bn.forward(house1).data[row];
  const all = Array.from(X.data.subarray(row * X.cols, (row + 1) * X.cols)),
    mo = moments(all);
  return { points, dataMean: mo.mean, dataVar: (mo.std * mo.std * all.length) / (all.length - 1), trainOutputs, evalOutput };
}

/** The two compared networks on 3 raw features: Dense(3→16, ReLU) → Dense(16→1), or with BatchNorm(16) before the ReLU. */
export function networks(): { plain: Sequential; withBn: Sequential } {
  const a = createRng(3),
    b = createRng(3);
  const plain = new Sequential([new Dense(3, HIDDEN, { activation: "relu", rng: a }), new Dense(HIDDEN, 1, { rng: a })]);
  const withBn = new Sequential([
    new Dense(3, HIDDEN, { init: "heNormal", rng: b }),
    new BatchNorm(HIDDEN),
    new ActivationLayer("relu"),
    new Dense(HIDDEN, 1, { rng: b }),
  ]);
  return { plain, withBn };
}

export interface TrainCurves {
  plain: number[];
  withBn: number[];
  plainStatus: string;
  withBnStatus: string;
}

/** Both networks trained for TRAIN_STEPS SGD steps (batch 32, same shuffles) on the classification preset. */
export function trainBoth(s: BatchNormState, steps = TRAIN_STEPS): TrainCurves {
  const { X, labels } = rawHouses(),
    { plain, withBn } = networks();
  const run = (model: Sequential) => {
    const trainer = new Trainer({
      model,
      loss: losses.bceWithLogits,
      optimizer: new SGD({ lr: s.lr }),
      X,
      Y: labels,
      batchSize: 32,
      seed: 9,
    });
    trainer.run(steps);
    return { loss: Array.from(trainer.history().loss), status: trainer.status };
  };
  const p = run(plain),
    b = run(withBn);
  return { plain: p.loss, withBn: b.loss, plainStatus: p.status, withBnStatus: b.status };
}
