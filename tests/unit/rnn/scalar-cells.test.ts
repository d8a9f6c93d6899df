import { describe, expect, it } from "vitest";
import { rnnScalarStep, lstmScalarStep } from "../../../lib";

describe("scalar recurrent cells", () => {
  it("rnnScalarStep is tanh of the weighted input, state and bias", () => {
    expect(rnnScalarStep(1, 0, { wx: 0.5, wh: 0.8, b: 0 })).toBeCloseTo(0.46211715726, 10);
    expect(rnnScalarStep(2, -1, { wx: 0.3, wh: 0.5, b: 0.1 })).toBeCloseTo(Math.tanh(0.6 - 0.5 + 0.1), 12);
  });
  it("lstmScalarStep with all gates at 0.5 averages the old cell and the candidate", () => {
    const zero = { wx: 0, wh: 0, b: 0 };
    const r = lstmScalarStep(0, 0, 1, { f: zero, i: zero, g: { wx: 0, wh: 0, b: 100 }, o: zero });
    expect(r.f).toBe(0.5);
    expect(r.c).toBeCloseTo(0.5 * 1 + 0.5 * 1, 12);
    expect(r.h).toBeCloseTo(0.5 * Math.tanh(1), 12);
  });
  it("lstmScalarStep matches the gate equations written out", () => {
    const w = {
      f: { wx: 0.5, wh: -0.2, b: 1 },
      i: { wx: 0.3, wh: 0.4, b: 0 },
      g: { wx: -0.7, wh: 0.1, b: 0.2 },
      o: { wx: 0.9, wh: 0.3, b: -0.1 },
    };
    const x = 0.8,
      h = -0.3,
      c = 0.6,
      s = (z: number) => 1 / (1 + Math.exp(-z));
    const f = s(0.4 + 0.06 + 1),
      i = s(0.24 - 0.12),
      g = Math.tanh(-0.56 - 0.03 + 0.2),
      o = s(0.72 - 0.09 - 0.1);
    const r = lstmScalarStep(x, h, c, w);
    expect(r.c).toBeCloseTo(f * c + i * g, 12);
    expect(r.h).toBeCloseTo(o * Math.tanh(f * c + i * g), 12);
  });
});
