// Batch size: one linear model ŷ = w·x + b (two numbers, so a gradient is a point in the plane) fitted
// to the house prices with full-batch, mini-batch and single-example SGD. Gradients come from the
// engine's Dense layer and halfMse, runs from its Trainer (SGD), batch clouds from miniBatches/takeColumns.
import { Dense, SGD, Trainer, createRng, halfMseInto, houseData, losses, miniBatches, norm2, takeColumns, Tensor } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** The batch sizes compared; 0 stands for the full batch (|B| = m). */
export const BATCHES = [1, 8, 32, 0] as const;
export type BatchChoice = (typeof BATCHES)[number];

export const batchSizeSchema = {
  lr: { kind: "number", label: t("batchSize.lr"), min: 0.001, max: 2, step: 0.001, default: 0.05 },
  epochs: { kind: "number", label: t("batchSize.epochs"), min: 1, max: 20, step: 1, default: 5 },
  m: { kind: "number", label: t("batchSize.m"), min: 16, max: 200, step: 1, default: 100 },
  seed: { kind: "number", label: t("batchSize.seed"), min: 1, max: 999, step: 1, default: 1 },
  xAxis: { kind: "choice", label: t("batchSize.xAxis"), options: ["examples", "steps"], default: "examples" },
  where: { kind: "choice", label: t("batchSize.where"), options: ["start", "minimum"], default: "start" },
} satisfies Schema;
export type BatchSizeState = StateOf<typeof batchSizeSchema>;

/** Where every run starts: w = 0, b = 0 (a model that predicts $0). */
export const START: readonly [number, number] = [0, 0];

/**
 * The problem: m generated houses, x = standardised bedrooms, y = price in $100,000.
 * The same seed draws the houses and (through a second generator) the batches.
 */
export function problem(m: number, seed: number): { X: Tensor; Y: Tensor } {
  const { Xs, Y } = houseData({ m, seed, features: ["bedrooms"] });
  return {
    X: Xs,
    Y: new Tensor(
      Y.shape,
      Y.data.map((y) => y / 100),
    ),
  };
}

/** The actual size |B| of a batch choice for m examples. */
export const sizeOf = (b: BatchChoice, m: number) => (b === 0 ? m : Math.min(b, m));

/** Steps in one epoch: ⌈m / |B|⌉ (the engine's miniBatches makes exactly this many). */
export const stepsPerEpoch = (b: BatchChoice, m: number) => Math.ceil(m / sizeOf(b, m));

/** A Dense(1→1) layer at (w, b), and a function giving J and (dJ/dw, dJ/db) on any set of examples. */
export function linearModel(X: Tensor, Y: Tensor, at: readonly [number, number] = START) {
  const layer = new Dense(1, 1);
  layer.W.data[0] = at[0];
  layer.b.data[0] = at[1];
  const buffers = new Map<number, Tensor>();
  /** J and its gradient on the examples `idx` (all of them when omitted). */
  const gradient = (idx?: readonly number[]) => {
    const Xb = idx ? takeColumns(X, idx) : X,
      Yb = idx ? takeColumns(Y, idx) : Y;
    let dA = buffers.get(Yb.cols);
    if (!dA) buffers.set(Yb.cols, (dA = new Tensor(Yb.shape)));
    const J = halfMseInto(dA, layer.forward(Xb), Yb);
    layer.backward(dA);
    return { J, g: [layer.dW.data[0], layer.db.data[0]] as [number, number] };
  };
  return { layer, params: [layer.W.data, layer.b.data], grads: [layer.dW.data, layer.db.data], gradient };
}

/** One point of a loss curve: after `step` steps and `examples` examples seen, the full-data cost J. */
export interface LossPoint {
  step: number;
  examples: number;
  epoch: number;
  J: number;
}

/** A training run with one batch size; `diverged` is the step at which J stopped being finite. */
export interface BatchRun {
  batch: BatchChoice;
  size: number;
  points: LossPoint[];
  diverged: number | null;
  final: [number, number];
}

/** A cost above this ends a run as diverged (the chart's log axis cannot show more). */
const DIVERGE_ABOVE = 1e12;

/**
 * One run trained a step at a time from START with SGD(lr) for `epochs` epochs of shuffled batches (the engine's
 * Trainer and its divergence rule), logging J on all the data after each step: the cost the chart compares across
 * batch sizes. Stepwise so that a page can spread the four runs over frames.
 */
export class RunTraining {
  private readonly model: ReturnType<typeof linearModel>;
  private readonly trainer: Trainer;
  readonly size: number;
  private readonly perEpoch: number;
  private readonly points: LossPoint[];
  private diverged: number | null = null;

  constructor(
    private readonly s: BatchSizeState,
    readonly batch: BatchChoice,
    private readonly data = problem(s.m, s.seed),
  ) {
    const { X, Y } = data;
    this.model = linearModel(X, Y);
    this.size = sizeOf(batch, s.m);
    this.perEpoch = stepsPerEpoch(batch, s.m);
    this.trainer = new Trainer({
      model: this.model.layer,
      loss: losses.halfMse,
      optimizer: new SGD({ lr: s.lr }),
      X,
      Y,
      batchSize: this.size,
      divergeAbove: DIVERGE_ABOVE,
      // NOTE: one batch generator per batch size, from the same seed, so changing one run leaves the others.
      rng: createRng(s.seed * 7919 + this.size),
    });
    this.points = [{ step: 0, examples: 0, epoch: 0, J: this.trainer.evaluate(X, Y) }];
  }

  /** The steps the run takes unless it diverges first. */
  get total(): number {
    return this.s.epochs * this.perEpoch;
  }

