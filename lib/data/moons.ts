import { drawExamples, pointSet, type Dataset, type PointOptions } from "./dataset";

/**
 * Two interleaved half-circles ("two moons"), a classic set no straight line separates.
 *
 *   class 0: (cos s, sin s),   class 1: (1 − cos s, ½ − sin s),   s ~ U(0, π),   + N(0, noise²) per coordinate
 *
 * Classes alternate (example i has class i mod 2). The same curves as scikit-learn's make_moons,
 * but with random rather than evenly spaced s.
 *
 * @example
 *   const { X, Y } = moons({ m: 200, noise: 0.1, seed: 3 });
 *   X.shape;   // [2, 200]
 */
export function moons({ m = 200, noise = 0.1, seed = 1 }: PointOptions = {}): Dataset {
  const d = pointSet(m);
  drawExamples(m, seed, (i, rng) => {
    const label = i % 2,
      s = rng.uniform(0, Math.PI);
    const x = label ? 1 - Math.cos(s) : Math.cos(s);
    const y = label ? 0.5 - Math.sin(s) : Math.sin(s);
    d.put(i, x + rng.normal(0, noise), y + rng.normal(0, noise), label);
  });
  return d;
}
