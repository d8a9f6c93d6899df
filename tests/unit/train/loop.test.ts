import { describe, expect, it } from "vitest";
import { mlp } from "../../../lib/layers/mlp";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { Trainer, train, type StepOptimizer } from "../../../lib/train/loop";

/** Plain gradient descent, written here so these tests do not depend on lib/optim. */
class Plain implements StepOptimizer {
  constructor(public lr: number) {}
  step(params: Float64Array[], grads: Float64Array[]) {
    for (let k = 0; k < params.length; k++) for (let i = 0; i < params[k].length; i++) params[k][i] -= this.lr * grads[k][i];
  }
}

// XOR-like blobs: class 1 when x·y > 0.
function quadrants(m: number, seed: number) {
  const rng = createRng(seed), X = new Tensor([2, m]), Y = new Tensor([1, m]);
  for (let j = 0; j < m; j++) {
    const x = rng.uniform(-1, 1), y = rng.uniform(-1, 1);
    X.data[j] = x;
    X.data[m + j] = y;
    Y.data[j] = x * y > 0 ? 1 : 0;
  }
  return { X, Y };
}

describe("Trainer", () => {
  const { X, Y } = quadrants(128, 1);

  it("Trainer.run lowers the loss and reports loss, accuracy and gradient norm per step", () => {
    const trainer = new Trainer({ model: mlp([2, 16, 1], { hidden: "tanh", seed: 3 }), loss: losses.bceWithLogits, optimizer: new Plain(0.5), X, Y, batchSize: 32 });
    const first = trainer.run(1), last = trainer.run(1499);
    expect(last.status).toBe("ok");
    expect(last.step).toBe(1500);
    expect(last.loss).toBeLessThan(first.loss / 2);
    expect(last.accuracy).toBeGreaterThan(0.9);
    expect(last.epoch).toBe(375); // 128/32 = 4 steps per epoch
    const h = trainer.history();
    expect(h.loss.length).toBe(1500);
    expect(h.gradNorm.every((g) => g > 0 && Number.isFinite(g))).toBe(true);
  });

  it("Trainer.run in slices gives the same numbers as one run", () => {
    const make = () => new Trainer({ model: mlp([2, 8, 1], { hidden: "tanh", seed: 4 }), loss: losses.bceWithLogits, optimizer: new Plain(0.3), X, Y, batchSize: 16, seed: 9 });
    const whole = make(), sliced = make();
    whole.run(60);
    sliced.run(25);
    sliced.run(10);
    sliced.run(25);
    expect(Array.from(sliced.history().loss)).toEqual(Array.from(whole.history().loss));
  });

  it("Trainer.run stops with status 'diverged' and the step when the loss overflows", () => {
    const Yp = Tensor.from([Array.from({ length: 128 }, (_, j) => 1000 * X.data[j])]);
    const { report } = train({ model: mlp([2, 8, 1], { hidden: "relu", seed: 5 }), loss: losses.mse, optimizer: new Plain(10), X, Y: Yp }, 500);
    expect(report.status).toBe("diverged");
    expect(report.divergedAt).toBeGreaterThan(1);
    expect(report.step).toBe(report.divergedAt);
    expect(report.step).toBeLessThan(500);
    expect(Number.isFinite(report.loss) && Number.isFinite(report.gradNorm)).toBe(false);
  });

  it("Trainer.run with divergeAbove stops at the first loss above it, logged and not applied", () => {
    const Yp = Tensor.from([Array.from({ length: 128 }, (_, j) => 1000 * X.data[j])]);
    const options = { loss: losses.mse, optimizer: new Plain(10), X, Y: Yp };
    const free = new Trainer({ model: mlp([2, 8, 1], { hidden: "relu", seed: 5 }), ...options });
    free.run(500);
    const ceiling = 1e8, loss = free.history().loss;
    const first = loss.findIndex((J) => !(J <= ceiling)); // the first step above it (or not finite)
    const capped = new Trainer({ model: mlp([2, 8, 1], { hidden: "relu", seed: 5 }), ...options, optimizer: new Plain(10), divergeAbove: ceiling });
    const report = capped.run(500);
    expect(first).toBeGreaterThan(0);
    expect(report.status).toBe("diverged");
    expect(report.divergedAt).toBe(first + 1);
    expect(report.loss).toBe(loss[first]);
    expect(Array.from(capped.history().loss)).toEqual(Array.from(loss.subarray(0, first + 1)));
  });

  it("Trainer.run does nothing more once diverged", () => {
    const trainer = new Trainer({ model: mlp([2, 4, 1], { seed: 6 }), loss: losses.mse, optimizer: new Plain(NaN), X, Y });
    const a = trainer.run(10);
    expect(a.status).toBe("diverged");
    expect(a.divergedAt).toBe(2); // step 1 was finite, its update made every weight NaN
    expect(trainer.run(10).step).toBe(2);
  });

  it("Trainer reports accuracy as NaN for a regression loss", () => {
    const { report } = train({ model: mlp([2, 4, 1], { seed: 7 }), loss: losses.halfMse, optimizer: new Plain(0.1), X, Y }, 3);
    expect(report.accuracy).toBeNaN();
    expect(report.loss).toBeGreaterThan(0);
  });

  it("Trainer trains a softmax classifier with class-index targets", () => {
    const labels = Tensor.from([Array.from({ length: 128 }, (_, j) => (X.data[j] > 0 ? 1 : 0) + (X.data[128 + j] > 0 ? 2 : 0))]);
    const { report } = train({ model: mlp([2, 16, 4], { hidden: "relu", seed: 8 }), loss: losses.softmaxCe, optimizer: new Plain(0.5), X, Y: labels }, 400);
    expect(report.accuracy).toBeGreaterThan(0.9);
  });
});
