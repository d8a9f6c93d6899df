// The exploding-gradients lab (chapter 7): a deep linear chain on the house prices, trained twice from the same
// weights with plain SGD, once as it is and once with its gradients clipped. Every number comes from the engine
// (mlp, normal, halfMse through Trainer, SGD, ClippedOptimizer); a run advances in slices so a page can animate it.
import { ClippedOptimizer, SGD, Tensor, Trainer, houseData, losses, mlp, normal, type ClipMode, type TrainStatus } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const CLIP_MODES = ["globalNorm", "perTensor", "value"] as const satisfies readonly ClipMode[];
/** Hidden units per layer of the chain. */
export const WIDTH = 8;
/** Houses in the training set (one full batch per step). */
export const HOUSES = 64;

export const explodingLabSchema = {
  depth: { kind: "number", label: t("explodingLab.depth"), min: 2, max: 20, step: 1, default: 10 },
  weightScale: { kind: "number", label: t("explodingLab.weightScale"), min: 0.5, max: 2, step: 0.05, default: 1.5 },
  lr: { kind: "number", label: t("explodingLab.lr"), min: 0.001, max: 0.05, step: 0.001, default: 0.01 },
  threshold: { kind: "number", label: t("explodingLab.threshold"), min: 0.1, max: 20, step: 0.1, default: 10 },
  mode: { kind: "choice", label: t("explodingLab.mode"), options: CLIP_MODES, default: "globalNorm" },
  steps: { kind: "number", label: t("explodingLab.steps"), min: 20, max: 500, step: 10, default: 200 },
} satisfies Schema;
export type ExplodingLabState = StateOf<typeof explodingLabSchema>;

let data: { X: Tensor; Y: Tensor } | undefined;

/** The training set: 64 standardized houses and their prices in units of $100,000 (the same every time). */
export function labData(): { X: Tensor; Y: Tensor } {
  if (!data) {
    const d = houseData({ m: HOUSES, seed: 3 });
    const Y = new Tensor([1, HOUSES]);
    for (let j = 0; j < HOUSES; j++) Y.data[j] = d.Y.data[j] / 100;
    data = { X: d.Xs, Y };
  }
  return data;
}

let best: number | undefined;

/** Full-batch SGD steps that take the single linear layer of bestReachableLoss to its minimum. */
export const BEST_STEPS = 3000;

/**
 * The lowest loss any chain of the lab can reach on labData. A linear chain of any depth (every width ≥ 1)
 * computes an affine map x ↦ w·x + b and can compute every one, so its best loss is that of one linear layer
 * 4 → 1, the least-squares fit; the engine's Trainer finds it by full-batch SGD (lr 0.1 on standardized features).
 */
export function bestReachableLoss(): number {
  if (best === undefined) {
    const { X, Y } = labData();
    best = new Trainer({ model: mlp([4, 1], { seed: 7 }), loss: losses.halfMse, optimizer: new SGD({ lr: 0.1 }), X, Y }).run(
      BEST_STEPS,
    ).loss;
  }
  return best;
}

/** Layer widths of a chain with `depth` layers: 4 → 8 → … → 8 → 1. */
export function chainSizes(depth: number): number[] {
  return [4, ...Array<number>(depth - 1).fill(WIDTH), 1];
}

/**
 * The chain's weights: W ~ N(0, s²/n_in) in every layer, so each layer multiplies a vector's norm by about s
 * (s = 1 is Xavier-like for a linear chain); the same seed for both runs, so they start from the same weights.
 */
export function buildChain(depth: number, weightScale: number) {
  return mlp(chainSizes(depth), { hidden: "linear", seed: 7, init: (rng, o, i) => normal(rng, o, i, { std: weightScale / Math.sqrt(i) }) });
}

export type RunKind = "plain" | "clipped";

/** One training run, advanced in slices; `history` holds the loss and the gradient norm before clipping, per step. */
export class LabRun {
  readonly trainer: Trainer;
  readonly clipper?: ClippedOptimizer;

  constructor(
    readonly state: ExplodingLabState,
    readonly kind: RunKind,
  ) {
    const sgd = new SGD({ lr: state.lr });
    this.clipper = kind === "clipped" ? new ClippedOptimizer(sgd, state.threshold, state.mode as ClipMode) : undefined;
    const { X, Y } = labData();
    this.trainer = new Trainer({
      model: buildChain(state.depth, state.weightScale),
      loss: losses.halfMse,
      optimizer: this.clipper ?? sgd,
      X,
      Y,
    });
  }

