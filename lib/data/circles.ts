import { drawExamples, pointSet, type Dataset, type PointOptions } from "./dataset";

/**
 * A small circle inside a larger one: separable only by a curved boundary (or a feature like x² + y²).
 *
 *   class 0: radius 1,   class 1: radius `factor` (0.5),   angle ~ U(0, 2π),   + N(0, noise²) per coordinate
 *
 * Classes alternate (example i has class i mod 2). Like scikit-learn's make_circles, with random angles.
 *
 * @example
 *   const { X, Y } = circles({ m: 200, factor: 0.4 });
 *   Y.get(0, 1);   // 1: the inner circle
 */
export function circles({ m = 200, noise = 0.05, seed = 1, factor = 0.5 }: PointOptions & { factor?: number } = {}): Dataset {
  const d = pointSet(m);
  drawExamples(m, seed, (i, rng) => {
    const label = i % 2,
      r = label ? factor : 1,
      angle = rng.uniform(0, 2 * Math.PI);
    d.put(i, r * Math.cos(angle) + rng.normal(0, noise), r * Math.sin(angle) + rng.normal(0, noise), label);
  });
  return d;
}
