/**
 * What every optimizer in the engine looks like: `step` moves the parameters in place, one
 * Float64Array per parameter tensor, against the matching gradient; the state is public.
 * `lr` is a plain field, so a schedule can set it before any step: `opt.lr = schedule(opt.t)`.
 * Differs from PyTorch: no parameter groups and no closure; gradients are passed to `step`.
 *
 * @example
 *   const opt: Optimizer = new SGD({ lr: 0.1 });
 *   opt.step([theta], [grad]);   // theta -= 0.1 * grad; for Tensors pass W.data and dW.data
 */
export interface Optimizer {
  /** The learning rate used by the next step. */
  lr: number;
  /** How many steps have been taken. */
  readonly t: number;
  /** Updates every `params[k]` in place from `grads[k]`. */
  step(params: Float64Array[], grads: Float64Array[]): void;
  /** Forgets all state (velocity, moments, t), as if newly built. */
  reset(): void;
}

/**
 * Throws a readable error when params and grads do not pair up, or when a state buffer made on an
 * earlier step no longer fits its parameter. Allocates nothing.
 *
 * @example
 *   checkPairs("SGD", [new Float64Array(2)], [new Float64Array(2)]);   // fine
 *   checkPairs("SGD", [new Float64Array(2)], []);                      // throws
 */
export function checkPairs(name: string, params: Float64Array[], grads: Float64Array[], state?: Float64Array[]): void {
  if (params.length !== grads.length) {
    throw new RangeError(`${name}.step: ${params.length} parameter arrays but ${grads.length} gradient arrays`);
  }
  for (let k = 0; k < params.length; k++) {
    if (params[k].length !== grads[k].length) {
      throw new RangeError(`${name}.step: parameter ${k} has ${params[k].length} entries, its gradient ${grads[k].length}`);
    }
    const s = state?.[k];
    if (s !== undefined && s.length !== params[k].length) {
      throw new RangeError(`${name}.step: parameter ${k} changed size (${s.length} → ${params[k].length}); call reset()`);
    }
  }
}
