import type { Layer, Param } from "../layers/layer";
import type { Loss } from "../losses/loss";
import { createRng, type Rng } from "../random/rng";
import { Tensor } from "../tensor/tensor";
import { BatchCursor } from "./batches";

/** Anything with `step(params, grads)` that updates the parameters in place (every optimizer in lib/optim). */
export interface StepOptimizer {
  step(params: Float64Array[], grads: Float64Array[]): void;
}

/** What a Trainer needs: a model, a loss object (see `losses`), an optimizer and the data (examples as columns). */
export interface TrainOptions {
  model: Layer;
  loss: Loss;
  optimizer: StepOptimizer;
  X: Tensor;
  Y: Tensor;
  /** Examples per step; default all of them (full-batch gradient descent). Examples are the last axis of X and Y. */
  batchSize?: number;
  /** Seed for shuffling mini-batches (default 1), or a generator. */
  seed?: number;
  rng?: Rng;
  /** A loss above this also counts as divergence (default Infinity: only NaN or ±Infinity do). Widgets
   * whose charts cannot show a loss beyond some size stop there, with the same rule and message. */
  divergeAbove?: number;
}

/** 'ok' while training is healthy; 'diverged' once the loss or a gradient stopped being finite (or the loss passed `divergeAbove`). */
export type TrainStatus = "ok" | "diverged";

/** The state after a `run`: status, steps so far, and the last step's numbers (accuracy is NaN for regression losses). */
export interface TrainReport {
  status: TrainStatus;
  step: number;
  epoch: number;
  /** The step whose loss or gradient was NaN/±Infinity (no update was applied there). */
  divergedAt?: number;
  loss: number;
  accuracy: number;
  gradNorm: number;
}

/**
 * A training run that a page can advance in slices: each step is forward, loss, backward, optimizer.step, and logs
 * the batch's loss J, its accuracy (for losses with `accuracy`) and the global gradient norm ‖(dW, db, …)‖₂.
 * Stops cleanly with status 'diverged' at the first non-finite loss or gradient (or a loss above `divergeAbove`),
 * before updating; that step's loss is logged.
 *
 *   per step: Ŷ = forward(X_b);  J = loss(Ŷ, Y_b);  backward(dA);  θ ← optimizer(θ, ∂J/∂θ)
 *
 * After the first step of each batch size, a step allocates nothing.
 * @example
 *   const trainer = new Trainer({ model, loss: losses.bceWithLogits, optimizer: new SGD({ lr: 0.5 }), X, Y });
 *   trainer.run(100); trainer.run(100).loss;   // 200 steps in two slices
 */
export class Trainer {
  step = 0;
  status: TrainStatus = "ok";
  divergedAt?: number;
  private readonly params: Param[];
  private readonly values: Float64Array[];
  private readonly grads: Float64Array[];
  private readonly batches: BatchCursor;
  private readonly dA = new Map<number, Tensor>();
  private log = { loss: new Float64Array(64), accuracy: new Float64Array(64), gradNorm: new Float64Array(64) };

  constructor(readonly options: TrainOptions) {
    this.params = options.model.params();
    this.values = this.params.map((p) => p.value);
    this.grads = this.params.map((p) => p.grad);
    const rng = options.rng ?? createRng(options.seed ?? 1);
    this.batches = new BatchCursor(options.X, options.Y, options.batchSize ?? Infinity, rng);
  }

  /** Runs up to k more steps (fewer if training diverges) and reports the last one. */
  run(k: number): TrainReport {
    this.reserve(this.step + k);
    const { model, loss, optimizer } = this.options;
    for (let s = 0; s < k && this.status === "ok"; s++) {
      const { X, Y } = this.batches.next();
      const out = model.forward(X),
        dA = this.scratch(out);
      const J = loss.computeInto(dA, out, Y);
      const accuracy = loss.accuracy ? loss.accuracy(out, Y) : NaN;
      let gradNorm = NaN;
      if (Number.isFinite(J)) {
        model.backward(dA, false); // the input never needs a gradient here
        gradNorm = this.gradNorm();
      }
      const i = this.step;
      this.log.loss[i] = J;
      this.log.accuracy[i] = accuracy;
      this.log.gradNorm[i] = gradNorm;
      this.step++;
      if (!Number.isFinite(J) || !Number.isFinite(gradNorm) || J > (this.options.divergeAbove ?? Infinity)) {
        this.status = "diverged";
        this.divergedAt = this.step;
        break;
      }
      optimizer.step(this.values, this.grads);
    }
    return this.report();
  }

  /**
   * The loss of the current weights on other data, e.g. a held-out set the run never trains on: forward and loss
   * only, in evaluation mode (dropout off, batch norm on running statistics), then back to the previous mode.
   *
   *   J_held-out = loss(forward(X), Y)
   * @example
   *   trainer.run(100);
   *   trainer.evaluate(Xval, Yval);   // no backward, no update
   */
  evaluate(X: Tensor, Y: Tensor): number {
    const { model, loss } = this.options,
      training = model.training;
    model.eval();
    try {
      const out = model.forward(X);
      return loss.computeInto(this.scratch(out), out, Y);
    } finally {
      model.train(training);
    }
  }

  /** The status and the last logged step. */
  report(): TrainReport {
    const i = this.step - 1;
    return {
      status: this.status,
      step: this.step,
      epoch: this.batches.epoch,
      ...(this.divergedAt !== undefined ? { divergedAt: this.divergedAt } : {}),
      loss: i >= 0 ? this.log.loss[i] : NaN,
      accuracy: i >= 0 ? this.log.accuracy[i] : NaN,
      gradNorm: i >= 0 ? this.log.gradNorm[i] : NaN,
    };
  }

  /** Per-step logs so far (views, index 0 = step 1), for loss curves. */
  history(): { loss: Float64Array; accuracy: Float64Array; gradNorm: Float64Array } {
    const n = this.step;
    return { loss: this.log.loss.subarray(0, n), accuracy: this.log.accuracy.subarray(0, n), gradNorm: this.log.gradNorm.subarray(0, n) };
  }

  /** A dA buffer shaped like `out`, reused for each output size. */
  private scratch(out: Tensor): Tensor {
    let dA = this.dA.get(out.size);
    if (dA === undefined || dA.shape.length !== out.shape.length || dA.shape.some((d, i) => d !== out.shape[i])) {
      dA = new Tensor(out.shape);
      this.dA.set(out.size, dA);
    }
    return dA;
  }

  private gradNorm(): number {
    let s = 0;
    for (let k = 0; k < this.grads.length; k++) {
      const g = this.grads[k];
      for (let i = 0; i < g.length; i++) s += g[i] * g[i];
    }
    return Math.sqrt(s);
  }

  private reserve(n: number): void {
    if (n <= this.log.loss.length) return;
    const size = Math.max(n, 2 * this.log.loss.length),
      grow = (a: Float64Array) => {
        const b = new Float64Array(size);
        b.set(a);
        return b;
      };
    this.log = { loss: grow(this.log.loss), accuracy: grow(this.log.accuracy), gradNorm: grow(this.log.gradNorm) };
  }
}

/**
 * Trains for a number of steps in one call: a Trainer run once.
 * @example
 *   const { report, trainer } = train({ model, loss: losses.halfMse, optimizer, X, Y }, 200);
 *   trainer.history().loss;
 */
export function train(options: TrainOptions, steps: number): { report: TrainReport; trainer: Trainer } {
  const trainer = new Trainer(options);
  return { report: trainer.run(steps), trainer };
}
