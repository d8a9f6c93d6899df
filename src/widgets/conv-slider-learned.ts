// The "learned" kernel of the sliding-kernel widget: not written by hand but found by gradient descent in the page.
// A one-filter network, Conv2d(1→1, 3×3) → ReLU → global average pool → Dense(1→1), learns to tell pictures with
// one vertical stroke from pictures with one horizontal stroke (seeded, 32 of them), with the engine's layers,
// binary cross-entropy on the logit and Adam. It trains once per page, a few updates per frame
// (60 updates; a few hundred milliseconds in all on a slow machine, most of it the first, cold, calls).
import { ActivationLayer, Adam, AvgPool2d, bceWithLogitsInto, Conv2d, createRng, Dense, paramArrays, Sequential, Tensor } from "../../lib";

const SIDE = 14,
  MAP = SIDE - 2,
  IMAGES = 32,
  STEPS = 60;

/** The training pictures: image n (a column of X) has a vertical stroke when n is even, a horizontal one otherwise. */
export function strokePictures(seed = 9): { X: Tensor; Y: Tensor } {
  const rng = createRng(seed);
  const X = new Tensor([SIDE * SIDE, IMAGES]),
    Y = new Tensor([1, IMAGES]);
  for (let n = 0; n < IMAGES; n++) {
    const vertical = n % 2 === 0,
      across = 2 + rng.int(SIDE - 5),
      start = rng.int(4),
      length = 6 + rng.int(SIDE - 6 - start),
      width = 1 + rng.int(2);
    for (let a = start; a < start + length; a++)
      for (let b = across; b < across + width; b++) {
        const [r, c] = vertical ? [a, b] : [b, a];
        X.data[(r * SIDE + c) * IMAGES + n] = 1;
      }
    Y.data[n] = vertical ? 1 : 0;
  }
  return { X, Y };
}

/** What the little network learned: the kernel (nine weights, row by row), its bias, and its training accuracy and loss. */
export interface LearnedKernel {
  weights: number[];
  bias: number;
  accuracy: number;
  loss: number;
}

/**
 * The training of the learned kernel, run a few updates at a time (`run`) so the page stays responsive while it
 * learns; `result` is set once all updates are done. Same seed, same kernel.
 */
export class KernelLearner {
  readonly steps = STEPS;
  done = 0;
  result: LearnedKernel | undefined;
  private readonly conv: Conv2d;
  private readonly model: Sequential;
  private readonly data = strokePictures();
  private readonly opt = new Adam({ lr: 0.1 });
  private readonly dZ = new Tensor([1, IMAGES]);
  private loss = Number.NaN;

  constructor() {
    const rng = createRng(3);
    this.conv = new Conv2d(1, 1, 3, { inputSize: [SIDE, SIDE], rng });
    this.model = new Sequential([
      this.conv,
      new ActivationLayer("relu"),
      new AvgPool2d(MAP, { inputShape: [1, MAP, MAP] }),
      new Dense(1, 1, { rng }),
    ]);
  }

  /** Runs up to `updates` more training updates; true once training is complete. */
  run(updates: number): boolean {
    const params = paramArrays(this.model);
    for (let k = 0; k < updates && this.done < STEPS; k++, this.done++) {
      this.loss = bceWithLogitsInto(this.dZ, this.model.forward(this.data.X), this.data.Y);
      this.model.backward(this.dZ);
      this.opt.step(params.values, params.grads);
    }
    if (this.done === STEPS && !this.result) {
      const Z = this.model.forward(this.data.X);
      let right = 0;
      for (let n = 0; n < IMAGES; n++) right += Number(Z.data[n] > 0 === this.data.Y.data[n] > 0.5);
      this.result = { weights: Array.from(this.conv.W.data), bias: this.conv.b?.data[0] ?? 0, accuracy: right / IMAGES, loss: this.loss };
    }
    return this.result !== undefined;
  }
}

/** The page's one learner: every sliding-kernel widget shares its kernel. */
export const kernelLearner = new KernelLearner();
