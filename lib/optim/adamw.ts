import { Adam, type AdamOptions } from "./adam";

/**
 * AdamW: Adam with weight decay taken out of the gradient and applied to the weights directly
 * (Loshchilov & Hutter), so the shrinkage is not divided by √v̂.
 *
 *   θ ← θ·(1 − lr·λ),   then the Adam step θ ← θ − lr·m̂/(√v̂ + ε) on the raw gradient
 *
 * A thin name for `new Adam({ ...options, decoupled: true })` with PyTorch's default λ = 0.01.
 * Differs from `torch.optim.AdamW` only by the per-parameter mask: pass `names` (biases and
 * normalization parameters are then not decayed, see `decayMask`) or an explicit `decay` array;
 * with neither, every parameter is decayed, as in PyTorch.
 *
 * @example
 *   const opt = new AdamW({ lr: 1e-3, weightDecay: 0.01, names: ["W1", "b1", "W2", "b2"] });
 *   opt.step([W1, b1, W2, b2], [dW1, db1, dW2, db2]);   // b1, b2 are not decayed
 */
export class AdamW extends Adam {
  constructor(options: Omit<AdamOptions, "decoupled"> = {}) {
    super({ ...options, weightDecay: options.weightDecay ?? 0.01, decoupled: true });
  }
}
