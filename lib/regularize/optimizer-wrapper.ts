import type { Optimizer } from "../optim/optimizer";

/**
 * An optimizer that changes the gradients in place and then lets the optimizer it wraps take the step: the shared
 * plumbing of `ClippedOptimizer` and `PenalizedOptimizer`. `lr` and `t` are the inner optimizer's, so a schedule that
 * sets `opt.lr` reaches it, and `reset` resets it.
 *
 *   step(θ, g):  adjust(θ, g) in place, then inner.step(θ, g)
 *
 * PyTorch has no such object: the clip or penalty is a call of its own between `loss.backward()` and `optimizer.step()`.
 * @example
 *   class Frozen extends OptimizerWrapper { protected adjust(_: Float64Array[], gs: Float64Array[]) { for (const g of gs) g.fill(0); } }
 *   new Frozen(new SGD({ lr: 0.1 })).step(params, grads);   // zeroes the gradients: the parameters do not move
 */
export abstract class OptimizerWrapper implements Optimizer {
  constructor(readonly inner: Optimizer) {}

  get lr(): number {
    return this.inner.lr;
  }

  set lr(value: number) {
    this.inner.lr = value;
  }

  get t(): number {
    return this.inner.t;
  }

  step(params: Float64Array[], grads: Float64Array[]): void {
    this.adjust(params, grads);
    this.inner.step(params, grads);
  }

  reset(): void {
    this.inner.reset();
  }

  /** Changes `grads` in place (it may read `params`) just before the inner optimizer's step. */
  protected abstract adjust(params: Float64Array[], grads: Float64Array[]): void;
}
