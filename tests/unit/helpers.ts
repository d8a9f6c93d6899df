// Shared helpers for the engine's unit tests: seeded random tensors.
import { createRng, type Rng } from "../../lib/random/rng";
import { Tensor } from "../../lib/tensor/tensor";

/** A [rows, cols] tensor of N(0, std²) draws from a seeded generator. */
export function randomTensor(rng: Rng, rows: number, cols: number, std = 1): Tensor {
  const t = new Tensor([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, std);
  return t;
}

/** Binary 0/1 targets [rows, cols]. */
export function randomLabels(rng: Rng, rows: number, cols: number): Tensor {
  const t = new Tensor([rows, cols]);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.bernoulli(0.5);
  return t;
}

export const seeded = (seed: number) => createRng(seed);
