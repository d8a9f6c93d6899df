// A recurrent network learning to predict the next value of a noisy sine wave (chapter 8), trained in the page.
// Each update draws a mini-batch of the engine's `sineSequence` training sequences, runs the engine's recurrent
// layer and a per-step linear read-out, the summed half-MSE over steps, backpropagation through time, optional
// global-norm clipping and an Adam (or plain SGD) step. No DOM: the element calls `run` between animation frames.
import { Adam, SGD, GRU, LSTM, RNN, SequenceDense, Tensor, clipByGlobalNorm, createRng, losses, sequenceLossInto, sineSequence, type Rng, type SineSequenceData } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const MODELS = ["rnn", "lstm", "gru"] as const;
export type ModelName = (typeof MODELS)[number];
export const OPTIMIZERS = ["adam", "sgd"] as const;

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
  model: { kind: "choice", label: t("sequenceTrainer.model"), options: MODELS, default: "lstm" },
  hidden: { kind: "number", label: t("sequenceTrainer.hidden"), min: 1, max: 32, step: 1, default: 12 },
  optimizer: { kind: "choice", label: t("sequenceTrainer.optimizer"), options: OPTIMIZERS, default: "adam" },
  lr: { kind: "number", label: t("sequenceTrainer.lr"), min: 0.001, max: 2, step: 0.001, default: 0.003 },
  clip: { kind: "boolean", label: t("sequenceTrainer.clip"), default: true },
} satisfies Schema;
export type SequenceTrainerState = StateOf<typeof sequenceTrainerSchema>;

/** The recurrent layer for a model name, with PyTorch's initialization from a seeded generator. */
export function buildLayer(model: ModelName, hidden: number, rng: Rng): RNN | LSTM | GRU {
  const H = Math.round(hidden);
  return model === "lstm" ? new LSTM(1, H, { rng }) : model === "gru" ? new GRU(1, H, { rng }) : new RNN(1, H, { rng });
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
  private readonly X = new Tensor([WINDOW, 1, BATCH]);
  private readonly Y = new Tensor([WINDOW, 1, BATCH]);
  private readonly dY = new Tensor([WINDOW, 1, BATCH]);

  /** The training set (X, Y [WINDOW, 1, 64]) and one longer held-out sequence, both from the engine's generator. */
  readonly train: SineSequenceData = sineSequence({ m: TRAIN_SEQUENCES, T: WINDOW, noise: NOISE, seed: 1 });
  readonly heldOut: SineSequenceData = sineSequence({ m: 1, T: HELD_OUT, noise: NOISE, seed: 2 });

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
    this.layer = buildLayer(s.model as ModelName, s.hidden, this.rng);
    this.readout = new SequenceDense(this.layer.hiddenSize, 1, { rng: this.rng });
    this.optimizer = s.optimizer === "sgd" ? new SGD({ lr: s.lr }) : new Adam({ lr: s.lr });
    this.status = "ok";
    this.step = 0;
    this.divergedAt = undefined;
    this.lastLoss = NaN;
    this.curve.step.length = this.curve.loss.length = 0;
    this.record(0, this.trainingLoss());
  }

  /** Mean per-step loss ½(ŷ − y)² over the whole training set with the current weights (no update). */
  trainingLoss(): number {
    const { X, Y } = this.train, Yhat = this.readout.forward(this.layer.forward(X));
    let sum = 0;
    for (let i = 0; i < Yhat.size; i++) sum += 0.5 * (Yhat.data[i] - Y.data[i]) ** 2;
    return sum / Yhat.size;
  }

  /** New settings: a new model or size restarts; a new learning rate or clipping carries on. Returns true on restart. */
  apply(next: SequenceTrainerState): boolean {
    const s = this.settings;
    this.settings = { ...next };
    if (next.model !== s.model || next.optimizer !== s.optimizer || Math.round(next.hidden) !== Math.round(s.hidden)) {
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
    const { X, Y, dY } = this, src = this.train, M = TRAIN_SEQUENCES;
    for (let j = 0; j < BATCH; j++) {
      const col = this.rng.int(M);
      for (let k = 0; k < WINDOW; k++) {
        X.data[k * BATCH + j] = src.X.data[k * M + col];
        Y.data[k * BATCH + j] = src.Y.data[k * M + col];
      }
    }
    const Yhat = this.readout.forward(this.layer.forward(X));
    // halfMse averages ½(ŷ − y)² over the batch; the sequence loss sums it over the WINDOW steps.
    const J = sequenceLossInto(losses.halfMse, dY, Yhat, Y);
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
    const h = this.heldOut, Yhat = this.readout.forward(this.layer.forward(h.X));
    const out = { t: [] as number[], actual: Array.from(h.Y.data), clean: Array.from(h.clean.data), predicted: Array.from(Yhat.data), loss: 0 };
    for (let k = 0; k < HELD_OUT; k++) {
      out.t.push(k + 1);
      out.loss += 0.5 * (out.predicted[k] - out.actual[k]) ** 2;
    }
    out.loss /= HELD_OUT;
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
