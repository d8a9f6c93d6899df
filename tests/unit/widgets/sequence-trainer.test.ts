import { describe, expect, it } from "vitest";
import { GRU, LSTM, RNN, createRng, paramCount, sineSequence, type Tensor } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  sequenceTrainerSchema, SequenceTrainer, buildLayer, BATCH, CURVE_MAX, SAMPLE_LENGTH, HELD_OUT, NOISE, TRAIN_SEQUENCES, WINDOW, type SequenceTrainerState,
} from "../../../src/widgets/sequence-trainer-model";

const base = (over: Partial<SequenceTrainerState> = {}): SequenceTrainerState => ({ ...defaults(sequenceTrainerSchema), ...over });

describe("sequence trainer model", () => {
  it("buildLayer makes the engine's RNN, LSTM or GRU with one input", () => {
    expect(buildLayer("rnn", 5, createRng(1))).toBeInstanceOf(RNN);
    expect(buildLayer("lstm", 5, createRng(1))).toBeInstanceOf(LSTM);
    expect(buildLayer("gru", 5, createRng(1))).toBeInstanceOf(GRU);
  });

  it("SequenceTrainer trains on the engine's sineSequence and holds out a different wave", () => {
    const tr = new SequenceTrainer(base());
    expect(Array.from(tr.train.X.data)).toEqual(Array.from(sineSequence({ m: TRAIN_SEQUENCES, T: WINDOW, noise: NOISE, seed: 1 }).X.data));
    expect(tr.heldOut.X.shape).toEqual([HELD_OUT, 1, 1]);
  });

  it("SequenceTrainer.paramCount is the layer's plus the read-out's (LSTM, 12 units: 4·(12 + 144 + 24) + 13)", () => {
    const tr = new SequenceTrainer(base({ model: "lstm", hidden: 12 }));
    expect(tr.paramCount).toBe(4 * (12 + 144 + 24) + 13);
    expect(tr.paramCount).toBe(paramCount(tr.layer) + paramCount(tr.readout));
  });

  it("SequenceTrainer.update returns the mean per-step loss ½(ŷ − y)² of its batch, with the weights before the step", () => {
    const tr = new SequenceTrainer(base({ model: "rnn" })), twin = new SequenceTrainer(base({ model: "rnn" }));
    const J = tr.update();
    const { X, Y } = tr as unknown as { X: Tensor; Y: Tensor };
    const Yhat = twin.readout.forward(twin.layer.forward(X));
    let sum = 0;
    for (let i = 0; i < Yhat.size; i++) sum += 0.5 * (Yhat.data[i] - Y.data[i]) ** 2;
    expect(J).toBeCloseTo(sum / BATCH / WINDOW, 12);
  });

  it("SequenceTrainer.run lowers the held-out loss for every network (300 Adam updates)", () => {
    for (const model of ["rnn", "lstm", "gru"]) {
      const tr = new SequenceTrainer(base({ model }));
      const start = tr.predictions().loss;
      tr.run(300);
      expect(tr.status).toBe("ok");
      expect(tr.predictions().loss).toBeLessThan(start / 10);
      expect(tr.predictions().loss).toBeGreaterThan(0.5 * NOISE ** 2 * 0.5); // cannot beat the noise by much
    }
  });

  it("SequenceTrainer.run with SGD at rate 0.5 and no clipping diverges and stops, with clipping it does not", () => {
    const wild = new SequenceTrainer(base({ model: "rnn", optimizer: "sgd", lr: 0.5, clip: false }));
    const done = wild.run(200);
    expect(wild.status).toBe("diverged");
    expect(done).toBe(wild.divergedAt);
    expect(done).toBeLessThan(200);
    const tame = new SequenceTrainer(base({ model: "rnn", optimizer: "sgd", lr: 0.5, clip: true }));
    tame.run(200);
    expect(tame.status).toBe("ok");
  });

  it("SequenceTrainer.run with SGD at the chapter's rate 0.1 diverges within a few updates without clipping, for each network", () => {
    for (const model of ["rnn", "lstm", "gru"]) {
      const off = new SequenceTrainer(base({ model, optimizer: "sgd", lr: 0.1, clip: false }));
      off.run(50);
      expect(off.status).toBe("diverged");
      expect(off.divergedAt).toBeLessThan(10);
      const on = new SequenceTrainer(base({ model, optimizer: "sgd", lr: 0.1, clip: true }));
      on.run(50);
      expect(on.status).toBe("ok");
    }
  });

  it("SequenceTrainer on the character task starts near ln 26 nats per character and learns the text", () => {
    const tr = new SequenceTrainer(base({ task: "chars", model: "gru", hidden: 32, lr: 0.02 }));
    expect(tr.layer.inputSize).toBe(26);
    expect(tr.readout.nOut).toBe(26);
    expect(Math.abs(tr.curve.loss[0] - Math.log(26))).toBeLessThan(0.1);
    tr.run(150);
    expect(tr.status).toBe("ok");
    expect(tr.evaluate()).toBeLessThan(2.2);
  });

  it("SequenceTrainer.sample writes 80 characters of the vocabulary, the same ones for the same weights", () => {
    const tr = new SequenceTrainer(base({ task: "chars" }));
    const text = tr.sample();
    expect(text).toHaveLength(SAMPLE_LENGTH);
    expect([...text].every((ch) => tr.chars.vocab.includes(ch))).toBe(true);
    expect(tr.sample()).toBe(text);
    expect(new SequenceTrainer(base()).sample()).toBe(""); // the sine task writes no text
  });

  it("SequenceTrainer with the same settings and seed makes the same run", () => {
    const a = new SequenceTrainer(base()), b = new SequenceTrainer(base());
    a.run(20);
    b.run(20);
    expect(a.lastLoss).toBe(b.lastLoss);
  });

  it("SequenceTrainer.apply restarts on a new network and keeps training on a new learning rate", () => {
    const tr = new SequenceTrainer(base());
    tr.run(10);
    expect(tr.apply(base({ lr: 0.02 }))).toBe(false);
    expect(tr.step).toBe(10);
    expect(tr.apply(base({ lr: 0.02, model: "gru" }))).toBe(true);
    expect(tr.step).toBe(0);
    tr.run(3);
    expect(tr.apply(base({ lr: 0.02, model: "gru", task: "chars" }))).toBe(true);
    expect(tr.step).toBe(0);
    expect(tr.curve.step).toEqual([0]); // only the untrained loss
  });

  it("SequenceTrainer starts its loss curve with the untrained network's loss on the whole training set", () => {
    const tr = new SequenceTrainer(base({ model: "rnn" }));
    const { X, Y } = tr.train, Yhat = tr.readout.forward(tr.layer.forward(X));
    let sum = 0;
    for (let i = 0; i < Yhat.size; i++) sum += 0.5 * (Yhat.data[i] - Y.data[i]) ** 2;
    expect(tr.curve.step).toEqual([0]);
    expect(tr.curve.loss[0]).toBeCloseTo(sum / Yhat.size, 14);
  });

  it("SequenceTrainer keeps at most CURVE_MAX loss samples, from the first update to the latest", () => {
    const tr = new SequenceTrainer(base({ model: "rnn", hidden: 2 }));
    for (let k = 0; k < CURVE_MAX + 50; k++) tr.run(1);
    expect(tr.curve.step.length).toBeLessThanOrEqual(CURVE_MAX);
    expect(tr.curve.step[0]).toBe(0);
    expect(tr.curve.step[tr.curve.step.length - 1]).toBe(CURVE_MAX + 50);
  });
});
