// Dropout lab (chapter 5): the engine's inverted Dropout inside a small house network
// (3 inputs → 8 ReLU units → dropout → linear output). One mask per step, drawn from the layer's
// seeded generator; the kept units' scaling 1/(1 − p); train against eval mode; the Monte-Carlo
// mean of many training-mode outputs against the evaluation output under three test-time
// conventions; and a sweep of validation cost over p for an overfitting-prone network, run in slices.
import { Adam, Dense, Dropout, Sequential, Tensor, Trainer, createRng, houseData, losses, type Dataset } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";
import { splits as curveSplits, cost, type OverfittingState } from "./overfitting-lab-model";

export const HIDDEN = 8;
export const FEATURES = ["bedrooms", "age", "distance"] as const;
/** Drop probabilities of the validation sweep. */
export const SWEEP_P = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
export const SWEEP_STEPS = 3000;
export const SWEEP_EVERY = 100;
/** Masks averaged by the Monte-Carlo expectation check. */
export const MC_SAMPLES = 20000;
/** The check's forward passes go 1,000 at a time, as 1,000 copies of the house in one batch: each column draws its own
 * mask. One pass per mask took 11-27 ms of the lab's answer to a change of p, these batches 4-5 ms (Node, 2-core machine). */
const MC_BATCH = 1000;

export const dropoutSchema = {
  p: { kind: "number", label: t("dropoutLab.p"), min: 0, max: 0.9, step: 0.05, default: 0.2 },
  mode: { kind: "choice", label: t("dropoutLab.mode"), options: ["train", "eval"], default: "train" },
  step: { kind: "number", label: t("dropoutLab.step"), min: 1, max: 50, step: 1, default: 1 },
  house: { kind: "number", label: t("dropoutLab.house"), min: 1, max: 20, step: 1, default: 1 },
  seed: { kind: "number", label: t("dropoutLab.seed"), min: 1, max: 99, step: 1, default: 7 },
} satisfies Schema;
export type DropoutState = StateOf<typeof dropoutSchema>;

/** The house network with a dropout layer of rate p after the hidden layer (weights from seed 19, which leaves
 * 7 of house 1's 8 ReLU units active; masks from `seed`). */
export function houseNet(p: number, seed: number): { net: Sequential; hidden: Dense; drop: Dropout; out: Dense } {
  const rng = createRng(19);
  const hidden = new Dense(3, HIDDEN, { activation: "relu", rng });
  const drop = new Dropout(p, { rng: createRng(seed) });
  const out = new Dense(HIDDEN, 1, { rng });
  return { net: new Sequential([hidden, drop, out]), hidden, drop, out };
}

/** House `n` (1-based) of the course's data, standardized, as a [3, 1] column. */
export function houseColumn(n: number): Tensor {
  const { Xs } = houseData({ m: 20, seed: 1, features: [...FEATURES] });
  return new Tensor(
    [3, 1],
    [0, 1, 2].map((i) => Xs.get(i, n - 1)),
  );
}

export interface MaskStep {
  p: number;
  mode: "train" | "eval";
  /** Hidden activations a_j (before dropout). */
  a: number[];
  /** The 0/1 keep mask r_j (all ones in eval mode). */
  r: number[];
  /** What the next layer receives: r_j·a_j/(1 − p) in training, a_j in eval. */
  aTilde: number[];
  scale: number;
  yhat: number;
  /** The evaluation-mode output for the same house (no units dropped, no scaling). */
  yEval: number;
  dropped: number;
}

/** The network on one house at mask number `step` (each forward draws a fresh mask). */
export function maskStep(s: DropoutState): MaskStep {
  const { net, hidden, drop } = houseNet(s.p, s.seed);
  const x = houseColumn(s.house);
  net.eval();
  const yEval = net.forward(x).data[0];
  net.train(s.mode === "train");
  let yhat = 0;
  for (let k = 0; k < (s.mode === "train" ? s.step : 1); k++) yhat = net.forward(x).data[0];
  const a = [...hidden.cache.A.data];
  const r = s.mode === "train" ? [...drop.cache.mask.data] : a.map(() => 1);
  const aTilde = s.mode === "train" ? [...drop.cache.A.data] : a;
  return {
    p: s.p,
    mode: s.mode as "train" | "eval",
    a,
    r,
    aTilde,
    scale: s.mode === "train" ? drop.keepScale : 1,
    yhat,
    yEval,
    dropped: r.filter((v) => v === 0).length,
  };
}

export type Convention = "inverted" | "classic" | "wrong";
export interface ExpectationRow {
  convention: Convention;
  /** Mean of the training-mode outputs over MC_SAMPLES masks. */
  trainMean: number;
  /** What that convention outputs at test time. */
  test: number;
}

