import { Tensor } from "../tensor/tensor";
import { type Dataset, drawExamples, type SampleOptions } from "./dataset";

/** Options shared by the 1-D regression generators (the noise is added to y). */
export interface CurveOptions extends SampleOptions {
  /** x is drawn uniformly from [xMin, xMax]. */
  xMin?: number;
  xMax?: number;
}

function curve(f: (x: number) => number, { m = 50, noise = 0.1, seed = 1, xMin = -1, xMax = 1 }: CurveOptions): Dataset {
  const X = new Tensor([1, m]),
    Y = new Tensor([1, m]);
  drawExamples(m, seed, (i, rng) => {
    X.data[i] = rng.uniform(xMin, xMax);
    Y.data[i] = f(X.data[i]) + rng.normal(0, noise);
  });
  return { X, Y };
}

/**
 * A noisy sine wave for 1-D regression (and over- vs under-fitting demos).
 *
 *   x ~ U(xMin, xMax) (default [−π, π]),   y = amplitude·sin(frequency·x) + N(0, noise²)
 *
 * @example
 *   const { X, Y } = sineData({ m: 40, noise: 0.2, seed: 5 });   // X, Y: [1, 40]
 *   Y.get(0, 0);
 */
export function sineData(options: CurveOptions & { amplitude?: number; frequency?: number } = {}): Dataset {
  const { amplitude = 1, frequency = 1 } = options;
  return curve((x) => amplitude * Math.sin(frequency * x), { xMin: -Math.PI, xMax: Math.PI, ...options });
}

/**
 * A noisy polynomial for 1-D regression: the true curve is known, so fitted coefficients can be compared.
 *
 *   x ~ U(xMin, xMax) (default [−1, 1]),   y = Σₖ coefficients[k]·xᵏ + N(0, noise²)
 *
 * @example
 *   const { X, Y } = polynomialData({ coefficients: [1, 0, -2], m: 30 });   // y = 1 − 2x² + noise
 *   X.shape;   // [1, 30]
 */
export function polynomialData(options: CurveOptions & { coefficients?: readonly number[] } = {}): Dataset {
  const { coefficients = [0, 1, -1, 0.5] } = options;
  // NOTE: Horner's rule, highest power first.
  return curve((x) => coefficients.reduceRight((acc, c) => acc * x + c, 0), options);
}