  get step(): number {
    return this.trainer.step;
  }

  get status(): TrainStatus {
    return this.trainer.status;
  }

  /** True once the run has taken all its steps or diverged. */
  get done(): boolean {
    return this.trainer.status === "diverged" || this.trainer.step >= this.state.steps;
  }

  /** Takes up to k more steps (never past `state.steps`); returns how many it took. */
  advance(k: number): number {
    if (this.done) return 0;
    const before = this.trainer.step;
    this.trainer.run(Math.min(k, this.state.steps - before));
    return this.trainer.step - before;
  }

  /** Per-step loss and gradient norm (before clipping); NaN where the step diverged. */
  history(): { loss: Float64Array; gradNorm: Float64Array } {
    const h = this.trainer.history();
    return { loss: h.loss, gradNorm: h.gradNorm };
  }

  /** What the readouts show about this run. */
  summary(): RunSummary {
    const { loss, gradNorm } = this.history();
    const norms = Array.from(gradNorm).filter(Number.isFinite);
    return {
      kind: this.kind,
      status: this.trainer.status,
      step: this.trainer.step,
      divergedAt: this.trainer.divergedAt,
      firstLoss: loss.length ? loss[0] : NaN,
      lastLoss: loss.length ? loss[loss.length - 1] : NaN,
      maxNorm: norms.length ? Math.max(...norms) : NaN,
      clippedSteps: this.clipper?.clippedSteps,
    };
  }
}

export interface RunSummary {
  kind: RunKind;
  status: TrainStatus;
  step: number;
  divergedAt?: number;
  firstLoss: number;
  lastLoss: number;
  maxNorm: number;
  clippedSteps?: number;
}

/** Both runs of a state, not yet started. */
export function labRuns(state: ExplodingLabState): [LabRun, LabRun] {
  return [new LabRun(state, "plain"), new LabRun(state, "clipped")];
}

/** Both runs trained to the end at once (for the build-time fallback and tests). */
export function runToEnd(state: ExplodingLabState): [LabRun, LabRun] {
  const runs = labRuns(state);
  for (const r of runs) r.advance(state.steps);
  return runs;
}

/** Values above this are drawn off the top of the log-scale charts (a diverging run reaches 1e75 and more). */
export const CHART_CEILING = 1e12;

/** A series as chart points: step (1-based) and value; non-finite values are left out (the run stopped there). */
export function seriesPoints(values: Float64Array): { step: number; value: number }[] {
  const out: { step: number; value: number }[] = [];
  values.forEach((v, i) => {
    if (Number.isFinite(v) && v > 0) out.push({ step: i + 1, value: v });
  });
  return out;
}

/** The readout table, one row per quantity and one column per run (plain, clipped), as text. */
export function summaryRows(
  runs: RunSummary[],
  formatNumber: (x: number) => string,
): { label: string; values: string[]; status?: boolean }[] {
  return [
    { label: t("explodingLab.table.status"), values: runs.map((m) => statusText(m, formatNumber)), status: true },
    { label: t("explodingLab.table.firstLoss"), values: runs.map((m) => formatNumber(m.firstLoss)) },
    { label: t("explodingLab.table.maxNorm"), values: runs.map((m) => formatNumber(m.maxNorm)) },
    {
      label: t("explodingLab.table.clipped"),
      values: runs.map((m) => (m.clippedSteps === undefined ? "–" : `${m.clippedSteps} / ${m.step}`)),
    },
    {
      label: t("explodingLab.table.vsBest", { best: formatNumber(bestReachableLoss()) }),
      values: runs.map((m) =>
        m.status === "diverged" || !Number.isFinite(m.lastLoss) ? "–" : `${formatNumber(m.lastLoss / bestReachableLoss())}×`,
      ),
    },
  ];
}

/** The name of a run as the legend and table show it. */
export function runLabel(state: ExplodingLabState, kind: RunKind): string {
  return kind === "plain"
    ? t("explodingLab.run.plain")
    : t("explodingLab.run.clipped", { mode: t(`explodingLab.mode.${state.mode}`), c: state.threshold });
}

/** The status line of a run: "diverged at step k", or its final loss. */
export function statusText(s: RunSummary, formatNumber: (x: number) => string): string {
  if (s.status === "diverged") return t("explodingLab.divergedAt", { step: s.divergedAt ?? s.step });
  return t("explodingLab.trainedTo", { loss: formatNumber(s.lastLoss), step: s.step });
}
