// A small convolutional network learning the course's generated digits in the page (chapter 9), next to a dense
// network with about as many parameters, trained on the same batches. The engine's Trainer runs every update
// (forward, softmax cross-entropy, backward, an Adam step) and applies its divergence rule; test accuracy and loss are
// measured on images neither network trains on. No DOM: the element calls `runFor` between animation frames.
import { rateOf } from "./rate-slider";
import {
  ActivationLayer,
  Adam,
  Conv2d,
  Dense,
  MaxPool2d,
  Sequential,
  Trainer,
  classAccuracy,
  softmaxCeInto,
  createRng,
  digits,
  losses,
  paramCount,
  gatherColumns,
  Tensor,
  type DigitSet,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** Image side, kernel side and pooling window of the network: 14×14 → conv 3×3 → 12×12 → max-pool 2 → 6×6. */
export const SIZE = 14;
export const KERNEL = 3;
export const POOL = 2;
export const CLASSES = 10;
/** Images per update, and a loss past which a run is called diverged (guessing uniformly costs ln 10 ≈ 2.3). */
export const BATCH = 32;
export const LOSS_CEILING = 50;
/** Curve points kept; when full, every other one is dropped. */
export const CURVE_MAX = 200;
/** The learning-rate slider moves log₁₀ of Adam's rate: 0.0001 … 0.1 in tenths of a decade. */
export const LOG_LR = { min: -4, max: -1, step: 0.1 } as const;

export const cnnTrainerSchema = {
  filters: { kind: "number", label: t("cnnTrainer.filters"), min: 1, max: 8, step: 1, default: 4 },
  logLr: { kind: "number", label: t("cnnTrainer.lr"), ...LOG_LR, default: -2 },
  seed: { kind: "number", label: t("cnnTrainer.seed"), min: 1, max: 50, step: 1, default: 1 },
} satisfies Schema;
export type CnnTrainerState = StateOf<typeof cnnTrainerSchema>;

/** Images per forward pass when scoring: every layer keeps buffers per batch size, and a pass over all 600 training
 * images at once allocated about 30 MB (100-400 ms here); chunks of 40 reuse one small set of buffers. */
export const SCORE_CHUNK = 40;

/** Images as column chunks of SCORE_CHUNK, for scoring without large buffers. */
export type Chunks = { X: Tensor; Y: Tensor }[];
let data: { train: DigitSet; test: DigitSet; trainChunks: Chunks; testChunks: Chunks } | undefined;

/** The generated digit set, made once per page (600 training and 200 test images, seed 1), and its scoring chunks. */
export function digitData(): { train: DigitSet; test: DigitSet; trainChunks: Chunks; testChunks: Chunks } {
  if (!data) {
    const { train, test } = digits({ trainPerClass: 60, testPerClass: 20, size: SIZE, seed: 1 });
    data = { train, test, trainChunks: chunksOf(train), testChunks: chunksOf(test) };
  }
  return data;
}

function chunksOf(set: DigitSet): Chunks {
  const m = set.X.cols,
    order = Int32Array.from({ length: m }, (_, j) => j),
    out: Chunks = [];
  for (let start = 0; start < m; start += SCORE_CHUNK) {
    const B = Math.min(SCORE_CHUNK, m - start);
    out.push({
      X: gatherColumns(new Tensor([set.X.rows, B]), set.X, order, start),
      Y: gatherColumns(new Tensor([1, B]), set.Y, order, start),
    });
  }
  return out;
}

/** Side of the maps after convolution and after pooling. */
const CONV_SIDE = SIZE - KERNEL + 1,
  POOL_SIDE = Math.floor(CONV_SIDE / POOL);

/** Conv2d(1→F, 3×3) → ReLU → MaxPool2d(2) → Dense(F·6·6 → 10): the logits of 10 classes from 14×14 images as columns. */
export function buildCnn(filters: number, seed: number): { model: Sequential; conv: Conv2d } {
  const rng = createRng(seed),
    F = Math.round(filters);
  const conv = new Conv2d(1, F, KERNEL, { inputSize: [SIZE, SIZE], rng });
  const model = new Sequential([
    conv,
    new ActivationLayer("relu"),
    new MaxPool2d(POOL, { inputShape: [F, CONV_SIDE, CONV_SIDE] }),
    new Dense(F * POOL_SIDE * POOL_SIDE, CLASSES, { rng }),
  ]);
  return { model, conv };
}

/**
 * The hidden width h of a dense network 196 → h → 10 with about `params` parameters:
 *   196h + h + 10h + 10 ≈ params  ⇒  h = round((params − 10) / 207), at least 1.
 */
export function denseWidthFor(params: number): number {
  return Math.max(1, Math.round((params - CLASSES) / (SIZE * SIZE + 1 + CLASSES)));
}

/** Dense(196 → h, ReLU) → Dense(h → 10). */
export function buildDense(hidden: number, seed: number): Sequential {
  const rng = createRng(seed + 1000);
  return new Sequential([new Dense(SIZE * SIZE, hidden, { activation: "relu", rng }), new Dense(hidden, CLASSES, { rng })]);
}

/** One network's loss and accuracy on a set of images. */
export interface Score {
  loss: number;
  accuracy: number;
}

/** Curves: per point, the update count, the mean training batch loss and accuracy since the last point, and test scores. */
export interface Curves {
  step: number[];
  trainLoss: number[];
  trainAccuracy: number[];
  testLoss: number[];
  testAccuracy: number[];
  denseTestAccuracy: number[];
}

export class CnnTrainer {
  cnn!: Sequential;
  conv!: Conv2d;
  dense!: Sequential;
  private cnnRun!: Trainer;
  private denseRun!: Trainer;
  private optimizers: Adam[] = [];
  private recorded = 0;
  /** Restarts so far (fresh weights), so a drawing can tell a new run at update 0 from the old one. */
  restarts = 0;
  readonly curve: Curves = { step: [], trainLoss: [], trainAccuracy: [], testLoss: [], testAccuracy: [], denseTestAccuracy: [] };
  /** The latest test scores of both networks. */
  test: { cnn: Score; dense: Score } = { cnn: { loss: NaN, accuracy: NaN }, dense: { loss: NaN, accuracy: NaN } };

  constructor(private settings: CnnTrainerState) {
    this.reset();
  }

  get step(): number {
    return this.cnnRun.step;
  }

  get epoch(): number {
    return this.cnnRun.report().epoch;
  }

  get status(): "ok" | "diverged" {
    return this.cnnRun.status === "ok" && this.denseRun.status === "ok" ? "ok" : "diverged";
  }

  get lr(): number {
    return rateOf(this.settings.logLr);
  }

  /** The seed the networks were built with. */
  get seed(): number {
    return this.settings.seed;
  }

  get cnnParams(): number {
    return paramCount(this.cnn);
  }

  get denseParams(): number {
    return paramCount(this.dense);
  }

  get denseWidth(): number {
    return (this.dense.layers[0] as Dense).nOut;
  }

  /** Fresh weights from the seed, fresh Adam states and Trainers, and curves holding only the untrained scores. */
  reset(): void {
    const s = this.settings,
      { train } = digitData();
    ({ model: this.cnn, conv: this.conv } = buildCnn(s.filters, s.seed));
    this.dense = buildDense(denseWidthFor(paramCount(this.cnn)), s.seed);
    this.optimizers = [new Adam({ lr: this.lr }), new Adam({ lr: this.lr })];
    const options = { loss: losses.softmaxCe, X: train.X, Y: train.Y, batchSize: BATCH, seed: s.seed, divergeAbove: LOSS_CEILING };
    // The same seed gives both runs the same batches in the same order.
    this.cnnRun = new Trainer({ ...options, model: this.cnn, optimizer: this.optimizers[0] });
    this.denseRun = new Trainer({ ...options, model: this.dense, optimizer: this.optimizers[1] });
    this.recorded = 0;
    this.restarts++;
    for (const a of Object.values(this.curve)) a.length = 0;
    const start = this.score(this.cnn, digitData().trainChunks);
    this.pushPoint(0, start.loss, start.accuracy);
  }

  /** New settings: new filters or seed restart; a new learning rate carries on. Returns true on restart. */
  apply(next: CnnTrainerState): boolean {
    const s = this.settings;
    this.settings = { ...next };
    if (Math.round(next.filters) !== Math.round(s.filters) || next.seed !== s.seed) {
      this.reset();
      return true;
    }
    for (const o of this.optimizers) o.lr = this.lr;
    return false;
  }

  /** Up to k updates of both networks (fewer when one diverges). Returns the updates done. */
  run(k: number): number {
    const before = this.cnnRun.step;
    for (let i = 0; i < k && this.status === "ok"; i++) {
      this.cnnRun.run(1);
      this.denseRun.run(1);
    }
    return this.cnnRun.step - before;
  }

  /** Runs updates one at a time until `budgetMs` has passed on `now` (at least one), or a run diverges. */
  runFor(budgetMs: number, now: () => number = () => performance.now()): number {
    const start = now();
    let done = 0;
    do done += this.run(1);
    while (this.status === "ok" && now() - start < budgetMs);
    return done;
  }

  /** Mean loss and accuracy of a network over image chunks, in evaluation mode (no update). */
  score(model: Sequential, chunks: Chunks): Score {
    let loss = 0,
      right = 0,
      m = 0;
    model.eval();
    for (const { X, Y } of chunks) {
      const out = model.forward(X);
      loss += softmaxCeInto(this.scratch(out), out, Y) * X.cols;
      right += classAccuracy(out, Y) * X.cols;
      m += X.cols;
    }
    model.train();
    return { loss: loss / m, accuracy: right / m };
  }

  private scratchBuffers = new Map<number, Tensor>();
  /** A dA buffer the loss writes into while scoring (its values are not used). */
  private scratch(out: Tensor): Tensor {
    let b = this.scratchBuffers.get(out.cols);
    if (!b) this.scratchBuffers.set(out.cols, (b = new Tensor(out.shape)));
    return b;
  }

  /** Adds a curve point if there were updates since the last: mean batch loss and accuracy since then, and test scores now. */
  record(): void {
    const n = this.step;
    if (n === this.recorded) return;
    const h = this.cnnRun.history();
    let loss = 0,
      accuracy = 0;
    for (let i = this.recorded; i < n; i++) {
      loss += h.loss[i];
      accuracy += h.accuracy[i];
    }
    this.pushPoint(n, loss / (n - this.recorded), accuracy / (n - this.recorded));
  }

  private pushPoint(n: number, trainLoss: number, trainAccuracy: number): void {
    const { testChunks } = digitData();
    this.test = { cnn: this.score(this.cnn, testChunks), dense: this.score(this.dense, testChunks) };
    this.recorded = n;
    const c = this.curve;
    if (c.step.length >= CURVE_MAX) {
      const keep = (_: number, i: number) => i % 2 === 0 || i === c.step.length - 1;
      for (const key of Object.keys(c) as (keyof Curves)[]) c[key] = c[key].filter(keep);
    }
    c.step.push(n);
    c.trainLoss.push(trainLoss);
    c.trainAccuracy.push(trainAccuracy);
    c.testLoss.push(this.test.cnn.loss);
    c.testAccuracy.push(this.test.cnn.accuracy);
    c.denseTestAccuracy.push(this.test.dense.accuracy);
  }

  /** The first-layer filters: F arrays of 3×3 weights, row by row. */
  filters(): Float64Array[] {
    const W = this.conv.W,
      k = KERNEL * KERNEL;
    return Array.from({ length: W.shape[0] }, (_, f) => W.data.slice(f * k, (f + 1) * k));
  }

  /** The CNN's predicted class for test images `indices` (each chunk they fall in is run once). */
  predict(indices: readonly number[]): number[] {
    const { testChunks } = digitData(),
      outs = new Map<number, Float64Array>();
    this.cnn.eval();
    const result = indices.map((j) => {
      const k = Math.floor(j / SCORE_CHUNK),
        i = j % SCORE_CHUNK,
        m = testChunks[k].X.cols;
      let z = outs.get(k);
      if (!z) outs.set(k, (z = this.cnn.forward(testChunks[k].X).data.slice()));
      let best = 0;
      for (let c = 1; c < CLASSES; c++) if (z[c * m + i] > z[best * m + i]) best = c;
      return best;
    });
    this.cnn.train();
    return result;
  }
}

/** The first test image of each class 0-9: the digits the widget shows with their predictions. */
export function sampleIndices(): number[] {
  const { labels } = digitData().test;
  return Array.from({ length: CLASSES }, (_, c) => labels.indexOf(c));
}

/** Test image j as size² pixel values, row by row. */
export function testImage(j: number): number[] {
  const { X } = digitData().test;
  return Array.from({ length: SIZE * SIZE }, (_, p) => X.data[p * X.cols + j]);
}
