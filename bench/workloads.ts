// The benchmark's workloads: layer sizes, activations, loss and batch size, plus the shared
// starting weights and data that every engine receives, so all of them do the same arithmetic.
import { createRng } from "../lib/random/rng";

export type Act = "tanh" | "relu" | "sigmoid" | "softmax";
export interface Workload {
  name: string;
  sizes: number[]; // [n_x, n_1, …, n_L]
  acts: Act[]; // one per layer
  loss: "bce" | "softmax-ce";
  batch: number;
}

export const workloads: Workload[] = [
  { name: "(a) MLP 2-16-1, batch 64", sizes: [2, 16, 1], acts: ["tanh", "sigmoid"], loss: "bce", batch: 64 },
  { name: "(a) MLP 2-16-1, batch 256", sizes: [2, 16, 1], acts: ["tanh", "sigmoid"], loss: "bce", batch: 256 },
  { name: "(b) MLP 784-128-10, batch 32", sizes: [784, 128, 10], acts: ["relu", "softmax"], loss: "softmax-ce", batch: 32 },
];

export interface Problem {
  /** W[l] is [n_{l+1}, n_l] row-major; b[l] is [n_{l+1}]. */
  W: Float64Array[];
  b: Float64Array[];
  /** X is [n_x, m] row-major (examples are columns). */
  X: Float64Array;
  /** Y is [n_L, m]: a 0/1 label for BCE, one-hot for softmax cross-entropy. */
  Y: Float64Array;
}

/** Xavier-uniform weights, zero biases, standard-normal inputs and random labels, from one seed. */
export function makeProblem(w: Workload, seed = 1): Problem {
  const rng = createRng(seed);
  const W: Float64Array[] = [],
    b: Float64Array[] = [];
  for (let l = 0; l + 1 < w.sizes.length; l++) {
    const nIn = w.sizes[l],
      nOut = w.sizes[l + 1],
      a = Math.sqrt(6 / (nIn + nOut));
    W.push(Float64Array.from({ length: nOut * nIn }, () => rng.uniform(-a, a)));
    b.push(new Float64Array(nOut));
  }
  const m = w.batch,
    nx = w.sizes[0],
    nL = w.sizes[w.sizes.length - 1];
  const X = Float64Array.from({ length: nx * m }, () => rng.normal());
  const Y = new Float64Array(nL * m);
  for (let i = 0; i < m; i++) {
    if (w.loss === "bce") Y[i] = rng.bernoulli(0.5);
    else Y[rng.int(nL) * m + i] = 1;
  }
  return { W, b, X, Y };
}

export const ADAM = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** One training step of an engine; returns the loss before the update. */
export type Step = () => number;
