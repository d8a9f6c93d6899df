import { checkPairs, type Optimizer } from "./optimizer";

/**
 * Plain (stochastic) gradient descent: one step against the gradient, no memory.
 *
 *   θ ← θ − lr·(g + weightDecay·θ)
 *
 * Full-batch GD and mini-batch SGD use this same step; only the gradient fed to it differs
 * (see `miniBatches` in lib/data). `weightDecay` is PyTorch's: it adds λθ to the gradient, which is
 * the gradient of ½λ‖θ‖² (the course's L2 penalty λ‖θ‖² has gradient 2λθ). Same defaults as
 * `torch.optim.SGD` with momentum 0 (lr 1e-3).
 *
 * @example
 *   const opt = new SGD({ lr: 0.1 });
 *   opt.step([theta], [grad]);
 */
export class SGD implements Optimizer {
  lr: number;
  weightDecay: number;
  t = 0;

  constructor({ lr = 1e-3, weightDecay = 0 }: { lr?: number; weightDecay?: number } = {}) {
    this.lr = lr;
    this.weightDecay = weightDecay;
  }

  step(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs("SGD", params, grads);
    const { lr, weightDecay: wd } = this;
    for (let k = 0; k < params.length; k++) {
      const p = params[k],
        g = grads[k];
      for (let i = 0; i < p.length; i++) p[i] -= lr * (g[i] + wd * p[i]);
    }
    this.t++;
  }

  reset(): void {
    this.t = 0;
  }
}
