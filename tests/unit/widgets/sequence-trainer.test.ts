import { describe, expect, it } from "vitest";
import { GRU, LSTM, RNN, charCorpus, createRng, losses, paramCount, sequenceLossInto, sineSequence, Tensor } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  sequenceTrainerSchema,
  SequenceTrainer,
  buildLayer,
  logLrOf,
  CHAR_HELD_OUT,
  CURVE_MAX,
  SAMPLE_LENGTH,
  HELD_OUT,
  LOG_LR,
  NOISE,
  TRAIN_SEQUENCES,
  WINDOW,
  type SequenceTrainerState,
} from "../../../src/widgets/sequence-trainer-model";
import { rateOf } from "../../../src/widgets/rate-slider";

const base = (over: Partial<SequenceTrainerState> = {}): SequenceTrainerState => ({ ...defaults(sequenceTrainerSchema), ...over });
/** Settings with a learning rate given as the rate itself. */
const at = (lr: number, over: Partial<SequenceTrainerState> = {}) => base({ ...over, logLr: logLrOf(lr) });
/** The mean per-step loss of the trainer's current weights on (X, Y), written out with the engine's per-step loss. */
const directLoss = (tr: SequenceTrainer, X: Tensor, Y: Tensor, chars = false) => {
  const Yhat = tr.readout.forward(tr.layer.forward(X));
  return sequenceLossInto(chars ? losses.softmaxCe : losses.halfMse, new Tensor(Yhat.shape), Yhat, Y) / X.shape[0];
};

