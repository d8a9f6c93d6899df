import { drawExamples, pointSet, type Dataset, type PointOptions } from "./dataset";

/**
 * K arms spiralling out of the origin, one class per arm: hard for shallow or linear models.
 *
 *   class k = i mod K,   r ~ U(0, 1),   angle = 2πk/K + turns·2π·r + N(0, noise²),   point = (r cos angle, r sin angle)
 *
 * The noise is on the angle, so points stay on their radius.
 *
 * @example
 *   const { X, Y } = spiral({ m: 300, classes: 3 });
 *   Y.get(0, 2);   // 2
 */
export function spiral({
  m = 300,
  noise = 0.2,
  seed = 1,
  classes = 3,
  turns = 0.75,
}: PointOptions & { classes?: number; turns?: number } = {}): Dataset {
  const d = pointSet(m);
  drawExamples(m, seed, (i, rng) => {
    const label = i % classes,
      r = rng.next();
    const angle = (2 * Math.PI * label) / classes + turns * 2 * Math.PI * r + rng.normal(0, noise);
    d.put(i, r * Math.cos(angle), r * Math.sin(angle), label);
  });
  return d;
}
