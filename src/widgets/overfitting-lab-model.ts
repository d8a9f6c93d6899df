// Overfitting lab (chapter 5): networks of growing capacity (two tanh hidden layers of width w)
// trained on the same small noisy sample of a sine wave, with training and validation cost logged
// as they learn. Training advances in slices (`CapacitySweep.advance`) so a page can run it a
// little per frame. Augmentation adds jittered copies of the training points (same label).
import { Adam, Trainer, Tensor, createRng, halfMseInto, losses, mlp, sineData, type Dataset, type Sequential } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** The hidden widths compared, smallest to largest capacity. */
export const WIDTHS = [1, 2, 4, 8, 16, 32] as const;
export const VAL_M = 200;
/** Costs are logged every this many steps (and at the last). */
export const EVERY = 100;
/** How many jittered copies of each training point augmentation adds, and their spread in x. */
export const COPIES = 4;
export const JITTER = 0.15;

export const overfittingSchema = {
  width: { kind: "choice", label: t("overfittingLab.width"), options: WIDTHS.map(String), default: "16" },
  steps: { kind: "number", label: t("overfittingLab.steps"), min: 500, max: 8000, step: 500, default: 3000 },
  trainSize: { kind: "number", label: t("overfittingLab.trainSize"), min: 6, max: 60, step: 2, default: 14 },
  noise: { kind: "number", label: t("overfittingLab.noise"), min: 0, max: 0.6, step: 0.05, default: 0.3 },
  augment: { kind: "boolean", label: t("overfittingLab.augment"), default: false },
  seed: { kind: "number", label: t("overfittingLab.seed"), min: 1, max: 99, step: 1, default: 6 },
} satisfies Schema;
export type OverfittingState = StateOf<typeof overfittingSchema>;

/** y = sin(1.5x) + noise on x ∈ [−π, π]: a training sample and a large validation sample from other seeds. */
export function splits(s: OverfittingState): { train: Dataset; val: Dataset } {
  const opts = { noise: s.noise, frequency: 1.5 };
  return { train: sineData({ ...opts, m: s.trainSize, seed: s.seed }), val: sineData({ ...opts, m: VAL_M, seed: s.seed + 1000 }) };
}

/** Label-preserving augmentation: the original points plus `copies` copies of each with x + N(0, jitter²), same y. */
export function jitteredCopies(data: Dataset, copies = COPIES, jitter = JITTER, seed = 1): Dataset {
  const m = data.X.cols,
    rng = createRng(seed),
    X = new Tensor([1, m * (copies + 1)]),
    Y = new Tensor([1, m * (copies + 1)]);
  for (let c = 0; c <= copies; c++) {
    for (let i = 0; i < m; i++) {
      X.data[c * m + i] = data.X.data[i] + (c === 0 ? 0 : rng.normal(0, jitter));
      Y.data[c * m + i] = data.Y.data[i];
    }
  }
  return { X, Y };
}

/** The model for width w: 1 → w → w → 1, tanh hidden layers, linear output, seeded weights. */
export function modelFor(width: number, seed = 5): Sequential {
  return mlp([1, width, width, 1], { hidden: "tanh", seed });
}

/** The cost J = (1/2m)Σ(ŷ − y)² of a model on a set. */
export function cost(model: Sequential, set: Dataset): number {
  return halfMseInto(new Tensor(set.Y.shape), model.forward(set.X), set.Y);
}

export interface CostPoint {
  step: number;
  train: number;
  val: number;
}

/** One width's run: its trainer and the logged costs (train on the original points, never the copies). */
export interface WidthRun {
  width: number;
  model: Sequential;
  trainer: Trainer;
  points: CostPoint[];
}

/** Training and validation cost at the end, and the generalization gap J_val − J_train. */
export function finalCosts(run: WidthRun): CostPoint & { gap: number } {
  const last = run.points[run.points.length - 1];
  return { ...last, gap: last.val - last.train };
}

/**
 * All widths trained for s.steps full-batch Adam steps (lr 0.01), advanced a slice at a time.
 * The same data and the same seeded start for every width; only the capacity differs.
 */
export class CapacitySweep {
  readonly runs: WidthRun[];
  readonly data: { train: Dataset; val: Dataset; fit: Dataset };
  private cursor = 0;

  constructor(readonly state: OverfittingState) {
    const { train, val } = splits(state);
    const fit = state.augment ? jitteredCopies(train, COPIES, JITTER, state.seed) : train;
    this.data = { train, val, fit };
    this.runs = WIDTHS.map((width) => {
      const model = modelFor(width);
      const trainer = new Trainer({ model, loss: losses.halfMse, optimizer: new Adam({ lr: 0.01 }), X: fit.X, Y: fit.Y });
      const run = { width, model, trainer, points: [] as CostPoint[] };
      this.log(run);
      return run;
    });
  }

  private log(run: WidthRun): void {
    run.points.push({ step: run.trainer.step, train: cost(run.model, this.data.train), val: cost(run.model, this.data.val) });
  }

  /** Total steps over all widths, and how many are done. */
  get total(): number {
    return WIDTHS.length * this.state.steps;
  }
  get done(): number {
    return this.runs.reduce((a, r) => a + r.trainer.step, 0);
  }
  get finished(): boolean {
    return this.cursor >= this.runs.length;
  }

  /** Runs up to `budget` more training steps (widths in order, logging every EVERY steps); true when all are done. */
  advance(budget: number): boolean {
    while (budget > 0 && !this.finished) {
      const run = this.runs[this.cursor];
      const left = this.state.steps - run.trainer.step;
      const k = Math.min(budget, left, EVERY - (run.trainer.step % EVERY));
      run.trainer.run(k);
      budget -= k;
      if (run.trainer.step % EVERY === 0 || run.trainer.step === this.state.steps) this.log(run);
      if (run.trainer.step >= this.state.steps || run.trainer.status !== "ok") this.cursor++;
    }
    return this.finished;
  }

  /** The run of one width. */
  run(width: number): WidthRun {
    return this.runs.find((r) => r.width === width) ?? this.runs[this.runs.length - 1];
  }

  /** The fitted curve of a width on `count` points of [−π, π], through the engine's forward pass. */
  curve(width: number, count = 121): { x: number; y: number }[] {
    const x = new Tensor(
      [1, count],
      Array.from({ length: count }, (_, i) => -Math.PI + (2 * Math.PI * i) / (count - 1)),
    );
    const y = this.run(width).model.forward(x);
    return Array.from(x.data, (xi, i) => ({ x: xi, y: y.data[i] }));
  }
}

/** A finished sweep (for the build-time fallback and tests). */
export function sweep(s: OverfittingState): CapacitySweep {
  const job = new CapacitySweep(s);
  job.advance(Number.POSITIVE_INFINITY);
  return job;
}

/** The width with the lowest final validation cost. */
export function bestWidth(job: CapacitySweep): number {
  return job.runs.reduce((a, r) => (finalCosts(r).val < finalCosts(a).val ? r : a)).width;
}
