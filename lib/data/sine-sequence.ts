import { Tensor } from "../tensor/tensor";
import { drawExamples, type SampleOptions } from "./dataset";

/** Options of `sineSequence`: m sequences (default 32), noise on every observed value (default 0.05), and these. */
export interface SineSequenceOptions extends SampleOptions {
  /** Steps per sequence; default 20. */
  T?: number;
  /** Angle advanced per step, in radians; default 0.3 (about 21 steps per period). */
  step?: number;
  amplitude?: number;
}

/** Next-value data: X [T, 1, m] observed values, Y [T, 1, m] the next observed value, clean [T, 1, m] the next noiseless value. */
export interface SineSequenceData {
  X: Tensor;
  Y: Tensor;
  clean: Tensor;
}

/**
 * Noisy sine waves with random phases, for predicting the next value at every step (many-to-many).
 *
 *   s_k = A·sin(ω·k + φ) + ε_k,  φ ~ U(0, 2π),  ε_k ~ N(0, noise²),  k = 0 … T;   x_t = s_{t−1},  y_t = s_t
 *
 * `clean` holds A·sin(ω·t + φ) without noise: the best any model can do, the floor a widget can draw.
 * @example
 *   const { X, Y } = sineSequence({ m: 16, T: 30, seed: 2 });   // X, Y [30, 1, 16]
 *   sequenceLossInto(losses.halfMse, dY, readout.forward(rnn.forward(X)), Y);
 */
export function sineSequence({
  m = 32,
  T = 20,
  noise = 0.05,
  step = 0.3,
  amplitude = 1,
  seed = 1,
}: SineSequenceOptions = {}): SineSequenceData {
  if (!(Number.isInteger(m) && m >= 1 && Number.isInteger(T) && T >= 1))
    throw new RangeError(`sineSequence: m and T must be positive integers, got ${m}, ${T}`);
  const X = new Tensor([T, 1, m]),
    Y = new Tensor([T, 1, m]),
    clean = new Tensor([T, 1, m]);
  drawExamples(m, seed, (j, rng) => {
    const phase = rng.uniform(0, 2 * Math.PI);
    let prev = amplitude * Math.sin(phase) + rng.normal(0, noise);
    for (let t = 0; t < T; t++) {
      const c = amplitude * Math.sin(step * (t + 1) + phase),
        next = c + rng.normal(0, noise);
      X.data[t * m + j] = prev;
      Y.data[t * m + j] = next;
      clean.data[t * m + j] = c;
      prev = next;
    }
  });
  return { X, Y, clean };
}
