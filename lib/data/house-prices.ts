import { Tensor } from "../tensor/tensor";
import { drawExamples, type SampleOptions } from "./dataset";
import { standardize } from "./standardize";

/** The house-price features, in the row order of `houseData().X`. */
export const houseFeatures = ["bedrooms", "age", "distance", "pool"] as const;
/** One of the house-price feature names. */
export type HouseFeature = (typeof houseFeatures)[number];

/** Options of `houseData`: m houses (default 100), price noise (default 15, thousand $), and the feature rows to keep. */
export interface HouseOptions extends SampleOptions {
  /** The rows of X, in order; default all four `houseFeatures`. */
  features?: HouseFeature[];
}

/** What `houseData` returns: raw and standardised features, prices, and the above-median labels. */
export interface HouseData {
  /** Names of the rows of X, in order. */
  features: HouseFeature[];
  /** Raw features, shape [n, m] (examples are columns). */
  X: Tensor;
  /** Standardised features (see `standardize`), shape [n, m]; what a network should be fed. */
  Xs: Tensor;
  /** Per-feature mean and std used for Xs. */
  mean: Float64Array;
  std: Float64Array;
  /** Price in thousands of dollars, shape [1, m] (regression preset). */
  Y: Tensor;
  /** 1 if the price is above the median price of this sample, else 0, shape [1, m] (classification preset). */
  labels: Tensor;
  median: number;
}

/**
 * The course's running example: m made-up houses with four features and a price, generated from a seed.
 *
 *   bedrooms b ∈ {1,…,5} uniform;  age a ∈ {0,…,60} years uniform;  distance to the ocean
 *   d = 0.2 + 39.8·u² km (u uniform, so most houses are near the coast), rounded to 0.1 km;  pool p ~ Bernoulli(0.25)
 *   price = 150 + 50·b − 1.5·a + 150·e^(−d/8) + 30·p + ε   (thousand $),   ε ~ N(0, noise²), noise = 15 by default
 *
 * Without noise prices lie between about 111 and 580; a floor at 20 keeps them positive even for
 * a large `noise`. Houses are drawn one after another from the seed (all four features always), so a
 * larger m extends a smaller one and a `features` subset shows the same houses.
 * `features` picks rows (e.g. three for the chapter's 3-4-1 network).
 *
 * @example
 *   const { Xs, Y, labels } = houseData({ m: 200, seed: 7 });   // Xs: [4, 200], Y: [1, 200]
 *   houseData({ features: ["bedrooms", "age", "distance"] }).X.shape;   // [3, 100]
 */
export function houseData({ m = 100, seed = 1, noise = 15, features = [...houseFeatures] }: HouseOptions = {}): HouseData {
  const X = new Tensor([features.length, m]),
    Y = new Tensor([1, m]);
  drawExamples(m, seed, (i, rng) => {
    const u = rng.next();
    const house: Record<HouseFeature, number> = {
      bedrooms: 1 + rng.int(5),
      age: rng.int(61),
      distance: Math.round((0.2 + 39.8 * u * u) * 10) / 10,
      pool: rng.bernoulli(0.25),
    };
    const price = 150 + 50 * house.bedrooms - 1.5 * house.age + 150 * Math.exp(-house.distance / 8) + 30 * house.pool;
    Y.data[i] = Math.max(20, price + rng.normal(0, noise));
    features.forEach((f, j) => X.set(j, i, house[f]));
  });
  const sorted = Float64Array.from(Y.data).sort();
  const median = m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  const labels = new Tensor(
    [1, m],
    Y.data.map((y) => (y > median ? 1 : 0)),
  );
  const { Z: Xs, mean, std } = standardize(X);
  return { features: [...features], X, Xs, mean, std, Y, labels, median };
}
