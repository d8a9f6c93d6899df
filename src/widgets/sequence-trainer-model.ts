// A recurrent network learning a sequence task in the page (chapter 8): the next value of a noisy sine wave, or the
// next character of the course's small corpus. The engine's Trainer runs each update (a mini-batch of training
// windows, the recurrent layer and a per-step linear read-out, the per-step loss summed over steps, backpropagation
// through time, optional global-norm clipping by the engine's ClippedOptimizer, an Adam or SGD step) and applies its
// divergence rule. A held-out loss,
// on windows the network never trains on, is plotted next to the training loss. No DOM: the element calls `runFor`
// between animation frames.
import { rateOf } from "./rate-slider";
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
  charSplit,
  createRng,
  encodeChars,
  losses,
  oneHotSequence,
  sineSequence,
  softmax,
  type Rng,
  type SineSequenceData,
} from "../../lib";
import { t } from "../i18n";
import { SequenceRun, type LossCurves, type TrainerStatus } from "./sequence-run";
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
export { START_CHUNK, CURVE_MAX, type LossCurves, type TrainerStatus } from "./sequence-run";

/** The learning-rate slider moves log₁₀ of the rate: 0.001 … 2 in steps of a tenth of a decade. */
export const LOG_LR = { min: -3, max: 0.3, step: 0.1 } as const;

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

/**
 * A draw from the probabilities p given a uniform u in [0, 1): the first k whose running sum passes u (the last
 * class takes what rounding leaves).
 *
 *   k = min { k : p_0 + … + p_k > u }
 */
export function drawIndex(p: ArrayLike<number>, u: number): number {
  let k = 0;
  while (k < p.length - 1 && u >= p[k]) u -= p[k++];
  return k;
}

/** The recurrent layer for a model name, with PyTorch's initialization from a seeded generator. */
export function buildLayer(model: ModelName, hidden: number, rng: Rng, inputs = 1): RNN | LSTM | GRU {
  const H = Math.round(hidden);
  return model === "lstm" ? new LSTM(inputs, H, { rng }) : model === "gru" ? new GRU(inputs, H, { rng }) : new RNN(inputs, H, { rng });
}

/**
 * Chapter 8's network on one task: a recurrent layer and a per-step read-out, trained by a SequenceRun (the shared
 * curves, untrained first point and timing), with the settings that restart it or carry on.
 */
export class SequenceTrainer {
  layer!: RNN | LSTM | GRU;
  readout!: SequenceDense;
  /** The run in progress: remade by each restart. */
  training!: SequenceRun;
  private optimizer!: ClippedOptimizer;

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
    return this.training.paramCount;
  }

  get status(): TrainerStatus {
    return this.training.status;
  }

  /** Updates done (a diverged update counts, though it changed nothing). */
  get step(): number {
    return this.training.step;
  }

  get divergedAt(): number | undefined {
    return this.training.divergedAt;
  }

  /** Mean per-step loss of the last update's batch (NaN before the first update). */
  get lastLoss(): number {
    return this.training.lastLoss;
  }

  /** Held-out loss per step at the latest curve point. */
  get lastHeldOut(): number {
    return this.training.lastHeldOut;
  }

  get curve(): LossCurves {
    return this.training.curve;
  }

  /** The learning rate in use. */
  get lr(): number {
    return rateOf(this.settings.logLr);
  }

  /** Training and held-out data of the current task. */
  get data(): { train: { X: Tensor; Y: Tensor }; heldOut: { X: Tensor; Y: Tensor } } {
    return this.task === "chars" ? this.chars : { train: this.train, heldOut: this.heldOut };
  }

  /** Fresh weights from the seed, a fresh optimizer and run, and curves holding only the untrained losses. */
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
    this.training = new SequenceRun({
      model: new Sequential([this.layer, this.readout]),
      loss: this.task === "chars" ? losses.softmaxCe : losses.halfMse,
      optimizer: this.optimizer,
      ...this.data,
      batchSize: BATCH,
      seed: this.seed,
      ceiling: LOSS_CEILING,
      lazyStart: this.lazyStart,
    });
  }

  /** True while the first curve point (the untrained loss on the training set) is still being computed. */
  get starting(): boolean {
    return this.training.starting;
  }

  /** Adds up to `windows` more windows to the untrained loss (see SequenceRun.advance). True when none is pending. */
  advance(windows: number): boolean {
    return this.training.advance(windows);
  }

  /** The task being learned. */
  get task(): TaskName {
    return this.settings.task as TaskName;
  }

  /** Mean per-step loss of the current weights on a set of sequences (the Trainer's evaluation: no update). */
  lossOn(X: Tensor, Y: Tensor): number {
    return this.training.lossOn(X, Y);
  }

  /** Mean per-step loss on the whole training set (the sine's 64 sequences, or every training window of the text). */
  trainingLoss(): number {
    return this.training.trainingLoss();
  }

  /** Mean per-step loss on the held-out data: the held-out wave, or the windows after the text's cut. */
  evaluate(): number {
    return this.training.evaluate();
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

  /** Up to k updates (fewer when the run diverges), then one curve point. Returns the updates done. */
  run(k: number): number {
    return this.training.run(k);
  }

  /** Updates until `budgetMs` has passed on `now` (see SequenceRun.runFor); no curve point. */
  runFor(budgetMs: number, now: () => number = () => performance.now(), chunk = 1): number {
    return this.training.runFor(budgetMs, now, chunk);
  }

  /** A curve point if there were updates since the last one (see SequenceRun.record). */
  record(): void {
    this.training.record();
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
      const k = drawIndex(p, rng.uniform());
      out += vocab[k];
      x = oneHotSequence([k], 1, 1, K);
    }
    return out;
  }
}
