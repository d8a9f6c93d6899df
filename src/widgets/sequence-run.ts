// One training run of a sequence model for the page's trainers (chapter 8's sequence trainer, and the transformer
// trainer that races a transformer block against an LSTM): the engine's Trainer doing the updates, the untrained
// loss summed a few windows at a time so a restart answers at once, the training and held-out loss curves, and the
// time each update took. No DOM: an element calls `runFor` between animation frames and `record` when it draws.
import { Tensor, Trainer, gatherColumns, sequenceLoss, type Layer, type Loss, type StepOptimizer } from "../../lib";

/** Training windows per evaluation while the untrained loss is summed (a slice of work between frames). */
export const START_CHUNK = 8;
/** Loss-curve samples kept; when full, every other one is dropped. */
export const CURVE_MAX = 300;

/** Loss curves: per point, the update count, the mean training loss since the previous point, and the held-out loss. */
export interface LossCurves {
  step: number[];
  train: number[];
  heldOut: number[];
}

/** Sequences [T, ·, m] with their targets. */
export type SequenceSet = { X: Tensor; Y: Tensor };

/** What a run trains: a sequence model, its per-step loss, an optimizer, the data, and the Trainer's settings. */
export interface SequenceRunOptions {
  model: Layer;
  /** The loss of one step (summed over steps by `sequenceLoss`). */
  loss: Loss;
  optimizer: StepOptimizer;
  train: SequenceSet;
  heldOut: SequenceSet;
  batchSize: number;
  seed: number;
  /** A per-step loss above this stops the run as diverged. */
  ceiling: number;
  /** Leave the first curve point to `advance` (a SliceJob) instead of computing it at once. */
  lazyStart?: boolean;
}

export type TrainerStatus = "ok" | "diverged";

/**
 * A sequence model in training, per-step losses throughout: the Trainer's loss sums the T steps of a window, the
 * curves show J/T, nats per character on text.
 */
export class SequenceRun {
  /** Mean per-step loss of the last update's batch (NaN before the first update). */
  lastLoss = NaN;
  /** Held-out loss per step at the latest curve point. */
  lastHeldOut = NaN;
  readonly curve: LossCurves = { step: [], train: [], heldOut: [] };
  readonly trainer: Trainer;
  /** Milliseconds spent in updates so far (forward, backward and step, on performance.now). */
  elapsedMs = 0;
  /** Steps per window. */
  private readonly T: number;
  /** Updates already averaged into a curve point. */
  private recorded = 0;
  /** The untrained loss on the training set (the curve's first point), summed window by window while pending. */
  private start?: { windows: number; sum: number } = { windows: 0, sum: 0 };
  private identity?: Int32Array;

  constructor(private readonly options: SequenceRunOptions) {
    const { model, loss, optimizer, train, batchSize, seed, ceiling } = options;
    this.T = train.X.shape[0];
    this.trainer = new Trainer({
      model,
      loss: sequenceLoss(loss),
      optimizer,
      X: train.X,
      Y: train.Y,
      batchSize,
      seed,
      divergeAbove: ceiling * this.T,
    });
    this.lastHeldOut = this.evaluate();
    if (!options.lazyStart) this.advance(Infinity);
  }

  /** Trainable numbers of the model. */
  get paramCount(): number {
    return this.options.model.params().reduce((n, p) => n + p.value.length, 0);
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

  /** Mean milliseconds per update so far (NaN before the first). */
  get msPerUpdate(): number {
    return this.step === 0 ? NaN : this.elapsedMs / this.step;
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
    const { X, Y } = this.options.train,
      m = X.shape[2];
    while (windows > 0 && st.windows < m) {
      const B = Math.min(windows, m - st.windows, START_CHUNK);
      const chunk = (S: Tensor) => gatherColumns(new Tensor([S.shape[0], S.shape[1], B]), S, this.allWindows(m), st.windows);
      st.sum += this.trainer.evaluate(chunk(X), chunk(Y)) * B;
      st.windows += B;
      windows -= B;
    }
    if (st.windows < m) return false;
    this.start = undefined;
    // No update ran while pending, so the held-out loss of the restart still holds.
    this.pushPoint(0, st.sum / m / this.T, this.lastHeldOut);
    return true;
  }

  /** 0, 1, …, m − 1: the order that takes windows as they are. */
  private allWindows(m: number): Int32Array {
    if (this.identity?.length !== m) this.identity = Int32Array.from({ length: m }, (_, i) => i);
    return this.identity;
  }

  /** Mean per-step loss of the current weights on a set of sequences (the Trainer's evaluation: no update). */
  lossOn(X: Tensor, Y: Tensor): number {
    return this.trainer.evaluate(X, Y) / X.shape[0];
  }

  /** Mean per-step loss on the whole training set. */
  trainingLoss(): number {
    return this.lossOn(this.options.train.X, this.options.train.Y);
  }

  /** Mean per-step loss on the held-out sequences. */
  evaluate(): number {
    return this.lossOn(this.options.heldOut.X, this.options.heldOut.Y);
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
      t0 = performance.now(),
      report = this.trainer.run(k);
    this.elapsedMs += performance.now() - t0;
    if (report.step > before) this.lastLoss = report.loss / this.T;
    return report.step - before;
  }

  /**
   * Runs updates in chunks until `budgetMs` has passed on `now` (or the run diverges); a zero budget runs one chunk.
   * Adds no curve point: the element calls `record` when it draws, so the held-out loss is computed once per drawing.
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
   * the held-out loss now. The first point (update 0) comes from `advance`; while it is pending there is none to add.
   */
  record(): void {
    const n = this.step;
    if (this.start || (n === this.recorded && this.curve.step.length > 0)) return;
    const log = this.trainer.history().loss;
    let sum = 0;
    for (let i = this.recorded; i < n; i++) sum += log[i];
    this.pushPoint(n, sum / (n - this.recorded) / this.T);
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
}
