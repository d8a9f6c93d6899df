// One training run of the playground, advanced in slices between animation frames: the engine's Trainer does
// every step (forward, bceWithLogits, backward, penalty, optimizer.step) on the training points; this file keeps
// what the page shows about the run (step, epoch, a bounded curve of training and test loss, the heatmap grid and
// each hidden unit's map over it) and decides when the run has diverged.
import { Tensor, Trainer, losses, penalties, sigmoid, type Dataset, type Dense, type PenalizedOptimizer, type Sequential } from "../../lib";
import {
  batchSize,
  buildNetwork,
  buildOptimizer,
  featureMatrix,
  splitMask,
  toDataset,
  type Points,
  type SessionSettings,
} from "./train-playground-model";

/** The heatmap is GRID × GRID predictions, computed as one batch of GRID² columns. */
export const GRID = 40;
/**
 * Ten times the loss of predicting 50 % everywhere (ln 2). A run whose smoothed loss passes it is called
 * diverged, like a non-finite loss: with a nonlinear hidden layer the loss of a too-large step saturates
 * instead of overflowing, so NaN alone would rarely catch it.
 */
export const LOSS_CEILING = 10 * Math.LN2;
/** Weight of the past in the smoothed loss (about the last 20 steps count). */
const SMOOTHING = 0.95;
/** Steps before the Trainer is replaced, so its per-step log stays small however long the page trains. */
const REBASE_STEPS = 50_000;
/** Loss-curve samples kept; when full, every other one is dropped. */
export const CURVE_MAX = 400;

