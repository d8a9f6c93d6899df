import { checkPairs, type Optimizer } from "./optimizer";

/** Which momentum update to use: PyTorch's accumulated sum, or an exponential moving average. */
export type MomentumForm = "pytorch" | "ema";

/** Options of `Momentum` (and `Nesterov`); every field has the default shown on the class. */
export interface MomentumOptions {
  lr?: number;
  /** Momentum coefficient β (PyTorch's `momentum`). */
  beta?: number;
  /** "pytorch": v ← βv + g; "ema": v ← βv + (1−β)g. */
  form?: MomentumForm;
  /** Look-ahead (Nesterov) step, in PyTorch's formulation. */
  nesterov?: boolean;
  /** PyTorch's dampening τ, "pytorch" form only: v ← βv + (1−τ)g after the first step. */
  dampening?: number;
  /** Coupled L2 as in PyTorch: g ← g + weightDecay·θ before the velocity update. */
  weightDecay?: number;
}

/**
 * Gradient descent with a velocity that remembers past gradients, in either of two forms.
 *
 *   "pytorch" (default):  v ← βv + g,        θ ← θ − lr·v
 *   "ema":                v ← βv + (1−β)g,   θ ← θ − lr·v
 *   with nesterov:        θ ← θ − lr·(g + βv)   resp.   θ ← θ − lr·((1−β)g + βv)
 *
 * Both forms trace the same path when lr_pytorch = lr_ema·(1−β) (then v_ema = (1−β)·v_pytorch).
 * The "pytorch" form is `torch.optim.SGD(momentum=β)`, including its rule that the first step sets
 * v ← g whatever the dampening. The classical form v ← βv + lr·g, θ ← θ − v is the "pytorch" form
 * with v scaled by lr (identical while lr is constant).
 *
 * @example
 *   const opt = new Momentum({ lr: 0.01, beta: 0.9, form: "ema" });
 *   opt.step([theta], [grad]); opt.velocity[0];   // what the widget draws
 */
export class Momentum implements Optimizer {
  lr: number;
  beta: number;
  readonly form: MomentumForm;
  readonly nesterov: boolean;
  readonly dampening: number;
  weightDecay: number;
  /** v for each parameter, made on the first step; public so widgets can draw it. */
  readonly velocity: Float64Array[] = [];
  t = 0;

  constructor({ lr = 1e-3, beta = 0.9, form = "pytorch", nesterov = false, dampening = 0, weightDecay = 0 }: MomentumOptions = {}) {
    if (nesterov && dampening !== 0) throw new RangeError("Momentum: Nesterov needs dampening 0 (as in PyTorch)");
    if (form === "ema" && dampening !== 0) throw new RangeError('Momentum: dampening applies to form "pytorch" only');
    this.lr = lr;
    this.beta = beta;
    this.form = form;
    this.nesterov = nesterov;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
  }

  step(params: Float64Array[], grads: Float64Array[]): void {
    checkPairs(this.nesterov ? "Nesterov" : "Momentum", params, grads, this.velocity);
    const { lr, beta, weightDecay: wd, nesterov } = this;
    const ema = this.form === "ema";
    // gScale multiplies g in the velocity update; the Nesterov look-ahead reuses it.
    const gScale = ema ? 1 - beta : 1;
    for (let k = 0; k < params.length; k++) {
      const p = params[k],
        g = grads[k];
      const first = this.velocity[k] === undefined;
      const v = (this.velocity[k] ??= new Float64Array(p.length));
      // NOTE: PyTorch starts the buffer at g, so dampening only acts from the second step on.
      const gIn = ema ? gScale : first ? 1 : 1 - this.dampening;
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] + wd * p[i];
        v[i] = beta * v[i] + gIn * gi;
        p[i] -= lr * (nesterov ? gScale * gi + beta * v[i] : v[i]);
      }
    }
    this.t++;
  }

  reset(): void {
    this.velocity.length = 0;
    this.t = 0;
  }
}
