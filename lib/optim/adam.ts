import { decayMask } from "./decay-mask";
import { checkPairs, type Optimizer } from "./optimizer";

/** Options of `Adam` and `AdamW`; defaults are PyTorch's (lr 1e-3, betas 0.9/0.999, eps 1e-8). */
export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** λ. Coupled (L2 in the gradient) unless `decoupled`; 0 turns decay off. */
  weightDecay?: number;
  /** true: AdamW's θ ← θ(1 − lr·λ) before the step; false: PyTorch Adam's g ← g + λθ. */
  decoupled?: boolean;
  /** false skips the division by 1 − βᵗ (for the widget that shows why it is needed). */
  biasCorrection?: boolean;
  /** decay[k] false exempts parameter k from weight decay; missing means decay everything. */
  decay?: readonly boolean[];
  /** Parameter names; when `decay` is not given, `decayMask(names)` is used (biases exempt). */
  names?: readonly string[];
  /** true keeps this step's m̂ and v̂ in `mHat`/`vHat` (for a widget that shows them); off, the step skips that work. */
  record?: boolean;
}

/**
 * Adam: momentum on the gradient (first moment m) divided by the root of a running average of its
 * square (second moment v), both corrected for starting at zero.
 *
 *   m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²,   m̂ = m/(1−β₁ᵗ),   v̂ = v/(1−β₂ᵗ)
 *   θ ← θ − lr·m̂/(√v̂ + ε)
 *
 * with weight decay λ either coupled, g ← g + λθ (`torch.optim.Adam(weight_decay=λ)`), or decoupled,
 * θ ← θ(1 − lr·λ) first (`AdamW`). Defaults are PyTorch's (lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8 added
 * to √v̂). Beyond PyTorch: a per-parameter decay mask (`decay`/`names`) instead of parameter groups,
 * and `biasCorrection: false`. On step 1, m̂ = g and v̂ = g², so the step is ≈ lr·sign(g).
 *
 * @example
 *   const opt = new Adam({ lr: 1e-3 });
 *   opt.step([theta], [grad]);
 *   const traced = new Adam({ lr: 1e-3, record: true });   // traced.mHat[0]: this step's corrected first moment
 */
export class Adam implements Optimizer {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  decoupled: boolean;
  biasCorrection: boolean;
  /** Per-parameter decay switch; a widget can flip an entry ("decay biases?"). */
  decay: boolean[] | undefined;
  /** First moment m, second moment v, and (only with `record: true`) their corrected values m̂, v̂ from the last step. */
  readonly m: Float64Array[] = [];
  readonly v: Float64Array[] = [];
  readonly mHat: Float64Array[] = [];
  readonly vHat: Float64Array[] = [];
  t = 0;
  readonly record: boolean;

  constructor(options: AdamOptions = {}) {
    const { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0, decoupled = false, biasCorrection = true } = options;
    this.lr = lr;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decoupled = decoupled;
    this.biasCorrection = biasCorrection;
    this.record = options.record ?? false;
    this.decay = options.decay ? [...options.decay] : options.names ? decayMask(options.names) : undefined;
  }

  step(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(this.decoupled ? "AdamW" : "Adam", params, grads, this.m);
    this.t++;
    const { lr, beta1, beta2, eps, decoupled, t } = this;
    const bc1 = this.biasCorrection ? 1 - beta1 ** t : 1;
    const bc2 = this.biasCorrection ? 1 - beta2 ** t : 1;
    for (let k = 0; k < params.length; k++) {
      const p = params[k],
        g = grads[k],
        n = p.length;
      const m = (this.m[k] ??= new Float64Array(n)),
        v = (this.v[k] ??= new Float64Array(n));
      const lambda = this.decay === undefined || this.decay[k] !== false ? this.weightDecay : 0;
      const shrink = decoupled ? 1 - lr * lambda : 1;
      const coupled = decoupled ? 0 : lambda;
      if (this.record) {
        const mHat = (this.mHat[k] ??= new Float64Array(n)),
          vHat = (this.vHat[k] ??= new Float64Array(n));
        for (let i = 0; i < n; i++) {
          // NOTE: AdamW shrinks the current θ before anything else; Adam+L2 feeds λθ through m and v.
          p[i] *= shrink;
          const gi = g[i] + coupled * p[i];
          m[i] = beta1 * m[i] + (1 - beta1) * gi;
          v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
          mHat[i] = m[i] / bc1;
          vHat[i] = v[i] / bc2;
          // NOTE: ε is added to √v̂ (as PyTorch), not to v̂ under the root.
          p[i] -= (lr * mHat[i]) / (Math.sqrt(vHat[i]) + eps);
        }
      } else {
        // The same arithmetic, with m̂ and v̂ kept in registers instead of arrays nobody reads.
        for (let i = 0; i < n; i++) {
          if (shrink !== 1) p[i] *= shrink;
          const gi = g[i] + coupled * p[i];
          const mi = beta1 * m[i] + (1 - beta1) * gi,
            vi = beta2 * v[i] + (1 - beta2) * gi * gi;
          m[i] = mi;
          v[i] = vi;
          p[i] -= (lr * (mi / bc1)) / (Math.sqrt(vi / bc2) + eps);
        }
      }
    }
  }

  reset(): void {
    for (const state of [this.m, this.v, this.mHat, this.vHat]) state.length = 0;
    this.t = 0;
  }
}
