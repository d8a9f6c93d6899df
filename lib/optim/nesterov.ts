import { Momentum, type MomentumOptions } from "./momentum";

/**
 * Momentum with the Nesterov look-ahead, as PyTorch writes it: the step uses g + βv instead of v.
 *
 *   v ← βv + g,   θ ← θ − lr·(g + βv)        ("ema" form: θ ← θ − lr·((1−β)g + βv))
 *
 * A thin name for `new Momentum({ ...options, nesterov: true })`; PyTorch spells it
 * `torch.optim.SGD(momentum=β, nesterov=True)`. Sutskever's form evaluates the gradient at the
 * look-ahead point θ − lr·βv; PyTorch's is the same method after a change of variable.
 *
 * @example
 *   const opt = new Nesterov({ lr: 0.01, beta: 0.9 });
 *   opt.step([theta], [grad]);
 */
export class Nesterov extends Momentum {
  constructor(options: Omit<MomentumOptions, "nesterov"> = {}) {
    super({ ...options, nesterov: true });
  }
}
