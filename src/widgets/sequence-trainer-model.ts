// A recurrent network learning a sequence task in the page (chapter 8): the next value of a noisy sine wave, or the
// next character of the course's small corpus. The engine's Trainer runs each update (a mini-batch of training
// windows, the recurrent layer and a per-step linear read-out, the per-step loss summed over steps, backpropagation
// through time, optional global-norm clipping by the engine's ClippedOptimizer, an Adam or SGD step) and applies its
// divergence rule. A held-out loss,
// on windows the network never trains on, is plotted next to the training loss. No DOM: the element calls `runFor`
// between animation frames.
import {
  Adam,
  ClippedOptimizer,
  SGD,
  GRU,
  LSTM,
  RNN,
  Sequential,
  SequenceDense,
  Tensor,
  Trainer,
  charSplit,
  createRng,
  encodeChars,
  gatherColumns,
  losses,
  oneHotSequence,
  sequenceLoss,
  sineSequence,
  softmax,
  type Rng,
  type SineSequenceData,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const MODELS = ["rnn", "lstm", "gru"] as const;
export type ModelName = (typeof MODELS)[number];
export const OPTIMIZERS = ["adam", "sgd"] as const;
export const TASKS = ["sine", "chars"] as const;
export type TaskName = (typeof TASKS)[number];
/** The prompt a text sample starts from, and the sample's length. */
export const PROMPT = "a recurrent network ";
export const SAMPLE_LENGTH = 80;

/** Steps per training sequence, sequences in the training set and per update, and the clipping threshold. */
export const WINDOW = 24;
export const TRAIN_SEQUENCES = 64;
export const BATCH = 8;
export const CLIP = 1;
/** Noise on the observed signal, and the length of the held-out sequence the predictions are drawn on. */
export const NOISE = 0.1;
export const HELD_OUT = 60;
/** The text task: the last fifth of the text is held out; windows start every 2 (training) or 4 (held-out) characters. */
export const CHAR_HELD_OUT = 0.2;
export const CHAR_SPLIT = charSplit({ T: WINDOW, heldOut: CHAR_HELD_OUT, trainStride: 2, heldOutStride: 4 });
/** A run whose per-step loss passes this (predicting 0 everywhere costs about 0.25) is called diverged. */
export const LOSS_CEILING = 50;
/** Training windows per evaluation while the untrained loss is summed (a slice of work between frames). */
export const START_CHUNK = 8;
/** Loss-curve samples kept; when full, every other one is dropped. */
export const CURVE_MAX = 300;

/** The learning-rate slider moves log₁₀ of the rate: 0.001 … 2 in steps of a tenth of a decade. */
export const LOG_LR = { min: -3, max: 0.3, step: 0.1 } as const;

/**
 * The learning rate of a slider position, rounded to two significant digits so the rate shown is the rate used.
 *
 *   η = round₂(10^position)   (−2.5 → 0.0032, −1.7 → 0.02, −1 → 0.1)
 */
export function rateOf(logLr: number): number {
  return Number((10 ** logLr).toPrecision(2));
}

/** The slider position of a learning rate (the nearest tenth of a decade, within the slider's range). */
export function logLrOf(rate: number): number {
  const x = Math.round(Math.log10(rate) / LOG_LR.step) * LOG_LR.step;
  return Number(Math.min(LOG_LR.max, Math.max(LOG_LR.min, x)).toFixed(1));
}

export const sequenceTrainerSchema = {
  task: { kind: "choice", label: t("sequenceTrainer.task"), options: TASKS, default: "sine" },
  model: { kind: "choice", label: t("sequenceTrainer.model"), options: MODELS, default: "lstm" },
  hidden: { kind: "number", label: t("sequenceTrainer.hidden"), min: 1, max: 32, step: 1, default: 12 },
  optimizer: { kind: "choice", label: t("sequenceTrainer.optimizer"), options: OPTIMIZERS, default: "adam" },
  logLr: { kind: "number", label: t("sequenceTrainer.lr"), ...LOG_LR, default: -2.5 },
  clip: { kind: "boolean", label: t("sequenceTrainer.clip"), default: true },
} satisfies Schema;
export type SequenceTrainerState = StateOf<typeof sequenceTrainerSchema>;

/** The recurrent layer for a model name, with PyTorch's initialization from a seeded generator. */
export function buildLayer(model: ModelName, hidden: number, rng: Rng, inputs = 1): RNN | LSTM | GRU {
  const H = Math.round(hidden);
  return model === "lstm" ? new LSTM(inputs, H, { rng }) : model === "gru" ? new GRU(inputs, H, { rng }) : new RNN(inputs, H, { rng });
}

export type TrainerStatus = "ok" | "diverged";

/** Loss curves: per point, the update count, the mean training loss since the previous point, and the held-out loss. */
export interface LossCurves {
  step: number[];
  train: number[];
  heldOut: number[];
}

export class SequenceTrainer {
  /** Mean per-step loss of the last update's batch (NaN before the first update). */
  lastLoss = NaN;
  /** Held-out loss per step at the latest curve point. */
  lastHeldOut = NaN;
  readonly curve: LossCurves = { step: [], train: [], heldOut: [] };
  layer!: RNN | LSTM | GRU;
  readout!: SequenceDense;
  private optimizer!: ClippedOptimizer;
  private trainer!: Trainer;
  /** Updates already averaged into a curve point. */
  private recorded = 0;
  /**
   * The untrained network's loss on the whole training set (the curve's first point), summed window by window while
   * it is pending: on the text it is 288 windows, a few hundred milliseconds, so the element spreads it over frames.
   */
  private start?: { windows: number; sum: number };
  private identity?: Int32Array;

  /** The sine task's training set (X, Y [WINDOW, 1, 64]) and one longer held-out wave, from different seeds. */
  readonly train: SineSequenceData = sineSequence({ m: TRAIN_SEQUENCES, T: WINDOW, noise: NOISE, seed: 1 });
  readonly heldOut: SineSequenceData = sineSequence({ m: 1, T: HELD_OUT, noise: NOISE, seed: 2 });
  /** The text task's split: training windows before the cut, held-out windows after it, one vocabulary. */
  readonly chars = CHAR_SPLIT;

  /** With `lazyStart`, a restart leaves the first curve point to `advance` (a SliceJob); otherwise it is computed at once. */
  constructor(
    private settings: SequenceTrainerState,
    private seed = 1,
    private readonly lazyStart = false,
  ) {
    this.reset();
  }

  /** Trainable numbers of the recurrent layer and its read-out. */
  get paramCount(): number {
    return this.params().reduce((n, p) => n + p.value.length, 0);
  }

  get status(): TrainerStatus {
    return this.trainer.status;
  }

  /** Updates done (a diverged update counts, though it changed nothing). */
  get step(): number {
    return this.trainer.step;
  }

  get divergedAt(): number | undefined {
    return this.trainer.divergedAt;
  }

  /** The learning rate in use. */
  get lr(): number {
    return rateOf(this.settings.logLr);
  }

  /** Training and held-out data of the current task. */
  get data(): { train: { X: Tensor; Y: Tensor }; heldOut: { X: Tensor; Y: Tensor } } {
    return this.task === "chars" ? this.chars : { train: this.train, heldOut: this.heldOut };
  }

  /** Fresh weights from the seed, a fresh optimizer and Trainer, and curves holding only the untrained losses. */
  reset(): void {
    const s = this.settings,
      rng = createRng(this.seed);
    const K = this.task === "chars" ? this.chars.vocab.length : 1;
    this.layer = buildLayer(s.model as ModelName, s.hidden, rng, K);
    this.readout = new SequenceDense(this.layer.hiddenSize, K, { rng });
    // The engine's ClippedOptimizer clips between backward and the step; switching clipping off sets a threshold no
    // norm reaches, so a run carries on through the change.
    this.optimizer = new ClippedOptimizer(s.optimizer === "sgd" ? new SGD({ lr: this.lr }) : new Adam({ lr: this.lr }), CLIP);
    this.optimizer.threshold = s.clip ? CLIP : Infinity;
    const { X, Y } = this.data.train;
    this.trainer = new Trainer({
      model: new Sequential([this.layer, this.readout]),
      loss: sequenceLoss(this.lossOf()),
      optimizer: this.optimizer,
      X,
      Y,
      batchSize: BATCH,
      seed: this.seed,
      divergeAbove: LOSS_CEILING * WINDOW,
    });
    this.lastLoss = NaN;
    this.recorded = 0;
    this.curve.step.length = this.curve.train.length = this.curve.heldOut.length = 0;
    this.lastHeldOut = this.evaluate();
    this.start = { windows: 0, sum: 0 };
    if (!this.lazyStart) this.advance(Infinity);
  }

  /** True while the first curve point (the untrained loss on the training set) is still being computed. */
  get starting(): boolean {
    return this.start !== undefined;
  }

  /**
   * Adds up to `windows` more training windows to the untrained loss; once all are in, the first curve point is
   * added (update 0: that loss per step, and the held-out loss). True when no start point is pending.
   *
   *   J₀ = (1/m) Σ_chunks m_chunk · J(chunk) / T    (the same mean as one pass over all m windows)
   */
  advance(windows: number): boolean {
    const st = this.start;
    if (!st) return true;
    const { X, Y } = this.data.train,
      m = X.shape[2];
    while (windows > 0 && st.windows < m) {
      const B = Math.min(windows, m - st.windows, START_CHUNK);
      const chunk = (T: Tensor) => gatherColumns(new Tensor([T.shape[0], T.shape[1], B]), T, this.allWindows(m), st.windows);
      st.sum += this.trainer.evaluate(chunk(X), chunk(Y)) * B;
      st.windows += B;
      windows -= B;
    }
    if (st.windows < m) return false;
    this.start = undefined;
    // No update ran while pending, so the held-out loss of the restart still holds.
    this.pushPoint(0, st.sum / m / X.shape[0], this.lastHeldOut);
    return true;
  }

  /** 0, 1, …, m − 1: the order that takes windows as they are. */
  private allWindows(m: number): Int32Array {
    if (this.identity?.length !== m) this.identity = Int32Array.from({ length: m }, (_, i) => i);
    return this.identity;
  }

  /** The task being learned. */
  get task(): TaskName {
    return this.settings.task as TaskName;
  }

  /** The loss per step of the task: ½(ŷ − y)² for the sine, softmax cross-entropy (nats per character) for text. */
  private lossOf() {
    return this.task === "chars" ? losses.softmaxCe : losses.halfMse;
  }

  /** Mean per-step loss of the current weights on a set of sequences (the Trainer's evaluation: no update). */
  lossOn(X: Tensor, Y: Tensor): number {
    return this.trainer.evaluate(X, Y) / X.shape[0];
  }

  /** Mean per-step loss on the whole training set (the sine's 64 sequences, or every training window of the text). */
  trainingLoss(): number {
    return this.lossOn(this.data.train.X, this.data.train.Y);
  }

  /** Mean per-step loss on the held-out data: the held-out wave, or the windows after the text's cut. */
  evaluate(): number {
    return this.lossOn(this.data.heldOut.X, this.data.heldOut.Y);
  }

  /** New settings: a new task, model, optimizer or size restarts; a new learning rate or clipping carries on. Returns true on restart. */
  apply(next: SequenceTrainerState): boolean {
    const s = this.settings;
    this.settings = { ...next };
    if (
      next.task !== s.task ||
      next.model !== s.model ||
      next.optimizer !== s.optimizer ||
      Math.round(next.hidden) !== Math.round(s.hidden)
    ) {
      this.reset();
      return true;
    }
    this.optimizer.lr = this.lr;
    this.optimizer.threshold = next.clip ? CLIP : Infinity;
    return false;
  }

  private params() {
    return [...this.layer.params(), ...this.readout.params()];
  }

  /** Up to k updates (fewer when the run diverges), then one curve point. Returns the updates done. */
  run(k: number): number {
    const done = this.updates(k);
    if (done > 0) this.record();
    return done;
  }

  private updates(k: number): number {
    // The first point must be the untrained network: a pending one is finished before any update.
    this.advance(Infinity);
    const before = this.trainer.step,
      report = this.trainer.run(k);
    // The Trainer's loss sums the steps of a window; the widget shows the mean per step.
    if (report.step > before) this.lastLoss = report.loss / WINDOW;
    return report.step - before;
  }

  /**
   * Runs updates in chunks until `budgetMs` has passed on `now` (or the run diverges). Adds no curve point: the
   * element calls `record` when it draws, so the held-out loss is computed once per drawn frame.
   */
  runFor(budgetMs: number, now: () => number = () => performance.now(), chunk = 1): number {
    const start = now();
    let done = 0;
    do done += this.updates(chunk);
    while (this.status === "ok" && now() - start < budgetMs);
    return done;
  }

  /**
   * Adds a point to the loss curves if there were updates since the last one: the mean of their batch losses, and
   * the held-out loss now. The first point (update 0), the untrained network on the whole training set, comes from
   * `advance`; while it is pending there is no point to add.
   */
  record(): void {
    const n = this.step;
    if (this.start || (n === this.recorded && this.curve.step.length > 0)) return;
    const log = this.trainer.history().loss;
    let sum = 0;
    for (let i = this.recorded; i < n; i++) sum += log[i];
    this.pushPoint(n, sum / (n - this.recorded) / WINDOW);
  }

  /** Appends a curve point with the held-out loss now, halving the curve when it is full. */
  private pushPoint(n: number, train: number, heldOut = this.evaluate()): void {
    this.lastHeldOut = heldOut;
    this.recorded = n;
    const c = this.curve;
    if (c.step.length >= CURVE_MAX) {
      let w = 0;
      for (let i = 0; i < c.step.length; i++) {
        if (i % 2 !== 0 && i !== c.step.length - 1) continue;
        c.step[w] = c.step[i];
        c.train[w] = c.train[i];
        c.heldOut[w++] = c.heldOut[i];
      }
      c.step.length = c.train.length = c.heldOut.length = w;
    }
    c.step.push(n);
    c.train.push(train);
    c.heldOut.push(this.lastHeldOut);
  }

  /**
   * One-step-ahead predictions on the held-out sequence: at every step t the network has read x_1 … x_t and
   * predicts the next observed value. Also returns the noiseless next value (the best possible prediction) and the
   * mean per-step loss ½(ŷ − y)².
   */
  predictions(): { t: number[]; actual: number[]; clean: number[]; predicted: number[]; loss: number } {
    if (this.task === "chars") return { t: [], actual: [], clean: [], predicted: [], loss: NaN };
    const h = this.heldOut,
      Yhat = this.readout.forward(this.layer.forward(h.X));
    const out = {
      t: [] as number[],
      actual: Array.from(h.Y.data),
      clean: Array.from(h.clean.data),
      predicted: Array.from(Yhat.data),
      loss: 0,
    };
    for (let k = 0; k < HELD_OUT; k++) {
      out.t.push(k + 1);
      out.loss += 0.5 * (out.predicted[k] - out.actual[k]) ** 2;
    }
    out.loss /= HELD_OUT;
    return out;
  }

  /**
   * Text written by the network: it reads PROMPT, then repeatedly draws the next character from its softmax
   * (temperature 1) and feeds it back in. The draws use a fixed seed, so the sample changes only when the weights do.
   */
  sample(length = SAMPLE_LENGTH, seed = 7): string {
    if (this.task !== "chars") return "";
    const vocab = this.chars.vocab,
      K = vocab.length,
      rng = createRng(seed),
      layer = this.layer;
    const prompt = encodeChars(PROMPT, vocab);
    let x = oneHotSequence(prompt, prompt.length, 1, K),
      out = "";
    for (let n = 0; n < length; n++) {
      const h0 = n === 0 ? undefined : layer.cache.hT.clone();
      const c0 = n === 0 || !(layer instanceof LSTM) ? undefined : layer.cache.cT.clone();
      const H = layer.forward(x, h0, c0),
        T = H.shape[0];
      const last = new Tensor([1, layer.hiddenSize, 1], H.data.slice((T - 1) * layer.hiddenSize, T * layer.hiddenSize));
      const p = softmax(this.readout.forward(last).data);
      let u = rng.uniform(),
        k = 0;
      while (k < K - 1 && u >= p[k]) u -= p[k++];
      out += vocab[k];
      x = oneHotSequence([k], 1, 1, K);
    }
    return out;
  }
}
