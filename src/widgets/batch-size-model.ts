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
 * Trains from START with SGD(lr) for `epochs` epochs of shuffled batches (the engine's Trainer and its
 * divergence rule), logging J on all the data after each step: the cost the chart compares across batch sizes.
 */
export function trainRun(s: BatchSizeState, batch: BatchChoice, data = problem(s.m, s.seed)): BatchRun {
  const { X, Y } = data;
  const model = linearModel(X, Y);
  const size = sizeOf(batch, s.m),
    perEpoch = stepsPerEpoch(batch, s.m);
  const trainer = new Trainer({
    model: model.layer,
    loss: losses.halfMse,
    optimizer: new SGD({ lr: s.lr }),
    X,
    Y,
    batchSize: size,
    divergeAbove: DIVERGE_ABOVE,
    // NOTE: one batch generator per batch size, from the same seed, so changing one run leaves the others.
    rng: createRng(s.seed * 7919 + size),
  });
  const points: LossPoint[] = [{ step: 0, examples: 0, epoch: 0, J: trainer.evaluate(X, Y) }];
  let diverged: number | null = null;
  while (trainer.step < s.epochs * perEpoch) {
    if (trainer.run(1).status === "diverged") {
      diverged = trainer.step;
      break;
    }
    const step = trainer.step,
      examples = Math.floor(step / perEpoch) * s.m + Math.min((step % perEpoch) * size, s.m);
    const J = trainer.evaluate(X, Y);
    points.push({ step, examples, epoch: examples / s.m, J });
    // The same rule on the full-data cost, which can outgrow the chart before a single batch's does.
    if (!Number.isFinite(J) || J > DIVERGE_ABOVE) {
      diverged = step;
      break;
    }
  }
  return { batch, size, points, diverged, final: [model.params[0][0], model.params[1][0]] };
}

/** Every batch size's run. */
export function trainAll(s: BatchSizeState): BatchRun[] {
  const data = problem(s.m, s.seed);
  return BATCHES.map((b) => trainRun(s, b, data));
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
