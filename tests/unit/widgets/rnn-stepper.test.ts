import { describe, expect, it } from "vitest";
import { sineSequence } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import { rnnStepperSchema, runStepper, clampStep, STEPS, HIDDEN, type RnnStepperState } from "../../../src/widgets/rnn-stepper-model";

const base = (over: Partial<RnnStepperState> = {}): RnnStepperState => ({ ...defaults(rnnStepperSchema), ...over });

describe("RNN stepper model", () => {
  it("runStepper reads the engine's noisy sine as x_1 … x_10", () => {
    const run = runStepper(base({ seed: 4 }));
    expect(run.xs).toEqual(Array.from(sineSequence({ m: 1, T: STEPS, noise: 0.1, seed: 4 }).X.data));
    expect(run.steps.map((s) => s.x)).toEqual(run.xs);
  });

  it("runStepper's tanh(W_ih·x_t + W_hh·h_{t−1} + b_ih + b_hh) equals the layer's h_t at every step", () => {
    for (const seed of [1, 7, 20]) {
      for (const s of runStepper(base({ seed })).steps) s.h.forEach((v, i) => expect(v).toBeCloseTo(s.engineH[i], 14));
    }
  });

  it("runStepper starts from h_0 = 0 and feeds each h_t into the next step", () => {
    const { steps } = runStepper(base());
    expect(steps[0].hPrev).toEqual([0, 0, 0]);
    expect(steps[0].wh).toEqual([0, 0, 0]);
    for (let k = 1; k < STEPS; k++) expect(steps[k].hPrev).toEqual(steps[k - 1].engineH);
  });

  it("runStepper's W_ih·x_t is the input column times x_t, and a_t is the sum of its three parts", () => {
    const { steps, rnn } = runStepper(base({ seed: 3 }));
    const s = steps[4];
    for (let i = 0; i < HIDDEN; i++) {
      expect(s.wx[i]).toBeCloseTo(rnn.W_ih.data[i] * s.x, 14);
      expect(s.a[i]).toBeCloseTo(s.wx[i] + s.wh[i] + s.b[i], 14);
      expect(s.b[i]).toBeCloseTo(rnn.b_ih.data[i] + rnn.b_hh.data[i], 14);
    }
  });

  it("clampStep keeps the step within 1 … 10", () => {
    expect([0, 1, 5.4, 10, 99].map(clampStep)).toEqual([1, 1, 5, 10, 10]);
  });
});
