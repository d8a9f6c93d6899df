import { Tensor } from "../tensor/tensor";

/**
 * A labelled sample with examples as columns: X is [n, m] (features × examples), Y is [1, m]
 * (a target value, or a class index 0…K−1 for the classification sets).
 *
 * @example
 *   const { X, Y } = moons({ m: 100 });   // X.shape [2, 100], Y.shape [1, 100]
 *   X.get(0, 5); Y.get(0, 5);             // x-coordinate and class of example 5
 */
export interface Dataset {
  X: Tensor;
  Y: Tensor;
}

/**
 * An empty 2-D classification sample of m examples, filled by `put`: the shared plumbing of the
 * point-cloud generators (moons, circles, spiral, xor, blobs).
 *
 * @example
 *   const d = pointSet(2);
 *   d.put(0, 0.5, -1, 1); d.put(1, 0, 0, 0);   // example, x, y, class
 */
export function pointSet(m: number): Dataset & { put(i: number, x: number, y: number, label: number): void } {
  const X = new Tensor([2, m]),
    Y = new Tensor([1, m]);
  return {
    X,
    Y,
    put(i, x, y, label) {
      X.data[i] = x;
      X.data[m + i] = y;
      Y.data[i] = label;
    },
  };
}

/** Options shared by the seeded 2-D point-cloud generators. */
export interface PointOptions {
  /** Number of examples. */
  m?: number;
  /** Standard deviation of the Gaussian jitter added to each coordinate. */
  noise?: number;
  seed?: number;
}
