import type { Layer } from "../layers/layer";
import type { Loss } from "../losses/loss";
import { Tensor } from "../tensor/tensor";
import { relativeError } from "./finite";

/** One parameter tensor's verdict: analytic and numeric gradients side by side (a widget can colour each entry). */
export interface GradCheckEntry {
  name: string;
  relativeError: number;
  maxAbsError: number;
  /** relativeError < threshold, or (for a gradient that is zero in truth, where the ratio is noise) maxAbsError < atol. */
  ok: boolean;
  analytic: Float64Array;
  numeric: Float64Array;
}

/** Options of `gradCheck`: step h, pass thresholds, and whether to also check the gradient with respect to X. */
export interface GradCheckOptions {
  h?: number;
  /** Largest relative error that passes (default 1e-6). */
  threshold?: number;
  /** Largest absolute error that passes whatever the ratio (default 1e-9), for gradients that are 0 or nearly. */
  atol?: number;
  input?: boolean;
}

/**
 * Checks a model's backward pass against central differences of the mean cost J, parameter tensor by parameter tensor.
 *
 *   numeric_k = (J(θ + h·e_k) − J(θ − h·e_k)) / (2h),   relative error = ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)
 *
 * An entry passes when its relative error is below `threshold` (1e-6) or, for a gradient that is exactly or nearly zero
 * (a bias before batch norm), when no entry differs by more than `atol` (1e-9): there the ratio only measures noise.
 * With `input: true` it also checks ∂J/∂X = dX/m (backward returns dX per example). While checking, the model is frozen
 * (one dropout mask, running statistics untouched) and every parameter is restored. Slow: 2 forward passes per number.
 * @example
 *   const report = gradCheck(model, X, Y, losses.bceWithLogits);
 *   report.ok; report.entries.map((e) => [e.name, e.relativeError]);
 */
export function gradCheck(model: Layer, X: Tensor, Y: Tensor, loss: Loss, options: GradCheckOptions = {}) {
  const h = options.h ?? 1e-5,
    threshold = options.threshold ?? 1e-6,
    atol = options.atol ?? 1e-9,
    wasFrozen = model.frozen;
  model.freeze(true);
  try {
    const out = model.forward(X);
    const dA = new Tensor(out.shape);
    loss.computeInto(dA, out, Y);
    const dX = model.backward(dA);
    const targets = model.params().map((p) => ({ name: p.name, value: p.value, analytic: p.grad.slice() }));
    if (options.input) {
      const m = X.cols,
        analytic = new Float64Array(dX.size);
      for (let i = 0; i < analytic.length; i++) analytic[i] = dX.data[i] / m;
      targets.push({ name: "X", value: X.data, analytic });
    }
    const scratch = new Tensor(out.shape);
    const cost = () => loss.computeInto(scratch, model.forward(X), Y);
    const entries: GradCheckEntry[] = targets.map(({ name, value, analytic }) => {
      const numeric = new Float64Array(value.length);
      let maxAbsError = 0;
      for (let k = 0; k < value.length; k++) {
        const v = value[k];
        value[k] = v + h;
        const up = cost();
        value[k] = v - h;
        const down = cost();
        value[k] = v;
        numeric[k] = (up - down) / (2 * h);
        maxAbsError = Math.max(maxAbsError, Math.abs(numeric[k] - analytic[k]));
      }
      const rel = relativeError(analytic, numeric);
      return { name, relativeError: rel, maxAbsError, ok: rel < threshold || maxAbsError < atol, analytic, numeric };
    });
    model.forward(X); // leave the caches describing the unperturbed parameters
    const maxRelativeError = Math.max(0, ...entries.map((e) => e.relativeError));
    return { ok: entries.every((e) => e.ok), maxRelativeError, entries };
  } finally {
    model.freeze(wasFrozen);
  }
}
