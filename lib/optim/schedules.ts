/**
 * A learning-rate schedule: the rate to use at step (or epoch) t = 0, 1, 2, …
 * Set it on an optimizer before each step: `opt.lr = schedule(opt.t)`.
 */
export type Schedule = (t: number) => number;

/**
 * The same rate at every step; the usual base for `linearWarmup`.
 *
 * @example
 *   constantLr(0.1)(7);   // 0.1
 */
export function constantLr(lr: number): Schedule {
  return () => lr;
}

/**
 * Step decay: multiply the rate by γ every `stepSize` steps.
 *
 *   lr_t = lr₀·γ^⌊t / stepSize⌋          (PyTorch's StepLR, same default γ = 0.1)
 *
 * @example
 *   const s = stepDecay(0.1, 10, 0.5);
 *   s(9); s(10);   // 0.1, 0.05
 */
export function stepDecay(lr0: number, stepSize: number, gamma = 0.1): Schedule {
  return (t) => lr0 * gamma ** Math.floor(t / stepSize);
}

/**
 * Exponential decay: multiply the rate by γ every step.
 *
 *   lr_t = lr₀·γᵗ          (PyTorch's ExponentialLR)
 *
 * @example
 *   const s = exponentialDecay(0.1, 0.9);
 *   s(2);   // 0.081
 */
export function exponentialDecay(lr0: number, gamma: number): Schedule {
  return (t) => lr0 * gamma ** t;
}

/**
 * Cosine annealing: glide from lr₀ down to lrMin along half a cosine over tMax steps.
 *
 *   lr_t = lrMin + (lr₀ − lrMin)·(1 + cos(π·t / tMax)) / 2
 *
 * The closed form of PyTorch's CosineAnnealingLR (no restarts). Like PyTorch it keeps following the
 * cosine past tMax (the rate climbs back up), so stop at tMax or clamp t if that is not wanted.
 *
 * @example
 *   const s = cosineAnnealing(0.1, 100);
 *   s(0); s(50); s(100);   // 0.1, 0.05, 0
 */
export function cosineAnnealing(lr0: number, tMax: number, lrMin = 0): Schedule {
  return (t) => lrMin + ((lr0 - lrMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2;
}

/**
 * Linear warm-up in front of another schedule: the rate rises linearly to `after(0)` over
 * `warmupSteps` steps, then `after` runs with its own clock restarted at 0.
 *
 *   t < w:  lr_t = after(0)·(f₀ + (1 − f₀)·t / w)        t ≥ w:  lr_t = after(t − w)
 *
 * This is PyTorch's SequentialLR([LinearLR(start_factor=f₀, total_iters=w), after], milestones=[w]),
 * with LinearLR's default f₀ = 1/3.
 *
 * @example
 *   const s = linearWarmup(5, cosineAnnealing(0.1, 95), 0);
 *   s(0); s(5); s(100);   // 0, 0.1, 0
 */
export function linearWarmup(warmupSteps: number, after: Schedule, startFactor = 1 / 3): Schedule {
  return (t) => (t < warmupSteps ? after(0) * (startFactor + ((1 - startFactor) * t) / warmupSteps) : after(t - warmupSteps));
}
