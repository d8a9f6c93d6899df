// A recurrent network learning a sequence task in the page (chapter 8): the next value of a noisy sine wave, or the
// next character of the course's small corpus. Each update draws a mini-batch of the engine's `sineSequence` (or
// `charSequences`) training windows, runs the engine's recurrent
// layer and a per-step linear read-out, the summed half-MSE over steps, backpropagation through time, optional
// global-norm clipping and an Adam (or plain SGD) step. No DOM: the element calls `run` between animation frames.
import {
  Adam, SGD, GRU, LSTM, RNN, SequenceDense, Tensor, charSequences, clipByGlobalNorm, createRng, encodeChars, losses, oneHotSequence, sequenceLossInto,
  sineSequence, softmax, type Rng, type SineSequenceData,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const MODELS = ["rnn", "lstm", "gru"] as const;
export type ModelName = (typeof MODELS)[number];
export const OPTIMIZERS = ["adam", "sgd"] as const;
export const TASKS = ["sine", "chars"] as const;
export type TaskName = (typeof TASKS)[number];
/** Character windows in the training pool, the prompt a sample starts from, and the sample's length. */
export const CHAR_WINDOWS = 256;
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
/** A run whose per-step loss passes this (predicting 0 everywhere costs about 0.25) is called diverged. */
export const LOSS_CEILING = 50;
/** Loss-curve samples kept; when full, every other one is dropped. */
export const CURVE_MAX = 300;

export const sequenceTrainerSchema = {
  task: { kind: "choice", label: t("sequenceTrainer.task"), options: TASKS, default: "sine" },
  model: { kind: "choice", label: t("sequenceTrainer.model"), options: MODELS, default: "lstm" },
  hidden: { kind: "number", label: t("sequenceTrainer.hidden"), min: 1, max: 32, step: 1, default: 12 },
  optimizer: { kind: "choice", label: t("sequenceTrainer.optimizer"), options: OPTIMIZERS, default: "adam" },
  lr: { kind: "number", label: t("sequenceTrainer.lr"), min: 0.001, max: 2, step: 0.001, default: 0.003 },
  clip: { kind: "boolean", label: t("sequenceTrainer.clip"), default: true },
} satisfies Schema;
export type SequenceTrainerState = StateOf<typeof sequenceTrainerSchema>;

/** The recurrent layer for a model name, with PyTorch's initialization from a seeded generator. */
export function buildLayer(model: ModelName, hidden: number, rng: Rng, inputs = 1): RNN | LSTM | GRU {
  const H = Math.round(hidden);
  return model === "lstm" ? new LSTM(inputs, H, { rng }) : model === "gru" ? new GRU(inputs, H, { rng }) : new RNN(inputs, H, { rng });
}

export type TrainerStatus = "ok" | "diverged";

export class SequenceTrainer {
  status: TrainerStatus = "ok";
  step = 0;
  divergedAt?: number;
  /** Mean per-step loss ½(ŷ − y)² of the last batch (NaN before the first update). */
  lastLoss = NaN;
  readonly curve: { step: number[]; loss: number[] } = { step: [], loss: [] };
  layer!: RNN | LSTM | GRU;
  readout!: SequenceDense;
  private optimizer!: Adam | SGD;
  private rng!: Rng;
  private X = new Tensor([WINDOW, 1, BATCH]);
  private Y = new Tensor([WINDOW, 1, BATCH]);
  private dY = new Tensor([WINDOW, 1, BATCH]);

  /** The training set (X, Y [WINDOW, 1, 64]) and one longer held-out sequence, both from the engine's generator. */
  readonly train: SineSequenceData = sineSequence({ m: TRAIN_SEQUENCES, T: WINDOW, noise: NOISE, seed: 1 });
  readonly heldOut: SineSequenceData = sineSequence({ m: 1, T: HELD_OUT, noise: NOISE, seed: 2 });
  /** The character task's pool of windows (X one-hot [WINDOW, K, 256], Y next-character indices) and its vocabulary. */
  readonly chars = charSequences({ m: CHAR_WINDOWS, T: WINDOW, seed: 1 });
  /** 32 fixed windows the character task is scored on between updates (cheaper than the whole pool). */
  readonly charsEval = charSequences({ m: 32, T: WINDOW, seed: 2 });

  constructor(private settings: SequenceTrainerState, private seed = 1) {
    this.reset();
  }

  /** Trainable numbers of the recurrent layer and its read-out. */
  get paramCount(): number {
    return this.params().reduce((n, p) => n + p.value.length, 0);
  }

  /** Fresh weights from the seed, a fresh optimizer and an empty history. */
  reset(): void {
    const s = this.settings;
    this.rng = createRng(this.seed);
    const K = this.task === "chars" ? this.chars.vocab.length : 1;
    this.layer = buildLayer(s.model as ModelName, s.hidden, this.rng, K);
    this.readout = new SequenceDense(this.layer.hiddenSize, K, { rng: this.rng });
    this.X = new Tensor([WINDOW, K, BATCH]);
    this.Y = new Tensor([WINDOW, 1, BATCH]);
    this.dY = new Tensor([WINDOW, K, BATCH]);
    this.optimizer = s.optimizer === "sgd" ? new SGD({ lr: s.lr }) : new Adam({ lr: s.lr });
    this.status = "ok";
    this.step = 0;
    this.divergedAt = undefined;
    this.lastLoss = NaN;
    this.curve.step.length = this.curve.loss.length = 0;
    this.record(0, this.trainingLoss());
  }

  /** The task being learned. */
  get task(): TaskName {
    return this.settings.task as TaskName;
  }

  /** The loss per step of the task: ½(ŷ − y)² for the sine, softmax cross-entropy (nats per character) for text. */
  private lossOf() {
    return this.task === "chars" ? losses.softmaxCe : losses.halfMse;
  }

  /**
   * Mean per-step loss over the whole training set (the sine's 64 sequences, or the 256 character windows) with the
   * current weights (no update).
   */
  trainingLoss(): number {
    if (this.task === "chars") {
      const { X, Y } = this.chars, Z = this.readout.forward(this.layer.forward(X));
      return sequenceLossInto(losses.softmaxCe, new Tensor(Z.shape), Z, Y) / WINDOW;
    }
    const { X, Y } = this.train, Yhat = this.readout.forward(this.layer.forward(X));
    let sum = 0;
    for (let i = 0; i < Yhat.size; i++) sum += 0.5 * (Yhat.data[i] - Y.data[i]) ** 2;
    return sum / Yhat.size;
  }

  /** New settings: a new model or size restarts; a new learning rate or clipping carries on. Returns true on restart. */
  apply(next: SequenceTrainerState): boolean {
    const s = this.settings;
    this.settings = { ...next };
    if (next.task !== s.task || next.model !== s.model || next.optimizer !== s.optimizer || Math.round(next.hidden) !== Math.round(s.hidden)) {
      this.reset();
      return true;
    }
    this.optimizer.lr = next.lr;
    return false;
  }

  private params() {
    return [...this.layer.params(), ...this.readout.params()];
  }

  /** One update on a fresh batch of windows; returns the batch's mean per-step loss. */
  update(): number {
    const { X, Y, dY } = this, chars = this.task === "chars", src = chars ? this.chars : this.train;
    const M = chars ? CHAR_WINDOWS : TRAIN_SEQUENCES, K = X.shape[1];
    // Copy BATCH random columns of the training set into the batch (every channel k of every step).
    for (let j = 0; j < BATCH; j++) {
      const col = this.rng.int(M);
      for (let k = 0; k < WINDOW; k++) {
        for (let c = 0; c < K; c++) X.data[(k * K + c) * BATCH + j] = src.X.data[(k * K + c) * M + col];
        Y.data[k * BATCH + j] = src.Y.data[k * M + col];
      }
    }
    const Yhat = this.readout.forward(this.layer.forward(X));
    // The loss averages over the batch; the sequence loss sums it over the WINDOW steps.
    const J = sequenceLossInto(this.lossOf(), dY, Yhat, Y);
    this.layer.backward(this.readout.backward(dY));
    const params = this.params(), grads = params.map((p) => p.grad);
    if (this.settings.clip) clipByGlobalNorm(grads, CLIP);
    this.optimizer.step(params.map((p) => p.value), grads);
    this.step++;
    return J / WINDOW;
  }

  /** Up to k updates (fewer when the run diverges); samples the loss curve once. Returns the updates done. */
  run(k: number): number {
    const done = this.updates(k);
    if (done > 0) this.record(this.step, this.lastLoss);
    return done;
  }

  private updates(k: number): number {
    let done = 0;
    while (done < k && this.status === "ok") {
      const loss = this.update();
      done++;
      this.lastLoss = loss;
      // NOTE: written as !(x <= c) so that NaN also counts as diverged.
      if (!(loss <= LOSS_CEILING)) {
        this.status = "diverged";
        this.divergedAt = this.step;
      }
    }
    return done;
  }

  /** Runs updates in chunks until `budgetMs` has passed on `now` (or the run diverges); samples the curve once. */
  runFor(budgetMs: number, now: () => number = () => performance.now(), chunk = 1): number {
    const start = now();
    let done = 0;
    do done += this.updates(chunk);
    while (this.status === "ok" && now() - start < budgetMs);
    if (done > 0) this.record(this.step, this.lastLoss);
    return done;
  }

  /**
   * One-step-ahead predictions on the held-out sequence: at every step t the network has read x_1 … x_t and
   * predicts the next observed value. Also returns the noiseless next value (the best possible prediction) and the
   * mean per-step loss ½(ŷ − y)².
   */
  predictions(): { t: number[]; actual: number[]; clean: number[]; predicted: number[]; loss: number } {
    if (this.task === "chars") return { t: [], actual: [], clean: [], predicted: [], loss: NaN };
    const h = this.heldOut, Yhat = this.readout.forward(this.layer.forward(h.X));
    const out = { t: [] as number[], actual: Array.from(h.Y.data), clean: Array.from(h.clean.data), predicted: Array.from(Yhat.data), loss: 0 };
    for (let k = 0; k < HELD_OUT; k++) {
      out.t.push(k + 1);
      out.loss += 0.5 * (out.predicted[k] - out.actual[k]) ** 2;
    }
    out.loss /= HELD_OUT;
    return out;
  }

  /** The score shown between updates: held-out loss per step for the sine, loss per character on 32 fixed windows for text. */
  evaluate(): number {
    if (this.task !== "chars") return this.predictions().loss;
    const { X, Y } = this.charsEval, Z = this.readout.forward(this.layer.forward(X));
    return sequenceLossInto(losses.softmaxCe, new Tensor(Z.shape), Z, Y) / WINDOW;
  }

  /**
   * Text written by the network: it reads PROMPT, then repeatedly draws the next character from its softmax
   * (temperature 1) and feeds it back in. The draws use a fixed seed, so the sample changes only when the weights do.
   */
  sample(length = SAMPLE_LENGTH, seed = 7): string {
    if (this.task !== "chars") return "";
    const vocab = this.chars.vocab, K = vocab.length, rng = createRng(seed), layer = this.layer;
    const prompt = encodeChars(PROMPT, vocab);
    let x = oneHotSequence(prompt, prompt.length, 1, K), out = "";
    for (let n = 0; n < length; n++) {
      const h0 = n === 0 ? undefined : layer.cache.hT.clone();
      const c0 = n === 0 || !(layer instanceof LSTM) ? undefined : layer.cache.cT.clone();
      const H = layer.forward(x, h0, c0), T = H.shape[0];
      const last = new Tensor([1, layer.hiddenSize, 1], H.data.slice((T - 1) * layer.hiddenSize, T * layer.hiddenSize));
      const p = softmax(this.readout.forward(last).data);
      let u = rng.uniform(), k = 0;
      while (k < K - 1 && u >= p[k]) u -= p[k++];
      out += vocab[k];
      x = oneHotSequence([k], 1, 1, K);
    }
    return out;
  }

  private record(step: number, loss: number): void {
    const c = this.curve;
    if (c.step.length >= CURVE_MAX) {
      let w = 0;
      for (let i = 0; i < c.step.length; i++) {
        if (i % 2 !== 0 && i !== c.step.length - 1) continue;
        c.step[w] = c.step[i];
        c.loss[w++] = c.loss[i];
      }
      c.step.length = c.loss.length = w;
    }
    c.step.push(step);
    c.loss.push(loss);
  }
}
