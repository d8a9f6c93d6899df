import type { Optimizer } from "../optim/optimizer";
import { OptimizerWrapper } from "./optimizer-wrapper";
import { clipByGlobalNorm, clipByNorm, clipByValue, clipCoefficient, globalNorm } from "./clip";

/** How `ClippedOptimizer` clips: all gradients by their global norm, each tensor by its own norm, or each entry by value. */
export type ClipMode = "globalNorm" | "perTensor" | "value";

/**
 * An optimizer that clips the gradients, in place, just before the optimizer it wraps takes its step; the training
 * step becomes forward, loss, backward, clip, update.
 *
 *   globalNorm: g ← g·min(1, c/‖g‖) with ‖g‖ = √(Σₖ‖gₖ‖²)    perTensor: gₖ ← gₖ·min(1, c/‖gₖ‖)    value: gᵢ ← min(max(gᵢ, −c), c)
 *
 * Same as calling `clip_grad_norm_` (or `clip_grad_value_`) between `loss.backward()` and `optimizer.step()` in PyTorch,
 * including its 10⁻⁶ in the norm rules. `lastNorm` is the global norm before clipping; `clippedSteps` counts the
 * steps on which clipping changed the gradient (norm or some entry above c).
 * @example
 *   const opt = new ClippedOptimizer(new SGD({ lr: 0.01 }), 1);            // clip by global norm 1
 *   new Trainer({ model, loss: losses.halfMse, optimizer: opt, X, Y }).run(100); opt.clippedSteps;
 */
export class ClippedOptimizer extends OptimizerWrapper {
  /** Global norm ‖g‖ of the last step's gradients, before clipping (NaN before the first step). */
  lastNorm = NaN;
  /** The last step's clip coefficient min(1, c/(‖g‖ + 10⁻⁶)) in globalNorm mode (NaN before the first step or in other modes). */
  lastClipCoef = NaN;
  /** Steps on which clipping changed the gradient. */
  clippedSteps = 0;

  constructor(
    inner: Optimizer,
    public threshold: number,
    readonly mode: ClipMode = "globalNorm",
  ) {
    super(inner);
    if (!(threshold > 0)) throw new RangeError(`ClippedOptimizer: the threshold must be positive, got ${threshold}`);
  }

  protected adjust(_params: Float64Array[], grads: Float64Array[]): void {
    const c = this.threshold;
    this.lastNorm = globalNorm(grads);
    let changed = false;
    if (this.mode === "globalNorm") {
      changed = this.lastNorm > c;
      this.lastClipCoef = clipCoefficient(this.lastNorm, c);
      clipByGlobalNorm(grads, c);
    } else if (this.mode === "perTensor") {
      for (const g of grads) changed = clipByNorm(g, c) > c || changed;
    } else {
      for (const g of grads) {
        for (let i = 0; i < g.length; i++) if (Math.abs(g[i]) > c) changed = true;
        clipByValue(g, c);
      }
    }
    if (changed) this.clippedSteps++;
  }

  reset(): void {
    super.reset();
    this.lastNorm = NaN;
    this.lastClipCoef = NaN;
    this.clippedSteps = 0;
  }
}