export type SessionStatus = "ok" | "diverged" | "empty";

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export class PlaygroundSession {
  status: SessionStatus = "ok";
  divergedAt?: number;
  /** Loss of the last step's mini-batch (NaN before the first step). */
  lastLoss = NaN;
  /** Sampled loss on the whole training set and on the test set (NaN when there are no test points). */
  readonly curve: { step: number[]; train: number[]; test: number[] } = { step: [], train: [], test: [] };
  /** Plot window [x0, x1] × [y0, y1] around the points. */
  domain = { x0: -1, x1: 1, y0: -1, y1: 1 };
  /** Grid positions (row r, column c is example r·GRID + c, r = 0 at the bottom) as x₁ and x₂ values. */
  readonly gridX1 = new Float64Array(GRID * GRID);
  readonly gridX2 = new Float64Array(GRID * GRID);
  /** σ(z) at each grid point, refreshed by `gridProbabilities`. */
  readonly probabilities = new Float64Array(GRID * GRID);
  /** Each hidden unit's activation at each grid point, [layer][unit], refreshed by `gridProbabilities`. */
  unitMaps: Float64Array[][] = [];
  /** Which points train (true) and which are held out for testing. */
  mask: boolean[] = [];
  model!: Sequential;
  optimizer!: PenalizedOptimizer;
  private grid = new Tensor([2, 0]);
  private data!: Dataset;
  private test!: Dataset;
  private all!: Dataset;
  private trainer?: Trainer;
  private stepOffset = 0;
  private epochOffset = 0;
  private generation = 0;
  private smoothed = NaN;
  private evalDA = new Tensor([1, 0]);
  private pointP = new Float64Array(0);

  constructor(
    private points: Points,
    private settings: SessionSettings,
    private seed = 1,
  ) {
    this.setPoints(points, true);
    this.reset(seed);
  }

  get step(): number {
    return this.stepOffset + (this.trainer?.step ?? 0);
  }

  get epoch(): number {
    return this.epochOffset + (this.trainer?.report().epoch ?? 0);
  }

  get pointCount(): number {
    return this.points.x.length;
  }

  get trainCount(): number {
    return this.data.Y.cols;
  }

  get testCount(): number {
    return this.test.Y.cols;
  }

  get currentPoints(): Readonly<Points> {
    return this.points;
  }

  get currentSettings(): Readonly<SessionSettings> {
    return this.settings;
  }

  /** Fresh weights from `seed` (same seed, same start), a fresh optimizer, and an empty history. */
  reset(seed = this.seed): void {
    this.seed = seed;
    const s = this.settings;
    this.model = buildNetwork(s.features.length, s.hidden, s.activation, seed);
    this.optimizer = buildOptimizer(s.optimizer, s.lr, this.model, s.penalty, s.lambda);
    this.stepOffset = this.epochOffset = 0;
    this.trainer = undefined;
    this.divergedAt = undefined;
    this.smoothed = this.lastLoss = NaN;
    this.curve.step.length = this.curve.train.length = this.curve.test.length = 0;
    this.rebase();
    this.status = this.trainCount === 0 ? "empty" : "ok";
    if (this.status === "ok") this.record(0);
  }

  /** Applies new settings: learning rate, penalty, batch size and split carry on training; new features, layers or
   * optimizer restart it. Returns true when it restarted. */
  apply(next: SessionSettings): boolean {
    const s = this.settings;
    this.settings = { ...next, features: [...next.features], hidden: [...next.hidden] };
    if (!sameList(next.features, s.features)) this.layOut();
    if (
      !sameList(next.features, s.features) ||
      !sameList(next.hidden, s.hidden) ||
      next.activation !== s.activation ||
      next.optimizer !== s.optimizer
    ) {
      this.reset();
      return true;
    }
    if (next.lr !== s.lr) this.optimizer.lr = next.lr;
    if (next.penalty !== s.penalty || next.lambda !== s.lambda) {
      // The same optimizer (Adam's moments carry on) with the new penalty around it.
      this.optimizer.penalty = next.penalty === "none" ? null : penalties[next.penalty];
      this.optimizer.lambda = next.lambda;
    }
    if (next.ratio !== s.ratio) {
      this.layOut();
      this.rebase();
    } else if (next.batch !== s.batch) this.rebase();
    if (this.status !== "diverged") this.status = this.trainCount === 0 ? "empty" : "ok";
    return false;
  }

  /** Replaces the points; training goes on with the same weights. `refit` recomputes the plot window. */
  setPoints(points: Points, refit = true): void {
    this.points = { x: [...points.x], y: [...points.y], label: [...points.label] };
    if (refit || !this.inDomain()) this.fitDomain();
    this.layOut();
    if (this.model) {
      this.rebase();
      if (this.status !== "diverged") this.status = this.trainCount === 0 ? "empty" : "ok";
    }
  }

  addPoint(x: number, y: number, label: 0 | 1): void {
    const p = this.points;
    this.setPoints({ x: [...p.x, x], y: [...p.y, y], label: [...p.label, label] }, false);
  }

  /** Runs up to k steps and samples the loss curve once. Returns the steps taken. */
  run(k: number): number {
    const done = this.advance(k);
    if (done > 0) this.record(this.step);
    return done;
  }

  /** Runs steps in small chunks until `budgetMs` has passed on `now` (or training stops); samples the curve once. */
  runFor(budgetMs: number, now: () => number = () => performance.now(), chunk = 16): number {
    const start = now();
    let done = 0;
    do done += this.advance(chunk);
    while (this.status === "ok" && now() - start < budgetMs);
    if (done > 0) this.record(this.step);
    return done;
  }

  /**
   * Loss and accuracy on the training points with the current weights (one forward pass, no update), and every
   * point's p = σ(z), training and test alike, in the order of `currentPoints` (a buffer reused by the next call).
   */
  evaluate(): { loss: number; accuracy: number; p: Float64Array } {
    const { loss, accuracy } = this.score(this.data);
    const { X } = this.all;
    if (this.pointP.length !== X.cols) this.pointP = new Float64Array(X.cols);
    if (X.cols > 0) {
      const Z = this.model.forward(X);
      for (let j = 0; j < Z.size; j++) this.pointP[j] = sigmoid.f(Z.data[j]);
    }
    return { loss, accuracy, p: this.pointP };
  }

  /** Loss and accuracy on the held-out test points (NaN when there are none). */
  evaluateTest(): { loss: number; accuracy: number } {
    return this.score(this.test);
  }

  /** ‖W‖₂ over every weight (not the biases): what a penalty shrinks. */
  weightNorm(): number {
    let sum = 0;
    for (const p of this.model.params()) if (p.decay) for (const w of p.value) sum += w * w;
    return Math.sqrt(sum);
  }

  /** The penalty R(W) at the current weights (0 when none is chosen). */
  penaltyValue(): number {
    return this.optimizer.value(this.model.params().map((p) => p.value));
  }

  /** p = σ(z) at every grid point, from one forward pass over the grid, and each hidden unit's map from the same pass. */
  gridProbabilities(): Float64Array {
    const Z = this.model.forward(this.grid);
    for (let j = 0; j < Z.size; j++) this.probabilities[j] = sigmoid.f(Z.data[j]);
    const hidden = this.model.layers.slice(0, -1) as Dense[];
    const n = GRID * GRID;
    this.unitMaps = hidden.map((layer, l) => {
      const A = layer.cache.A,
        old = this.unitMaps[l];
      return Array.from({ length: A.rows }, (_, u) => {
        const map = old?.[u] ?? new Float64Array(n);
        map.set(A.data.subarray(u * n, (u + 1) * n));
        return map;
      });
    });
    return this.probabilities;
  }

  private score(d: Dataset): { loss: number; accuracy: number } {
    const { X, Y } = d;
    if (X.cols === 0) return { loss: NaN, accuracy: NaN };
    const Z = this.model.forward(X);
    if (this.evalDA.cols !== Z.cols) this.evalDA = new Tensor([1, Z.cols]);
    const loss = losses.bceWithLogits.computeInto(this.evalDA, Z, Y);
    return { loss, accuracy: losses.bceWithLogits.accuracy(Z, Y) };
  }

  /** Splits the points and lays them and the grid out as the chosen features. */
  private layOut(): void {
    const f = this.settings.features;
    this.mask = splitMask(this.pointCount, this.settings.ratio);
    this.data = toDataset(this.points, f, this.mask, true);
    this.test = toDataset(this.points, f, this.mask, false);
    this.all = toDataset(this.points, f);
    this.grid = featureMatrix(f, this.gridX1, this.gridX2, this.grid);
  }

  private advance(k: number): number {
    if (this.status !== "ok" || !this.trainer) return 0;
    const trainer = this.trainer,
      before = trainer.step;
    const report = trainer.run(k);
    const log = trainer.history().loss;
    for (let i = before; i < report.step; i++) {
      this.smoothed = Number.isNaN(this.smoothed) ? log[i] : SMOOTHING * this.smoothed + (1 - SMOOTHING) * log[i];
    }
    this.lastLoss = report.loss;
    const done = report.step - before;
    // NOTE: written as !(x <= c) so that a NaN smoothed loss also counts as diverged.
    if (report.status === "diverged" || !(this.smoothed <= LOSS_CEILING)) {
      this.status = "diverged";
      this.divergedAt = this.step;
    } else if (trainer.step >= REBASE_STEPS) this.rebase();
    return done;
  }

  /** Starts a new Trainer on the same model and optimizer (after new points, a new batch size, or a long run). */
  private rebase(): void {
    if (this.trainer) {
      this.stepOffset += this.trainer.step;
      this.epochOffset += this.trainer.report().epoch;
    }
    const m = this.trainCount;
    this.trainer =
      m === 0
        ? undefined
        : new Trainer({
            model: this.model,
            loss: losses.bceWithLogits,
            optimizer: this.optimizer,
            X: this.data.X,
            Y: this.data.Y,
            batchSize: batchSize(this.settings.batch, m),
            seed: ++this.generation,
          });
  }

  private record(step: number): void {
    const c = this.curve;
    if (c.step.length >= CURVE_MAX) {
      // Keep every other sample, the first and the newest, so the curve spans the whole run at half the density.
      const n = c.step.length;
      let w = 0;
      for (let i = 0; i < n; i++) {
        if (i % 2 !== 0 && i !== n - 1) continue;
        c.step[w] = c.step[i];
        c.train[w] = c.train[i];
        c.test[w++] = c.test[i];
      }
      c.step.length = c.train.length = c.test.length = w;
    }
    c.step.push(step);
    c.train.push(this.score(this.data).loss);
    c.test.push(this.score(this.test).loss);
  }

  private inDomain(): boolean {
    const { x0, x1, y0, y1 } = this.domain,
      p = this.points;
    return p.x.every((x, i) => x >= x0 && x <= x1 && p.y[i] >= y0 && p.y[i] <= y1);
  }

  private fitDomain(): void {
    const p = this.points;
    const lo = (a: number[]) => (a.length ? Math.min(...a) : -1),
      hi = (a: number[]) => (a.length ? Math.max(...a) : 1);
    const pad = (a: number, b: number) => Math.max(0.5, (b - a) * 0.15);
    const [ax, bx, ay, by] = [lo(p.x), hi(p.x), lo(p.y), hi(p.y)];
    this.domain = { x0: ax - pad(ax, bx), x1: bx + pad(ax, bx), y0: ay - pad(ay, by), y1: by + pad(ay, by) };
    const { x0, x1, y0, y1 } = this.domain;
    for (let r = 0; r < GRID; r++) {
      for (let c = 0; c < GRID; c++) {
        this.gridX1[r * GRID + c] = x0 + ((c + 0.5) * (x1 - x0)) / GRID;
        this.gridX2[r * GRID + c] = y0 + ((r + 0.5) * (y1 - y0)) / GRID;
      }
    }
  }
}