describe("sequence trainer model", () => {
  it("rateOf maps the slider's log₁₀ position to the rate used, two significant digits", () => {
    expect(rateOf(-3)).toBe(0.001);
    expect(rateOf(-2.5)).toBe(0.0032);
    expect(rateOf(-1.7)).toBe(0.02);
    expect(rateOf(-1)).toBe(0.1);
    expect(rateOf(-0.3)).toBe(0.5);
    expect(rateOf(LOG_LR.max)).toBe(2);
    // Every slider position gives a larger rate than the one before (the rounding never merges two positions).
    const rates: number[] = [];
    for (let x = LOG_LR.min; x <= LOG_LR.max + 1e-9; x += LOG_LR.step) rates.push(rateOf(Number(x.toFixed(1))));
    expect(rates).toHaveLength(34);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]);
  });

  it("logLrOf is the slider position of a rate, and rateOf(logLrOf(η)) gives η back for the chapter's rates", () => {
    expect(logLrOf(0.1)).toBe(-1);
    expect(logLrOf(0.02)).toBe(-1.7);
    expect(logLrOf(1e-6)).toBe(LOG_LR.min);
    expect(logLrOf(100)).toBe(LOG_LR.max);
    for (const lr of [0.001, 0.0032, 0.02, 0.1, 0.5, 2]) expect(rateOf(logLrOf(lr))).toBe(lr);
    expect(new SequenceTrainer(at(0.02)).lr).toBe(0.02);
    expect(sequenceTrainerSchema.logLr.default).toBe(-2.5);
  });

  it("buildLayer makes the engine's RNN, LSTM or GRU with one input", () => {
    expect(buildLayer("rnn", 5, createRng(1))).toBeInstanceOf(RNN);
    expect(buildLayer("lstm", 5, createRng(1))).toBeInstanceOf(LSTM);
    expect(buildLayer("gru", 5, createRng(1))).toBeInstanceOf(GRU);
  });

  it("SequenceTrainer trains on the engine's sineSequence and holds out a wave none of whose values it trains on", () => {
    const tr = new SequenceTrainer(base());
    expect(Array.from(tr.train.X.data)).toEqual(Array.from(sineSequence({ m: TRAIN_SEQUENCES, T: WINDOW, noise: NOISE, seed: 1 }).X.data));
    expect(tr.heldOut.X.shape).toEqual([HELD_OUT, 1, 1]);
    const seen = new Set([...tr.train.X.data, ...tr.train.Y.data]);
    expect([...tr.heldOut.X.data, ...tr.heldOut.Y.data].filter((v) => seen.has(v))).toEqual([]);
  });

  it("SequenceTrainer's text split: no held-out window shares a character position with a training window", () => {
    const { train, heldOut, cut } = new SequenceTrainer(base({ task: "chars" })).chars;
    expect(cut).toBeGreaterThanOrEqual((1 - CHAR_HELD_OUT) * charCorpus.length);
    expect(charCorpus.slice(cut - 2, cut)).toBe(". "); // the held-out part starts a sentence
    // A window at a reads characters a … a + WINDOW (its last target included).
    const trainEnd = Math.max(...train.starts) + WINDOW,
      heldStart = Math.min(...heldOut.starts);
    expect(trainEnd).toBeLessThan(cut);
    expect(heldStart).toBeGreaterThanOrEqual(cut);
    expect(Math.max(...heldOut.starts) + WINDOW).toBeLessThan(charCorpus.length);
    expect(train.X.shape[2]).toBe(train.starts.length);
    expect(heldOut.X.shape).toEqual([WINDOW, 26, heldOut.starts.length]);
    expect(heldOut.starts.length).toBeGreaterThan(20);
  });

  it("SequenceTrainer.evaluate is the per-step loss on the held-out data, for both tasks", () => {
    const sine = new SequenceTrainer(base({ model: "rnn" }));
    sine.run(20);
    expect(sine.evaluate()).toBeCloseTo(directLoss(sine, sine.heldOut.X, sine.heldOut.Y), 12);
    expect(sine.evaluate()).toBeCloseTo(sine.predictions().loss, 12);
    const text = new SequenceTrainer(base({ task: "chars", model: "gru" }));
    text.run(5);
    expect(text.evaluate()).toBeCloseTo(directLoss(text, text.chars.heldOut.X, text.chars.heldOut.Y, true), 12);
  });

  it("SequenceTrainer.paramCount is the layer's plus the read-out's (LSTM, 12 units: 4·(12 + 144 + 24) + 13)", () => {
    const tr = new SequenceTrainer(base({ model: "lstm", hidden: 12 }));
    expect(tr.paramCount).toBe(4 * (12 + 144 + 24) + 13);
    expect(tr.paramCount).toBe(paramCount(tr.layer) + paramCount(tr.readout));
  });

  it("SequenceTrainer.run lowers the held-out loss for every network (300 Adam updates)", () => {
    for (const model of ["rnn", "lstm", "gru"]) {
      const tr = new SequenceTrainer(base({ model }));
      const start = tr.evaluate();
      tr.run(300);
      expect(tr.status).toBe("ok");
      expect(tr.evaluate()).toBeLessThan(start / 10);
      expect(tr.evaluate()).toBeGreaterThan(0.5 * NOISE ** 2 * 0.5); // cannot beat the noise by much
    }
  });

  it("SequenceTrainer.run with SGD at rate 0.5 and no clipping diverges and stops, with clipping it does not", () => {
    const wild = new SequenceTrainer(at(0.5, { model: "rnn", optimizer: "sgd", clip: false }));
    const done = wild.run(200);
    expect(wild.status).toBe("diverged");
    expect(done).toBe(wild.divergedAt);
    expect(done).toBeLessThan(200);
    const tame = new SequenceTrainer(at(0.5, { model: "rnn", optimizer: "sgd", clip: true }));
    tame.run(200);
    expect(tame.status).toBe("ok");
  });

  it("SequenceTrainer.run with SGD at the chapter's rate 0.1 diverges within a few updates without clipping, for each network", () => {
    for (const model of ["rnn", "lstm", "gru"]) {
      const off = new SequenceTrainer(at(0.1, { model, optimizer: "sgd", clip: false }));
      off.run(50);
      expect(off.status).toBe("diverged");
      expect(off.divergedAt).toBeLessThan(10);
      const on = new SequenceTrainer(at(0.1, { model, optimizer: "sgd", clip: true }));
      on.run(50);
      expect(on.status).toBe("ok");
    }
  });

  it("SequenceTrainer.apply switches clipping off without a restart, and SGD at 0.1 then diverges", () => {
    const tr = new SequenceTrainer(at(0.1, { model: "rnn", optimizer: "sgd", clip: true }));
    tr.run(20);
    expect(tr.status).toBe("ok");
    expect(tr.apply(at(0.1, { model: "rnn", optimizer: "sgd", clip: false }))).toBe(false);
    expect(tr.step).toBe(20);
    tr.run(50);
    expect(tr.status).toBe("diverged");
  });

  it("SequenceTrainer on the character task starts near ln 26 nats per character and learns the text", () => {
    const tr = new SequenceTrainer(at(0.02, { task: "chars", model: "gru", hidden: 32 }));
    expect(tr.layer.inputSize).toBe(26);
    expect(tr.readout.nOut).toBe(26);
    expect(Math.abs(tr.curve.train[0] - Math.log(26))).toBeLessThan(0.1);
    expect(Math.abs(tr.curve.heldOut[0] - Math.log(26))).toBeLessThan(0.1);
    tr.run(150);
    expect(tr.status).toBe("ok");
    expect(tr.trainingLoss()).toBeLessThan(2.2);
  });

  it("SequenceTrainer on the text (LSTM, 32 units, rate 0.02) memorises: held-out loss dips, then climbs past the untrained one", () => {
    const tr = new SequenceTrainer(at(0.02, { task: "chars", hidden: 32 }));
    expect(tr.chars.cut).toBe(599); // the chapter's "599 characters to train on"
    expect(charCorpus.slice(tr.chars.cut).split(". ").filter(Boolean)).toHaveLength(2); // "the last two sentences"
    const untrained = tr.evaluate();
    tr.run(100);
    expect(tr.evaluate()).toBeLessThan(untrained - 0.1);
    tr.run(300);
    expect(tr.status).toBe("ok");
    expect(tr.evaluate()).toBeGreaterThan(untrained);
    expect(tr.trainingLoss()).toBeLessThan(0.3);
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
    const a = new SequenceTrainer(base()),
      b = new SequenceTrainer(base());
    a.run(20);
    b.run(20);
    expect(a.lastLoss).toBe(b.lastLoss);
    expect(a.evaluate()).toBe(b.evaluate());
  });

  it("SequenceTrainer.apply restarts on a new network and keeps training on a new learning rate", () => {
    const tr = new SequenceTrainer(base());
    tr.run(10);
    expect(tr.apply(at(0.02))).toBe(false);
    expect(tr.step).toBe(10);
    expect(tr.lr).toBe(0.02);
    expect(tr.apply(at(0.02, { model: "gru" }))).toBe(true);
    expect(tr.step).toBe(0);
    tr.run(3);
    expect(tr.apply(at(0.02, { model: "gru", task: "chars" }))).toBe(true);
    expect(tr.step).toBe(0);
    expect(tr.curve.step).toEqual([0]); // only the untrained losses
  });

  it("SequenceTrainer.advance (lazy start) sums the untrained loss window by window to the same first point", () => {
    for (const task of ["sine", "chars"] as const) {
      const eager = new SequenceTrainer(base({ task, model: "gru", hidden: 6 })),
        lazy = new SequenceTrainer(base({ task, model: "gru", hidden: 6 }), 1, true);
      expect(lazy.starting).toBe(true);
      expect(lazy.curve.step).toEqual([]);
      expect(lazy.lastHeldOut).toBe(eager.lastHeldOut); // the held-out readout is there at once
      lazy.record(); // no point while the first one is pending
      expect(lazy.curve.step).toEqual([]);
      let slices = 0;
      while (!lazy.advance(5)) slices++;
      expect(slices).toBeGreaterThan(1);
      expect(lazy.starting).toBe(false);
      expect(lazy.curve.step).toEqual([0]);
      expect(lazy.curve.train[0]).toBeCloseTo(eager.curve.train[0], 12);
      expect(lazy.curve.heldOut[0]).toBe(eager.curve.heldOut[0]);
    }
  });

  it("SequenceTrainer.run finishes a pending first point before the first update", () => {
    const eager = new SequenceTrainer(base({ model: "rnn" })),
      lazy = new SequenceTrainer(base({ model: "rnn" }), 1, true);
    lazy.run(3);
    eager.run(3);
    expect(lazy.curve.step).toEqual([0, 3]);
    expect(lazy.curve.train[0]).toBeCloseTo(eager.curve.train[0], 12);
    expect(lazy.curve.train[1]).toBe(eager.curve.train[1]);
  });

  it("SequenceTrainer's curves start with the untrained network on the whole training set and on the held-out data", () => {
    const tr = new SequenceTrainer(base({ model: "rnn" }));
    expect(tr.curve.step).toEqual([0]);
    expect(tr.curve.train[0]).toBeCloseTo(directLoss(tr, tr.train.X, tr.train.Y), 12);
    expect(tr.curve.heldOut[0]).toBeCloseTo(directLoss(tr, tr.heldOut.X, tr.heldOut.Y), 12);
  });

  it("SequenceTrainer.record averages the batch losses since the last point; runFor adds no point", () => {
    const tr = new SequenceTrainer(base({ model: "rnn" }));
    let clock = 0;
    const done = tr.runFor(5, () => clock++);
    expect(done).toBeGreaterThan(1);
    expect(tr.curve.step).toEqual([0]);
    tr.record();
    tr.record(); // no new updates: no new point
    expect(tr.curve.step).toEqual([0, done]);
    expect(tr.curve.heldOut[1]).toBe(tr.evaluate());
    const twin = new SequenceTrainer(base({ model: "rnn" })),
      batch: number[] = [];
    for (let k = 0; k < done; k++) {
      twin.run(1);
      batch.push(twin.lastLoss);
    }
    expect(tr.curve.train[1]).toBeCloseTo(batch.reduce((a, b) => a + b) / done, 12);
  });

  it("SequenceTrainer keeps at most CURVE_MAX loss samples, from the first update to the latest", () => {
    const tr = new SequenceTrainer(base({ model: "rnn", hidden: 2 }));
    for (let k = 0; k < CURVE_MAX + 50; k++) tr.run(1);
    expect(tr.curve.step.length).toBeLessThanOrEqual(CURVE_MAX);
    expect(tr.curve.heldOut.length).toBe(tr.curve.step.length);
    expect(tr.curve.step[0]).toBe(0);
    expect(tr.curve.step[tr.curve.step.length - 1]).toBe(CURVE_MAX + 50);
  });
});
