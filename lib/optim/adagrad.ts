import { checkPairs, type Optimizer } from "./optimizer";

/** Options of `Adagrad`; defaults are PyTorch's (lr 0.01, eps 1e-10, no decay). */
export interface AdagradOptions {
  lr?: number;
  /** PyTorch's lr_decay: step t uses lr / (1 + (t − 1)·lrDecay). */
  lrDecay?: number;
  eps?: number;
  /** The value every entry of the running sum starts from. */
  initialAccumulatorValue?: number;
  /** Coupled L2 as in PyTorch: g ← g + weightDecay·θ. */
  weightDecay?: number;
}

/**
 * Adagrad: divides each coordinate's step by the root of the sum of all its past squared gradients,
 * so steps only shrink.
 *
 *   G ← G + g²,   θ ← θ − lr_t·g / (√G + ε),   lr_t = lr / (1 + (t − 1)·lrDecay)
 *
 * Same defaults and formula as `torch.optim.Adagrad` (lr 0.01, ε 1e-10, G starts at 0).
 *
 * @example
 *   const opt = new Adagrad({ lr: 0.1 });
 *   opt.step([theta], [grad]); opt.sum[0];   // G, the sum of squared gradients
 */
export class Adagrad implements Optimizer {
  lr: number;
  lrDecay: number;
  eps: number;
  readonly initialAccumulatorValue: number;
  weightDecay: number;
  /** G, the running sum of g² for each parameter (PyTorch's `sum`). */
  readonly sum: Float64Array[] = [];
  t = 0;

  constructor({ lr = 0.01, lrDecay = 0, eps = 1e-10, initialAccumulatorValue = 0, weightDecay = 0 }: AdagradOptions = {}) {
    this.lr = lr;
    this.lrDecay = lrDecay;
    this.eps = eps;
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.weightDecay = weightDecay;
  }

  step(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs("Adagrad", params, grads, this.sum);
    this.t++;
    const { eps, weightDecay: wd } = this;
    const lrT = this.lr / (1 + (this.t - 1) * this.lrDecay);
    for (let k = 0; k < params.length; k++) {
      const p = params[k],
        g = grads[k];
      const G = (this.sum[k] ??= new Float64Array(p.length).fill(this.initialAccumulatorValue));
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] + wd * p[i];
        G[i] += gi * gi;
        p[i] -= (lrT * gi) / (Math.sqrt(G[i]) + eps);
      }
    }
  }

  reset(): void {
    this.sum.length = 0;
    this.t = 0;
  }
}