/**
 * Monte-Carlo check of expectation matching. Inverted dropout (the engine's): training ã = r⊙a/(1 − p), test a.
 * Classic: training r⊙a, test (1 − p)·a. The common mistake: training r⊙a, test p·a. The output layer is
 * linear in ã, so the classic training output is (1 − p) times the inverted one, mask for mask.
 */
export function expectationCheck(s: DropoutState, samples = MC_SAMPLES): ExpectationRow[] {
  const { net, out } = houseNet(s.p, s.seed);
  const x = houseColumn(s.house);
  net.eval();
  const yEval = net.forward(x).data[0];
  const b = out.b.data[0];
  net.train();
  const copies = (n: number) =>
    new Tensor(
      [3, n],
      [0, 1, 2].flatMap((i) => Array<number>(n).fill(x.data[i])),
    );
  const batch = copies(Math.min(MC_BATCH, samples));
  let sum = 0;
  for (let done = 0; done < samples; ) {
    const X = samples - done >= batch.cols ? batch : copies(samples - done);
    for (const y of net.forward(X).data) sum += y;
    done += X.cols;
  }
  const inverted = sum / samples;
  // NOTE: the bias is not dropped, so only the weighted-sum part W·ã scales with the convention.
  const classicTrain = b + (1 - s.p) * (inverted - b),
    classicTest = b + (1 - s.p) * (yEval - b),
    wrongTest = b + s.p * (yEval - b);
  return [
    { convention: "inverted", trainMean: inverted, test: yEval },
    { convention: "classic", trainMean: classicTrain, test: classicTest },
    { convention: "wrong", trainMean: classicTrain, test: wrongTest },
  ];
}

/** The sweep's data: the overfitting lab's default sample (14 noisy points of a sine wave). */
export function sweepData(): { train: Dataset; val: Dataset } {
  return curveSplits({ width: "32", steps: 3000, trainSize: 14, noise: 0.3, augment: false, seed: 6 } as OverfittingState);
}

/** A wide network 1 → 32 → 32 → 1 (tanh) with dropout of rate p after each hidden layer. */
export function wideNet(p: number): Sequential {
  const rng = createRng(5);
  return new Sequential([
    new Dense(1, 32, { activation: "tanh", rng }),
    new Dropout(p, { rng: createRng(11) }),
    new Dense(32, 32, { activation: "tanh", rng }),
    new Dropout(p, { rng: createRng(12) }),
    new Dense(32, 1, { rng }),
  ]);
}

export interface SweepRun {
  p: number;
  net: Sequential;
  trainer: Trainer;
  /** Validation cost in eval mode, every SWEEP_EVERY steps. */
  val: { step: number; val: number; train: number }[];
}

/** Validation cost against p: one wide network per p, trained in slices (`advance`), evaluated without dropout. */
export class DropoutSweep {
  readonly runs: SweepRun[];
  readonly data = sweepData();
  private cursor = 0;

  constructor(readonly steps = SWEEP_STEPS) {
    this.runs = SWEEP_P.map((p) => {
      const net = wideNet(p);
      const trainer = new Trainer({
        model: net,
        loss: losses.halfMse,
        optimizer: new Adam({ lr: 0.01 }),
        X: this.data.train.X,
        Y: this.data.train.Y,
      });
      const run = { p, net, trainer, val: [] };
      this.log(run);
      return run;
    });
  }

  private log(run: SweepRun): void {
    run.net.eval();
    run.val.push({ step: run.trainer.step, val: cost(run.net, this.data.val), train: cost(run.net, this.data.train) });
    run.net.train();
  }

  get finished(): boolean {
    return this.cursor >= this.runs.length;
  }
  get progress(): number {
    return this.runs.reduce((a, r) => a + r.trainer.step, 0) / (this.runs.length * this.steps);
  }

  /** Up to `budget` more steps; true when every p is trained. */
  advance(budget: number): boolean {
    while (budget > 0 && !this.finished) {
      const run = this.runs[this.cursor];
      const k = Math.min(budget, this.steps - run.trainer.step, SWEEP_EVERY - (run.trainer.step % SWEEP_EVERY));
      run.trainer.run(k);
      budget -= k;
      if (run.trainer.step % SWEEP_EVERY === 0 || run.trainer.step === this.steps) this.log(run);
      if (run.trainer.step >= this.steps || run.trainer.status !== "ok") this.cursor++;
    }
    return this.finished;
  }

  /** Final eval-mode training and validation cost per p (only the finished runs). */
  results(): { p: number; train: number; val: number }[] {
    return this.runs.filter((r) => r.trainer.step >= this.steps).map((r) => ({ p: r.p, ...r.val[r.val.length - 1] }));
  }
}
