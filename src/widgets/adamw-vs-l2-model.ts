// AdamW against Adam with L2: one overfitting-prone model (a degree-9 polynomial through 12 noisy
// points of a sine wave) trained three times from the same start: the engine's Adam with coupled
// weight decay (λθ added to the gradient, as torch.optim.Adam(weight_decay=λ)), the engine's AdamW
// with the same λ (decoupled), and plain Adam as a reference.
import { Adam, AdamW, Dense, Sequential, halfMseInto, norm2, sineData, Tensor } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const DEGREE = 9;
export const TRAIN_M = 12;
export const VAL_M = 60;
export const RUNS = ["l2", "adamw", "none"] as const;
export type RunId = (typeof RUNS)[number];
/** Record every this many steps (and the last), enough for a smooth curve. */
export const EVERY = 10;

export const adamwSchema = {
  lambda: { kind: "number", label: t("adamwVsL2.lambda"), min: 0, max: 1, step: 0.01, default: 0.1 },
  lr: { kind: "number", label: t("adamwVsL2.lr"), min: 0.001, max: 0.2, step: 0.001, default: 0.05 },
  steps: { kind: "number", label: t("adamwVsL2.steps"), min: 50, max: 2000, step: 10, default: 1200 },
  decayBiases: { kind: "boolean", label: t("adamwVsL2.decayBiases"), default: false },
  noise: { kind: "number", label: t("adamwVsL2.noise"), min: 0, max: 0.6, step: 0.05, default: 0.3 },
  seed: { kind: "number", label: t("adamwVsL2.seed"), min: 1, max: 999, step: 1, default: 3 },
} satisfies Schema;
export type AdamwState = StateOf<typeof adamwSchema>;

/** Rows x¹ … x^DEGREE of a [1, m] input: the features a linear model needs to fit a polynomial. */
export function polynomialFeatures(X: Tensor, degree = DEGREE): Tensor {
  const m = X.cols,
    out = new Tensor([degree, m]);
  for (let i = 0; i < m; i++) {
    let p = 1;
    for (let k = 0; k < degree; k++) out.data[k * m + i] = p *= X.data[i];
  }
  return out;
}

/** Train and validation sets from one curve, y = sin(3x) + noise on x ∈ [−1, 1], different seeds. */
export function splits(s: AdamwState) {
  const curve = (m: number, seed: number) => {
    const { X, Y } = sineData({ m, seed, noise: s.noise, xMin: -1, xMax: 1, frequency: 3 });
    return { x: X, X: polynomialFeatures(X), Y };
  };
  return { train: curve(TRAIN_M, s.seed), val: curve(VAL_M, s.seed + 1000) };
}

/** The model: one Dense layer on the polynomial features, all weights starting at 0 (names dense1.W, dense1.b). */
export function polynomialModel(): Sequential {
  const model = new Sequential([new Dense(DEGREE, 1)]);
  for (const p of model.params()) p.value.fill(0);
  return model;
}

/** The engine optimizer for a run; the decay mask exempts the bias unless `decayBiases`. */
export function optimizerFor(run: RunId, s: AdamwState, names: readonly string[]): Adam {
  const decay = s.decayBiases ? names.map(() => true) : undefined;
  if (run === "adamw") return new AdamW({ lr: s.lr, weightDecay: s.lambda, names, decay });
  return new Adam({ lr: s.lr, weightDecay: run === "l2" ? s.lambda : 0, names, decay });
}

export interface RunPoint {
  step: number;
  /** ‖W‖₂ of the weights (the bias is not a weight). */
  norm: number;
  train: number;
  val: number;
}
export interface Run {
  id: RunId;
  points: RunPoint[];
  W: number[];
  b: number;
}

/** The cost J = (1/2m)Σ(ŷ − y)² of the model on a set (the buffer dA is scratch). */
function cost(model: Sequential, set: { X: Tensor; Y: Tensor }): number {
  return halfMseInto(new Tensor(set.Y.shape), model.forward(set.X), set.Y);
}

/** One run trained a step at a time, so a page can spread the training over frames. */
export class RunTraining {
  private readonly model = polynomialModel();
  private readonly dense = this.model.layers[0] as Dense;
  private readonly opt: Adam;
  private readonly values: Float64Array[];
  private readonly grads: Float64Array[];
  private readonly dA: Tensor;
  private readonly points: RunPoint[] = [];
  /** Steps taken so far. */
  step = 0;

