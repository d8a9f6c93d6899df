import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/widgets/state";
import {
  gradientThroughTimeSchema,
  gradientProfile,
  buildRnn,
  buildLstm,
  inputs,
  regime,
  sampleSteps,
  powerTicks,
  powerLabel,
  HIDDEN,
  type GradientThroughTimeState,
} from "../../../src/widgets/gradient-through-time-model";

const base = (over: Partial<GradientThroughTimeState> = {}): GradientThroughTimeState => ({
  ...defaults(gradientThroughTimeSchema),
  ...over,
});

/** ‖∂L/∂h_t‖ by hand: h_t forward, then dh_{t−1} = W_hhᵀ(dh_t ⊙ (1 − h_t²)) from dh_T = 1/√H. */
function rnnNormsByHand(s: GradientThroughTimeState): number[] {
  const rnn = buildRnn(s),
    X = inputs(s.length, s.seed),
    H = HIDDEN,
    T = s.length;
  const Wx = rnn.W_ih.data,
    Wh = rnn.W_hh.data,
    hs: Float64Array[] = [new Float64Array(H)];
  for (let k = 0; k < T; k++) {
    const prev = hs[k],
      h = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      let a = Wx[i] * X.data[k];
      for (let j = 0; j < H; j++) a += Wh[i * H + j] * prev[j];
      h[i] = Math.tanh(a);
    }
    hs.push(h);
  }
  let dh = new Float64Array(H).fill(1 / Math.sqrt(H));
  const norms = [Math.hypot(...dh)];
  for (let k = T; k >= 1; k--) {
    const da = dh.map((d, i) => d * (1 - hs[k][i] ** 2)),
      next = new Float64Array(H);
    for (let j = 0; j < H; j++) for (let i = 0; i < H; i++) next[j] += Wh[i * H + j] * da[i];
    dh = next;
    norms.unshift(Math.hypot(...dh));
  }
  return norms;
}

describe("gradient through time model", () => {
  it("gradientProfile gives the RNN's ‖∂L/∂h_t‖ of a hand-written BPTT, 1 at t = T", () => {
    const s = base({ length: 12, scale: 1.3 }),
      p = gradientProfile(s),
      hand = rnnNormsByHand(s);
    expect(p.rnn[12]).toBeCloseTo(1, 14);
    hand.forEach((v, k) => expect(p.rnn[k]).toBeCloseTo(v, 10));
  });

  it("gradientProfile stays under the bound scale^(T−t), since tanh′ ≤ 1 and W_hh = scale·Q", () => {
    for (const scale of [0.5, 0.9, 1.5, 2.5]) {
      const p = gradientProfile(base({ scale }));
      p.rnn.forEach((v, k) => expect(v).toBeLessThanOrEqual(p.bound[k] * (1 + 1e-12)));
    }
  });

  it("gradientProfile vanishes for the RNN at scale 0.5 and explodes at scale 2", () => {
    const small = gradientProfile(base({ scale: 0.5 })),
      large = gradientProfile(base({ scale: 2 }));
    expect(small.rnn[0]).toBeLessThan(1e-8);
    expect(regime(small.rnn[0])).toBe("vanishing");
    expect(large.rnn[0]).toBeGreaterThan(100);
    expect(regime(large.rnn[0])).toBe("exploding");
  });

  it("gradientProfile keeps more of the LSTM's gradient than the RNN's at scale 0.5", () => {
    const p = gradientProfile(base({ scale: 0.5 }));
    expect(p.lstm[0]).toBeGreaterThan(1e3 * p.rnn[0]);
  });

  it("gradientProfile at the defaults: the RNN's gradient vanishes while the LSTM's stays within a factor of 100", () => {
    const p = gradientProfile(base());
    expect(regime(p.rnn[0])).toBe("vanishing");
    expect(regime(p.lstm[0])).toBe("level");
  });

  it("gradientProfile lets the LSTM's gradient grow past 100 too at scale 2.5 (gates do not stop explosion)", () => {
    expect(regime(gradientProfile(base({ scale: 2.5 })).lstm[0])).toBe("exploding");
  });

  it("buildLstm puts the forget bias on rows H … 2H−1 only (gate order i, f, g, o)", () => {
    const lstm = buildLstm(base({ forgetBias: 2.5 })),
      b = Array.from(lstm.b_ih.data);
    expect(b.slice(HIDDEN, 2 * HIDDEN).every((v) => v === 2.5)).toBe(true);
    expect([...b.slice(0, HIDDEN), ...b.slice(2 * HIDDEN)].every((v) => v === 0)).toBe(true);
  });

  it("regime draws the lines at 1/100 and 100, and calls ∞ or NaN exploding", () => {
    expect([0.001, 0.5, 50, 1e3, Infinity, NaN].map(regime)).toEqual([
      "vanishing",
      "level",
      "level",
      "exploding",
      "exploding",
      "exploding",
    ]);
  });

  it("sampleSteps lists 0, the quarters and T without repeats", () => {
    expect(sampleSteps(40)).toEqual([0, 10, 20, 30, 40]);
    expect(sampleSteps(5)).toEqual([0, 1, 3, 4, 5]);
  });
});

describe("gradient through time axis", () => {
  it("powerTicks spans the range in powers of ten, thinned to about seven, always including 1", () => {
    expect(powerTicks(0.004, 1)).toEqual([1e-3, 1e-2, 1e-1, 1]);
    const wide = powerTicks(1e-40, 10);
    expect(wide.length).toBeLessThanOrEqual(8);
    expect(wide).toContain(1);
    expect(wide[0]).toBeLessThanOrEqual(1e-40 * 1e7);
  });

  it("powerLabel writes 10 with a superscript exponent", () => {
    expect([1e-3, 1, 100].map(powerLabel)).toEqual(["10⁻³", "1", "10²"]);
  });
});