/** Steps per second over roughly the last second of frames. */
export class StepRate {
  private times: number[] = [];
  private steps: number[] = [];

  /** Notes that `step` steps had been done at time `ms`. */
  record(ms: number, step: number): void {
    this.times.push(ms);
    this.steps.push(step);
    while (this.times.length > 2 && ms - this.times[1] >= 1000) {
      this.times.shift();
      this.steps.shift();
    }
  }

  get perSecond(): number {
    const n = this.times.length;
    if (n < 2 || this.times[n - 1] === this.times[0]) return 0;
    return ((this.steps[n - 1] - this.steps[0]) * 1000) / (this.times[n - 1] - this.times[0]);
  }

  clear(): void {
    this.times.length = this.steps.length = 0;
  }
}

/**
 * Milliseconds of training per frame at speed "max": up to 8 ms (half a 60 Hz frame, leaving the rest for
 * drawing), less when frames arrive late, so a slow machine keeps redrawing at 40+ frames per second.
 */
export class FrameBudget {
  static readonly MAX_MS = 8;
  static readonly MIN_MS = 1;
  ms = FrameBudget.MAX_MS;
  private last = NaN;

  /** The budget for the frame starting at `now` (ms), adjusted from the time since the previous frame. */
  next(now: number): number {
    const interval = now - this.last;
    this.last = now;
    if (interval > 25) this.ms = Math.max(FrameBudget.MIN_MS, this.ms - 1);
    else if (interval < 20) this.ms = Math.min(FrameBudget.MAX_MS, this.ms + 0.25);
    return this.ms;
  }

  /** Forgets the previous frame (after a pause, the gap says nothing about drawing cost). */
  restart(): void {
    this.last = NaN;
  }
}
