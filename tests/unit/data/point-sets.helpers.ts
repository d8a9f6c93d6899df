import type { Dataset } from "../../../lib/data/dataset";

/** Column i of a [2, m] point set as [x, y, label]. */
export const point = (d: Dataset, i: number) => [d.X.get(0, i), d.X.get(1, i), d.Y.get(0, i)] as const;

/** How many examples carry each label 0…K−1. */
export const classCounts = (d: Dataset, K: number) => {
  const counts = new Array(K).fill(0);
  d.Y.data.forEach((label) => counts[label]++);
  return counts;
};

/** Same seed, same numbers; another seed, other numbers. */
export const sameForSeed = (make: (seed: number) => Dataset) => {
  const a = make(42),
    b = make(42),
    c = make(43);
  return Array.from(a.X.data).join() === Array.from(b.X.data).join() && Array.from(a.X.data).join() !== Array.from(c.X.data).join();
};
