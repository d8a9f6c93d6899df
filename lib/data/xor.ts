import type { Rng } from "../random/rng";
import { drawExamples, pointSet, type Dataset, type PointOptions } from "./dataset";

/**
 * The XOR pattern: points in the square [−1, 1]², class 1 where x and y have opposite signs.
 * No single neuron separates it; one hidden layer does.
 *
 *   (x, y) ~ U(−1, 1)² kept only if |x|, |y| ≥ margin,   class = 1 if x·y < 0 else 0,   then + N(0, noise²)
 *
 * The class comes from the clean point, so noise can push a point across an axis.
 *
 * @example
 *   const { X, Y } = xor({ m: 200, margin: 0.1 });
 *   Y.get(0, 0) === (X.get(0, 0) * X.get(1, 0) < 0 ? 1 : 0);   // true when noise = 0
 */
export function xor({ m = 200, noise = 0, seed = 1, margin = 0 }: PointOptions & { margin?: number } = {}): Dataset {
  if (!(margin < 1)) throw new RangeError(`xor: margin ${margin} leaves no room in [−1, 1]`);
  const d = pointSet(m);
  // Drawing |x| from [margin, 1] and a sign separately avoids rejection sampling.
  const coordinate = (rng: Rng) => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(margin, 1);
  drawExamples(m, seed, (i, rng) => {
    const x = coordinate(rng),
      y = coordinate(rng);
    d.put(i, x + rng.normal(0, noise), y + rng.normal(0, noise), x * y < 0 ? 1 : 0);
  });
  return d;
}
