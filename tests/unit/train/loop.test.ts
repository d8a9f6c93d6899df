import { describe, expect, it } from "vitest";
import { mlp } from "../../../lib/layers/mlp";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { Trainer, train, type StepOptimizer } from "../../../lib/train/loop";
import { Sequential } from "../../../lib/layers/sequential";
import { RNN } from "../../../lib/rnn/rnn";
import { SequenceDense } from "../../../lib/rnn/sequence-dense";
import { sequenceLoss, sequenceLossInto } from "../../../lib/rnn/sequence-loss";
import { sineSequence } from "../../../lib/data/sine-sequence";
import { Dropout } from "../../../lib/layers/dropout";

/** Plain gradient descent, written here so these tests do not depend on lib/optim. */
class Plain implements StepOptimizer {
  constructor(public lr: number) {}
  step(params: Float64Array[], grads: Float64Array[]) {
    for (let k = 0; k < params.length; k++) for (let i = 0; i < params[k].length; i++) params[k][i] -= this.lr * grads[k][i];
  }
}

// XOR-like blobs: class 1 when x·y > 0.
function quadrants(m: number, seed: number) {
  const rng = createRng(seed),
    X = new Tensor([2, m]),
    Y = new Tensor([1, m]);
  for (let j = 0; j < m; j++) {
    const x = rng.uniform(-1, 1),
      y = rng.uniform(-1, 1);
    X.data[j] = x;
    X.data[m + j] = y;
    Y.data[j] = x * y > 0 ? 1 : 0;
  }
  return { X, Y };
}

describe("Trainer", () => {
  const { X, Y } = quadrants(128, 1);

  it("Trainer.run lowers the loss and reports loss, accuracy and gradient norm per step", () => {
    const trainer = new Trainer({
      model: mlp([2, 16, 1], { hidden: "tanh", seed: 3 }),
      loss: losses.bceWithLogits,
      optimizer: new Plain(0.5),
      X,
      Y,
      batchSize: 32,
    });
    const first = trainer.run(1),
      last = trainer.run(1499);
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
    const make = () =>
      new Trainer({
        model: mlp([2, 8, 1], { hidden: "tanh", seed: 4 }),
        loss: losses.bceWithLogits,
        optimizer: new Plain(0.3),
        X,
        Y,
        batchSize: 16,
        seed: 9,
      });
    const whole = make(),
      sliced = make();
    whole.run(60);
    sliced.run(25);
    sliced.run(10);
    sliced.run(25);
    expect(Array.from(sliced.history().loss)).toEqual(Array.from(whole.history().loss));
  });

  it("Trainer.run stops with status 'diverged' and the step when the loss overflows", () => {
    const Yp = Tensor.from([Array.from({ length: 128 }, (_, j) => 1000 * X.data[j])]);
    const { report } = train(
      { model: mlp([2, 8, 1], { hidden: "relu", seed: 5 }), loss: losses.mse, optimizer: new Plain(10), X, Y: Yp },
      500,
    );
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
    const ceiling = 1e8,
      loss = free.history().loss;
    const first = loss.findIndex((J) => !(J <= ceiling)); // the first step above it (or not finite)
    const capped = new Trainer({
      model: mlp([2, 8, 1], { hidden: "relu", seed: 5 }),
      ...options,
      optimizer: new Plain(10),
      divergeAbove: ceiling,
    });
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
    const { report } = train(
      { model: mlp([2, 16, 4], { hidden: "relu", seed: 8 }), loss: losses.softmaxCe, optimizer: new Plain(0.5), X, Y: labels },
      400,
    );
    expect(report.accuracy).toBeGreaterThan(0.9);
  });
});

describe("Trainer.evaluate and sequences", () => {
  it("Trainer.evaluate is the loss on other data with the current weights, changes nothing, and runs in evaluation mode", () => {
    const { X, Y } = quadrants(64, 1),
      held = quadrants(40, 2);
    const model = new Sequential([mlp([2, 8, 1], { hidden: "tanh", seed: 3 }), new Dropout(0.5, { rng: createRng(1) })]);
    const trainer = new Trainer({ model, loss: losses.bceWithLogits, optimizer: new Plain(0.5), X, Y, batchSize: 16 });
    trainer.run(50);
    const before = model.params().map((p) => Array.from(p.value));
    const J = trainer.evaluate(held.X, held.Y);
    model.eval();
    expect(J).toBeCloseTo(losses.bceWithLogits.compute(model.forward(held.X), held.Y).loss, 12);
    model.train();
    expect(model.training).toBe(true);
    expect(model.params().map((p) => Array.from(p.value))).toEqual(before);
    expect(trainer.step).toBe(50);
  });

  it("Trainer trains a recurrent network on sequences [T, 1, m] with sequenceLoss, in mini-batches of whole sequences", () => {
    const data = sineSequence({ m: 32, T: 12, noise: 0.05, seed: 1 }),
      held = sineSequence({ m: 8, T: 12, noise: 0.05, seed: 2 });
    const rng = createRng(4),
      rnn = new RNN(1, 6, { rng }),
      readout = new SequenceDense(6, 1, { rng });
    const loss = sequenceLoss(losses.halfMse);
    const trainer = new Trainer({ model: new Sequential([rnn, readout]), loss, optimizer: new Plain(0.05), ...data, batchSize: 8 });
    const start = trainer.evaluate(held.X, held.Y);
    const first = trainer.run(1);
    expect(first.epoch).toBe(0);
    trainer.run(3);
    expect(trainer.report().epoch).toBe(1); // 32 sequences in batches of 8
    trainer.run(396);
    expect(trainer.status).toBe("ok");
    expect(trainer.evaluate(held.X, held.Y)).toBeLessThan(start / 4);
    const Yhat = readout.forward(rnn.forward(held.X));
    expect(trainer.evaluate(held.X, held.Y)).toBeCloseTo(sequenceLossInto(losses.halfMse, new Tensor(Yhat.shape), Yhat, held.Y), 12);
  });

  it("sequenceLoss.compute gives ∂J/∂ŷ = dA/m, and reduction 'sum' adds over examples", () => {
    const Yhat = new Tensor([2, 1, 2], Float64Array.of(1, 2, 3, 4)),
      Y = new Tensor([2, 1, 2], Float64Array.of(0, 0, 0, 0));
    const loss = sequenceLoss(losses.halfMse),
      mean = loss.compute(Yhat, Y),
      sum = loss.compute(Yhat, Y, "sum");
    // Σ_t (1/2)·Σ_j ½ŷ²: step 1 (1 + 4)/4, step 2 (9 + 16)/4
    expect(mean.loss).toBeCloseTo(30 / 4, 12);
    expect(sum.loss).toBeCloseTo(30 / 2, 12);
    expect(Array.from(mean.grad.data)).toEqual([0.5, 1, 1.5, 2]);
    expect(Array.from(sum.grad.data)).toEqual([1, 2, 3, 4]);
  });
});