  constructor(
    readonly id: RunId,
    private readonly s: AdamwState,
    private readonly data = splits(s),
  ) {
    const params = this.model.params();
    this.opt = optimizerFor(
      id,
      s,
      params.map((p) => p.name),
    );
    this.values = params.map((p) => p.value);
    this.grads = params.map((p) => p.grad);
    this.dA = new Tensor(data.train.Y.shape);
  }

  /** Whether all s.steps steps are taken (and the last point recorded). */
  get done(): boolean {
    return this.step >= this.s.steps && this.points.at(-1)?.step === this.s.steps;
  }

  /** Takes up to `count` steps, recording ‖W‖, train and validation J every EVERY steps and after the last; whether the run is done. */
  advance(count: number): boolean {
    const { model, data, dA } = this;
    for (let k = 0; k < count && this.step < this.s.steps; k++, this.step++) {
      if (this.step % EVERY === 0) this.record(this.step);
      halfMseInto(dA, model.forward(data.train.X), data.train.Y);
      model.backward(dA);
      this.opt.step(this.values, this.grads);
    }
    if (this.step >= this.s.steps && !this.done) this.record(this.s.steps);
    return this.done;
  }

  // NOTE: recorded before the training forward, because a forward on the validation set would
  // leave the layer's cache holding 60 columns where backward expects the 12 training ones.
  private record(step: number): void {
    const { model, data } = this;
    this.points.push({ step, norm: norm2(this.dense.W), train: cost(model, data.train), val: cost(model, data.val) });
  }

  /** The run as trained so far. */
  result(): Run {
    return { id: this.id, points: this.points, W: [...this.dense.W.data], b: this.dense.b.data[0] };
  }
}

/** Trains one run full-batch for s.steps steps, recording ‖W‖, train and validation J. */
export function trainRun(run: RunId, s: AdamwState, data = splits(s)): Run {
  const training = new RunTraining(run, s, data);
  while (!training.advance(s.steps + 1));
  return training.result();
}

/** The three runs trained one after the other, `advance(steps)` at a time (a SliceJob for runInFrames). */
export class CompareTraining {
  private readonly data: ReturnType<typeof splits>;
  private readonly runs: RunTraining[];

  constructor(readonly s: AdamwState) {
    this.data = splits(s);
    this.runs = RUNS.map((id) => new RunTraining(id, s, this.data));
  }

  /** Takes up to `steps` more training steps; whether all three runs are done. */
  advance(steps: number): boolean {
    const run = this.runs.find((r) => !r.done);
    if (run) run.advance(steps);
    return this.done;
  }

  get done(): boolean {
    return this.runs.every((r) => r.done);
  }

  /** The share of all steps taken, from 0 to 1. */
  get progress(): number {
    return this.runs.reduce((a, r) => a + Math.min(r.step, this.s.steps), 0) / (RUNS.length * Math.max(1, this.s.steps));
  }

  /** The three runs (complete once `done`). */
  results(): Run[] {
    return this.runs.map((r) => r.result());
  }
}

/** The three runs on the same data. */
export function compare(s: AdamwState): Run[] {
  const job = new CompareTraining(s);
  while (!job.advance(s.steps + 1));
  return job.results();
}

/** The lowest validation cost of a run and the step where it happened. */
export function bestVal(run: Run): RunPoint {
  return run.points.reduce((a, p) => (p.val < a.val ? p : a));
}

/** The fitted curve of a run on `count` points of [−1, 1], through the engine's forward pass. */
export function fitCurve(run: Run, count = 81): { x: number; y: number }[] {
  const model = polynomialModel();
  const dense = model.layers[0] as Dense;
  dense.W.data.set(run.W);
  dense.b.data[0] = run.b;
  const x = new Tensor(
    [1, count],
    Array.from({ length: count }, (_, i) => -1 + (2 * i) / (count - 1)),
  );
  const y = model.forward(polynomialFeatures(x));
  return Array.from(x.data, (xi, i) => ({ x: xi, y: y.data[i] }));
}
