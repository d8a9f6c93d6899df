import { describe, expect, it } from "vitest";
import { sigmoid, tanh } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  lstmGatesSchema,
  runCopyTask,
  copyData,
  decode,
  perfectOutputs,
  LEVELS,
  FORCED_BIAS,
  type LstmGatesState,
} from "../../../src/widgets/lstm-gates-model";

const base = (over: Partial<LstmGatesState> = {}): LstmGatesState => ({ ...defaults(lstmGatesSchema), ...over });

describe("LSTM gates model", () => {
  it("copyData has gap + 2 steps of K + 2 channels over 64 sequences", () => {
    const d = copyData(base({ gap: 5 }));
    expect(d.X.shape).toEqual([7, 6, 64]);
    expect(d.T).toBe(7);
  });

  it("runCopyTask charts a sequence showing the chosen symbol and writes c₁ = σ(6)·tanh(level)", () => {
    for (const symbol of [0, 1, 2, 3]) {
      const r = runCopyTask(base({ symbol }));
      expect(r.symbol).toBe(symbol);
      expect(r.steps[0].i).toBeCloseTo(sigmoid.f(6), 14);
      expect(r.steps[0].g).toBeCloseTo(tanh.f(LEVELS[symbol]), 14);
      expect(r.written).toBeCloseTo(sigmoid.f(6) * tanh.f(LEVELS[symbol]), 14);
    }
  });

  it("runCopyTask follows c_t = f·c_{t−1} + i·g and h_t = o·tanh(c_t) at every step", () => {
    const { steps } = runCopyTask(base({ gap: 10 }));
    steps.forEach((st, k) => {
      const cPrev = k === 0 ? 0 : steps[k - 1].c;
      expect(st.c).toBeCloseTo(st.f * cPrev + st.i * st.g, 14);
      expect(st.h).toBeCloseTo(st.o * Math.tanh(st.c), 14);
      expect(st.f).toBeCloseTo(sigmoid.f(3), 14);
    });
  });

  it("runCopyTask keeps σ(3)^(gap+1) of the memory at the default bias and forgets the outer symbols", () => {
    const r = runCopyTask(base());
    expect(r.forgetProduct).toBeCloseTo(sigmoid.f(3) ** 31, 12);
    // Blanks leak only σ(−6)·tanh(0) = 0 into c, so the memory decays exactly by the forget gates.
    expect(r.kept).toBeCloseTo(r.forgetProduct, 10);
    expect(r.recalled).not.toBe(3);
    expect(r.accuracy).toBeGreaterThan(0.2);
    expect(r.accuracy).toBeLessThan(0.8);
  });

  it("runCopyTask with f forced to 1 keeps the memory exactly and recalls every symbol across a gap of 80", () => {
    expect(sigmoid.f(FORCED_BIAS)).toBe(1);
    const r = runCopyTask(base({ forceForget: true, gap: 80 }));
    expect(r.forgetProduct).toBe(1);
    expect(r.kept).toBe(1);
    expect(r.accuracy).toBe(1);
  });

  it("runCopyTask recalls every symbol across a gap of 1 even with the leaky default gate", () => {
    expect(runCopyTask(base({ gap: 1 })).accuracy).toBe(1);
  });

  it("runCopyTask's output gate is shut before the cue and open on it", () => {
    const { steps } = runCopyTask(base({ gap: 4 }));
    expect(Math.max(...steps.slice(0, -1).map((s) => s.o))).toBeCloseTo(sigmoid.f(-6), 14);
    expect(steps[steps.length - 1].o).toBeCloseTo(sigmoid.f(6), 14);
  });

  it("decode names each symbol from its own perfectly kept output", () => {
    perfectOutputs().forEach((h, k) => expect(decode(h)).toBe(k));
    expect(decode(0.2)).toBe(2);
  });
});
