// The gradient-flow lab's settings and its training run: a deep, narrow MLP (the engine's mlpDeep) on the
// house prices, its per-layer weight-gradient norms before training, and a short run of plain gradient
// descent with the engine's Trainer. No DOM, so the build-time fallback and the unit tests share it.
import {
  SGD,
  Tensor,
  Trainer,
  backward,
  forward,
  gradNormsPerLayer,
  halfMse,
  houseData,
  losses,
  mlpDeep,
  normal,
  type ActivationName,
  type Initializer,
  type InitializerName,
  type Sequential,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const FLOW_ACTIVATIONS = ["sigmoid", "tanh", "relu", "leakyRelu"] as const;
export const FLOW_INITS = ["small", "large", "xavier", "he"] as const;
export type FlowInit = (typeof FLOW_INITS)[number];

export const WIDTH = 16;
export const HOUSES = 64;
export const LR = 0.05;
export const STEPS = 100;
/** A loss above this (or not finite) ends the run as diverged. */
export const LOSS_CEILING = 1e6;

export const gradientFlowSchema = {
  activation: { kind: "choice", label: t("gradientFlow.activation"), options: FLOW_ACTIVATIONS, default: "sigmoid" },
  init: { kind: "choice", label: t("gradientFlow.init"), options: FLOW_INITS, default: "small" },
  depth: { kind: "number", label: t("gradientFlow.depth"), min: 2, max: 20, step: 1, default: 15 },
  batchNorm: { kind: "boolean", label: t("gradientFlow.batchNorm"), default: false },
  residual: { kind: "boolean", label: t("gradientFlow.residual"), default: false },
} satisfies Schema;
export type GradientFlowState = StateOf<typeof gradientFlowSchema>;

/** Settings that reproduce the problem and each fix of the chapter. */
export const FLOW_PRESETS = {
  vanishing: { activation: "sigmoid", init: "small", batchNorm: false, residual: false },
  sigmoidXavier: { activation: "sigmoid", init: "xavier", batchNorm: false, residual: false },
  tanhXavier: { activation: "tanh", init: "xavier", batchNorm: false, residual: false },
  reluHe: { activation: "relu", init: "he", batchNorm: false, residual: false },
  exploding: { activation: "relu", init: "large", batchNorm: false, residual: false },
  batchNorm: { activation: "sigmoid", init: "xavier", batchNorm: true, residual: false },
  residual: { activation: "tanh", init: "small", batchNorm: false, residual: true },
} satisfies Record<string, Partial<GradientFlowState>>;
export type FlowPreset = keyof typeof FLOW_PRESETS;

/** The weight initializer behind each menu entry: N(0, 0.01²), N(0, 1), Xavier normal, He normal. */
export function flowInitializer(init: FlowInit): InitializerName | Initializer {
  if (init === "small") return (rng, o, i) => normal(rng, o, i, { std: 0.01 });
  if (init === "large") return (rng, o, i) => normal(rng, o, i, { std: 1 });
  return init === "xavier" ? "xavierNormal" : "heNormal";
}

/** The house data: 64 houses, four standardized features, the price standardized to mean 0 and variance 1. */
export function flowData(): { X: Tensor; Y: Tensor } {
  const d = houseData({ m: HOUSES, seed: 3 });
  const y = d.Y.data,
    m = y.length;
  let mean = 0;
  for (const v of y) mean += v / m;
  let v2 = 0;
  for (const v of y) v2 += (v - mean) ** 2 / m;
  const Y = new Tensor(
    [1, m],
    y.map((v) => (v - mean) / Math.sqrt(v2)),
  );
  return { X: d.Xs, Y };
}

/** The network of a state: `depth` hidden layers of 16 units, then a linear output. */
export function flowNetwork(s: GradientFlowState): Sequential {
  return mlpDeep({
    nIn: 4,
    width: WIDTH,
    depth: s.depth,
    activation: s.activation as ActivationName,
    init: flowInitializer(s.init as FlowInit),
    batchNorm: s.batchNorm,
    residual: s.residual,
    seed: 1,
  });
}

/**
 * One run of the lab: the per-layer gradient norms at the start, then full-batch gradient descent with
 * the engine's Trainer in slices (`run(n)`), which logs the cost before each step and stops the run as
 * diverged at a cost above LOSS_CEILING (or NaN), the engine's rule for every trainer in the course.
 */
export class FlowRun {
  readonly net: Sequential;
  readonly norms: number[];
  status: "ok" | "diverged" | "done" = "ok";
  private readonly trainer: Trainer;

  constructor(readonly state: GradientFlowState) {
    this.net = flowNetwork(state);
    const data = flowData();
    backward(this.net, halfMse(forward(this.net, data.X), data.Y).dA);
    this.norms = gradNormsPerLayer(this.net);
    this.trainer = new Trainer({
      model: this.net,
      loss: losses.halfMse,
      optimizer: new SGD({ lr: LR }),
      ...data,
      divergeAbove: LOSS_CEILING,
    });
  }

  /** The cost before each step so far. */
  get losses(): number[] {
    return Array.from(this.trainer.history().loss);
  }

  get step(): number {
    return this.trainer.step;
  }

  /** Takes up to n more steps of gradient descent. */
  run(n: number): void {
    if (this.status !== "ok") return;
    this.trainer.run(Math.min(n, STEPS - this.trainer.step));
    if (this.trainer.status === "diverged") this.status = "diverged";
    else if (this.trainer.step >= STEPS) this.status = "done";
  }

  /** How many times smaller layer 1's gradient is than the output layer's (‖dW⁽ᴸ⁾‖ / ‖dW⁽¹⁾‖). */
  get ratio(): number {
    return this.norms[this.norms.length - 1] / this.norms[0];
  }
}

/** The whole run at once (for the fallback and tests). */
export function runAll(s: GradientFlowState): FlowRun {
  const run = new FlowRun(s);
  run.run(STEPS);
  return run;
}
