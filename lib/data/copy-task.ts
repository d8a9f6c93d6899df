import { Tensor } from "../tensor/tensor";
import { drawExamples, type SampleOptions } from "./dataset";

/** Options of `copyTask`: m sequences (default 64; no noise), and these. */
export interface CopyTaskOptions extends Omit<SampleOptions, "noise"> {
  /** Steps between the symbol and the recall cue; default 5. */
  delay?: number;
  /** Number of distinct symbols K (the classes); default 4. */
  symbols?: number;
}

/** A copy/recall sample: inputs X [T, K+2, m] (one-hot), targets Y [1, m] (class indices) and Yonehot [K, m]. */
export interface CopyTaskData {
  X: Tensor;
  Y: Tensor;
  Yonehot: Tensor;
  /** T = delay + 2 steps. */
  T: number;
  symbols: number;
}

/**
 * The memory test of chapter 8: see a symbol, wait `delay` blank steps, then on the recall cue name the symbol.
 * Input channels 0…K−1 are the symbols, channel K is "blank", channel K+1 is the cue; T = delay + 2.
 *
 *   x_1 = e_s (s ~ U{0…K−1}),   x_2 … x_{T−1} = e_K,   x_T = e_{K+1};   target at step T: s
 *
 * A model that forgets scores chance, 1/K. The loss sits on the last step only (e.g. softmax cross-entropy of a
 * read-out of h_T against Y).
 * @example
 *   const { X, Y, T } = copyTask({ m: 32, delay: 10, seed: 3 });   // X [12, 6, 32], Y [1, 32]
 *   lstm.forward(X);
 */
export function copyTask({ m = 64, delay = 5, symbols = 4, seed = 1 }: CopyTaskOptions = {}): CopyTaskData {
  if (!(Number.isInteger(m) && m >= 1)) throw new RangeError(`copyTask: m must be a positive integer, got ${m}`);
  if (!(Number.isInteger(delay) && delay >= 0)) throw new RangeError(`copyTask: delay must be a non-negative integer, got ${delay}`);
  if (!(Number.isInteger(symbols) && symbols >= 2)) throw new RangeError(`copyTask: symbols must be an integer ≥ 2, got ${symbols}`);
  const K = symbols,
    n = K + 2,
    T = delay + 2;
  const X = new Tensor([T, n, m]),
    Y = new Tensor([1, m]),
    Yonehot = new Tensor([K, m]);
  drawExamples(m, seed, (j, rng) => {
    const s = rng.int(K);
    Y.data[j] = s;
    Yonehot.data[s * m + j] = 1;
    X.data[s * m + j] = 1; // step 1: the symbol
    for (let t = 1; t < T - 1; t++) X.data[(t * n + K) * m + j] = 1; // the gap: blanks
    X.data[((T - 1) * n + K + 1) * m + j] = 1; // the cue
  });
  return { X, Y, Yonehot, T, symbols: K };
}
