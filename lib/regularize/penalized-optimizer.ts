import type { Optimizer } from "../optim/optimizer";
import { OptimizerWrapper } from "./optimizer-wrapper";
import type { Penalty } from "./penalties";

/**
 * An optimizer that adds a weight penalty's gradient to the chosen parameters' gradients, in place, just before the
 * optimizer it wraps takes its step, so the update follows J + R(W) while the logged loss stays the data loss J.
 *
 *   gₖ ← gₖ + ∂R/∂Wₖ   for each penalized k   (L2: R = λ·Σw², ∂R/∂w = 2λw;  L1: R = λ·Σ|w|, ∂R/∂w = λ·sign w)
 *
 * `penalize[k]` says which parameter arrays the penalty covers (weights, usually not biases); `penalty` null or
 * `lambda` 0 turns it off. Both can change between steps.
 * @example
 *   const opt = new PenalizedOptimizer(new SGD({ lr: 0.1 }), penalties.l2, 0.01, [true, false]);   // W penalized, b not
 *   new Trainer({ model, loss: losses.bceWithLogits, optimizer: opt, X, Y }).run(100);
 */
export class PenalizedOptimizer extends OptimizerWrapper {
  private scratch: Float64Array[] = [];

  constructor(
    inner: Optimizer,
    public penalty: Penalty | null,
    public lambda: number,
    readonly penalize: readonly boolean[],
  ) {
    super(inner);
    if (!(lambda >= 0)) throw new RangeError(`PenalizedOptimizer: λ must be 0 or more, got ${lambda}`);
  }

  /** R(W) = the penalty summed over the penalized arrays (0 when off). */
  value(params: readonly Float64Array[]): number {
    if (!this.penalty || this.lambda === 0) return 0;
    let sum = 0;
    for (let k = 0; k < params.length; k++) if (this.penalize[k]) sum += this.penalty.penalty(params[k], this.lambda);
    return sum;
  }

  protected adjust(params: Float64Array[], grads: Float64Array[]): void {
    const p = this.penalty;
    if (p && this.lambda > 0) {
      for (let k = 0; k < params.length; k++) {
        if (!this.penalize[k]) continue;
        if (this.scratch[k]?.length !== params[k].length) this.scratch[k] = new Float64Array(params[k].length);
        const extra = p.grad(params[k], this.lambda, this.scratch[k]),
          g = grads[k];
        for (let i = 0; i < g.length; i++) g[i] += extra[i];
      }
    }
  }
}
