import { drawExamples, pointSet, type Dataset, type PointOptions } from "./dataset";

/**
 * Gaussian blobs: one round cloud of points per class around its centre.
 *
 *   class k = i mod K,   point = centre_k + N(0, std²) per coordinate
 *
 * Default centres: K points evenly spaced on the circle of radius 2 (K = `classes`, 3 by default).
 * Like scikit-learn's make_blobs with fixed centres.
 *
 * @example
 *   const { X, Y } = blobs({ m: 150, centers: [[-1, 0], [1, 0]], std: 0.3 });
 *   Y.get(0, 1);   // 1
 */
export function blobs({
  m = 150,
  std = 0.5,
  seed = 1,
  classes = 3,
  centers,
}: Omit<PointOptions, "noise"> & {
  std?: number;
  classes?: number;
  centers?: readonly (readonly [number, number])[];
} = {}): Dataset {
  const c =
    centers ??
    Array.from(
      { length: classes },
      (_, k) => [2 * Math.cos((2 * Math.PI * k) / classes), 2 * Math.sin((2 * Math.PI * k) / classes)] as const,
    );
  const d = pointSet(m);
  drawExamples(m, seed, (i, rng) => {
    const label = i % c.length;
    d.put(i, c[label][0] + rng.normal(0, std), c[label][1] + rng.normal(0, std), label);
  });
  return d;
}
