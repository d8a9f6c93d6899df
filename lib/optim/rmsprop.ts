import { checkPairs, type Optimizer } from "./optimizer";

/** Options of `RMSProp`; defaults are PyTorch's (lr 0.01, alpha 0.99, eps 1e-8). */
export interface RMSPropOptions {
  lr?: number;
  /** Decay rate α of the squared-gradient average (not a momentum). */
  alpha?: number;
  eps?: number;
  /** false (PyTorch): lr·g/(√s + ε); true: lr·g/√(s + ε). */
  epsInside?: boolean;
  /** Coupled L2 as in PyTorch: g ← g + weightDecay·θ. */
  weightDecay?: number;
}

/**
 * RMSProp: divides each coordinate's step by the root of a running average of its squared gradients.
 *
 *   s ← αs + (1−α)g²,   θ ← θ − lr·g / (√s + ε)          (epsInside: θ ← θ − lr·g / √(s + ε))
 *
 * Defaults and ε placement are `torch.optim.RMSprop`'s (lr 0.01, α 0.99, ε 1e-8, ε outside the root);
 * its `momentum` and `centered` options are not offered. The two ε placements differ only when s is
 * about ε or smaller: outside, a tiny s gives a step near lr·g/ε; inside, it is capped near lr·g/√ε.
 * s starts at 0.
 *
 * @example
 *   const opt = new RMSProp({ lr: 0.01 });
 *   opt.step([theta], [grad]); opt.s[0];   // the running average of g²
 */
export class RMSProp implements Optimizer {
  lr: number;
  alpha: number;
  eps: number;
  epsInside: boolean;
  weightDecay: number;
  /** The running average of g² for each parameter (PyTorch's `square_avg`). */
  readonly s: Float64Array[] = [];
  t = 0;

  constructor({ lr = 0.01, alpha = 0.99, eps = 1e-8, epsInside = false, weightDecay = 0 }: RMSPropOptions = {}) {
    this.lr = lr;
    this.alpha = alpha;
    this.eps = eps;
    this.epsInside = epsInside;
    this.weightDecay = weightDecay;
  }

  step(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs("RMSProp", params, grads, this.s);
    const { lr, alpha, eps, epsInside, weightDecay: wd } = this;
    for (let k = 0; k < params.length; k++) {
      const p = params[k],
        g = grads[k];
      const s = (this.s[k] ??= new Float64Array(p.length));
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] + wd * p[i];
        s[i] = alpha * s[i] + (1 - alpha) * gi * gi;
        // NOTE: epsilon placement matters when s is tiny (see the class comment).
        p[i] -= (lr * gi) / (epsInside ? Math.sqrt(s[i] + eps) : Math.sqrt(s[i]) + eps);
      }
    }
    this.t++;
  }

  /** The per-coordinate step size lr/(√s + ε) of parameter k after the last step (a new array). */
  effectiveLr(k: number): Float64Array {
    const s = this.s[k] ?? new Float64Array(0);
    return s.map((si) => this.lr / (this.epsInside ? Math.sqrt(si + this.eps) : Math.sqrt(si) + this.eps));
  }

  reset(): void {
    this.s.length = 0;
    this.t = 0;
  }
}