  /** Steps taken so far. */
  get step(): number {
    return this.trainer.step;
  }

  get done(): boolean {
    return this.diverged !== null || this.trainer.step >= this.total;
  }

  /** Takes up to `count` steps; whether the run is over (all epochs done, or diverged). */
  advance(count: number): boolean {
    const { trainer, perEpoch, size, s } = this;
    const { X, Y } = this.data;
    for (let k = 0; k < count && !this.done; k++) {
      if (trainer.run(1).status === "diverged") {
        this.diverged = trainer.step;
        break;
      }
      const step = trainer.step,
        examples = Math.floor(step / perEpoch) * s.m + Math.min((step % perEpoch) * size, s.m);
      const J = trainer.evaluate(X, Y);
      this.points.push({ step, examples, epoch: examples / s.m, J });
      // The same rule on the full-data cost, which can outgrow the chart before a single batch's does.
      if (!Number.isFinite(J) || J > DIVERGE_ABOVE) this.diverged = step;
    }
    return this.done;
  }

  /** The run as trained so far. */
  result(): BatchRun {
    const { params } = this.model;
    return { batch: this.batch, size: this.size, points: this.points, diverged: this.diverged, final: [params[0][0], params[1][0]] };
  }
}

/** Trains one batch size's run to the end (see RunTraining). */
export function trainRun(s: BatchSizeState, batch: BatchChoice, data = problem(s.m, s.seed)): BatchRun {
  const run = new RunTraining(s, batch, data);
  while (!run.advance(1000));
  return run.result();
}

/** Every batch size's run, trained one after the other, `advance(steps)` at a time (a SliceJob for runInFrames). */
export class BatchTraining {
  private readonly runs: RunTraining[];

  constructor(readonly s: BatchSizeState) {
    const data = problem(s.m, s.seed);
    this.runs = BATCHES.map((b) => new RunTraining(s, b, data));
  }

  /** Takes up to `steps` more training steps; whether every run is over. */
  advance(steps: number): boolean {
    this.runs.find((r) => !r.done)?.advance(steps);
    return this.done;
  }

  get done(): boolean {
    return this.runs.every((r) => r.done);
  }

  /** The share of the steps taken, from 0 to 1 (a diverged run counts as complete). */
  get progress(): number {
    const total = this.runs.reduce((a, r) => a + r.total, 0);
    return this.runs.reduce((a, r) => a + (r.done ? r.total : r.step), 0) / Math.max(1, total);
  }

  /** The runs (complete once `done`). */
  results(): BatchRun[] {
    return this.runs.map((r) => r.result());
  }
}

/** Every batch size's run. */
export function trainAll(s: BatchSizeState): BatchRun[] {
  const job = new BatchTraining(s);
  while (!job.advance(1000));
  return job.results();
}

/** The least-squares (w, b): full-batch SGD at a safe rate until it stops moving. */
export function minimum(data: { X: Tensor; Y: Tensor }): [number, number] {
  const model = linearModel(data.X, data.Y);
  const opt = new SGD({ lr: 0.5 });
  for (let k = 0; k < 200; k++) {
    model.gradient();
    opt.step(model.params, model.grads);
  }
  return [model.params[0][0], model.params[1][0]];
}

/** One batch's gradient and how well it points along the full-batch gradient. */
export interface BatchGradient {
  batch: BatchChoice;
  dw: number;
  db: number;
  /** cos of the angle to the full-batch gradient; NaN when either is the zero vector. */
  cosine: number;
}

/** cos∠(a, b) = a·b / (‖a‖‖b‖); NaN when either is the zero vector. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  return (a[0] * b[0] + a[1] * b[1]) / (norm2(a) * norm2(b));
}

/**
 * The gradients of one epoch's batches at a fixed point (the start, or the minimum) for each batch size,
 * beside the full-batch gradient there. The batches are those the engine's miniBatches would draw.
 */
export function gradientCloud(s: BatchSizeState) {
  const data = problem(s.m, s.seed);
  const at = s.where === "minimum" ? minimum(data) : START;
  const model = linearModel(data.X, data.Y, at);
  const full = model.gradient().g;
  // NOTE: at the minimum the full gradient is ~1e-16 (rounding): no direction to compare with.
  if (Math.hypot(full[0], full[1]) < 1e-12) full[0] = full[1] = 0;
  const clouds: BatchGradient[] = [];
  for (const batch of BATCHES) {
    const rng = createRng(s.seed * 104729 + sizeOf(batch, s.m));
    for (const idx of miniBatches(s.m, sizeOf(batch, s.m), rng)) {
      const [dw, db] = model.gradient(idx).g;
      clouds.push({ batch, dw, db, cosine: cosine([dw, db], full) });
    }
  }
  return { at, full, clouds };
}

/** Per batch size: how many batches, the mean cosine to the full gradient (NaN when that is 0), the spread ‖g_B − g‖ (root mean square). */
export function cloudSummary(clouds: BatchGradient[], full: readonly [number, number], batch: BatchChoice) {
  const mine = clouds.filter((c) => c.batch === batch);
  const meanCos = mine.reduce((a, c) => a + c.cosine, 0) / mine.length;
  const spread = Math.sqrt(mine.reduce((a, c) => a + (c.dw - full[0]) ** 2 + (c.db - full[1]) ** 2, 0) / mine.length);
  // NOTE: the full batch differs from the full gradient only by summation order (~1e-16): show 0.
  return { count: mine.length, meanCos, spread: spread < 1e-12 * (1 + Math.hypot(full[0], full[1])) ? 0 : spread };
}
