import { createRng, type Rng } from "../random/rng";
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

/** Options every seeded generator takes (each adds its own); each generator's doc says its defaults and where the noise goes. */
export interface SampleOptions {
  /** Number of examples (columns, or sequences). */
  m?: number;
  /** Standard deviation of the Gaussian noise the generator adds (for the point clouds, to each coordinate). */
  noise?: number;
  /** Seed of the generator's `createRng`: the same seed gives the same sample. */
  seed?: number;
}

/** The options of the 2-D point clouds (moons, circles, spiral, xor, blobs): `SampleOptions` under the name they export. */
export type PointOptions = SampleOptions;

/**
 * The loop of every seeded generator: one generator from `seed`, then `draw(i, rng)` for the examples in order, each
 * drawing all it needs before the next starts. So a larger m extends a smaller one (same seed, same first examples),
 * which the widgets rely on when a slider adds points.
 *
 *   rng = createRng(seed);  draw(0, rng), draw(1, rng), …, draw(m − 1, rng)
 *
 * @example
 *   const X = new Tensor([1, 5]);
 *   drawExamples(5, 7, (i, rng) => { X.data[i] = rng.normal(); });
 */
export function drawExamples(m: number, seed: number, draw: (i: number, rng: Rng) => void): void {
  const rng = createRng(seed);
  for (let i = 0; i < m; i++) draw(i, rng);
}
