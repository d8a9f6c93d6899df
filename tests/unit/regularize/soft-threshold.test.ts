import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { l1Grad } from "../../../lib/regularize/penalties";
import { proximalL1Step, softThreshold } from "../../../lib/regularize/soft-threshold";

describe("softThreshold", () => {
  it("softThreshold shrinks by τ and stops at zero", () => {
    expect(softThreshold(0.3, 0.1)).toBeCloseTo(0.2, 15);
    expect(softThreshold(-0.3, 0.1)).toBeCloseTo(-0.2, 15);
    expect(Object.is(softThreshold(0.05, 0.1), 0)).toBe(true);
    expect(Object.is(softThreshold(-0.05, 0.1), 0)).toBe(true); // +0, never −0
    Array.from(softThreshold([0.3, -0.05, -1], 0.1)).forEach((x, i) => expect(x).toBeCloseTo([0.2, 0, -0.9][i], 15));
  });

  it("softThreshold(w, τ) minimises ½(x − w)² + τ|x| (it is the L1 proximal map)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (w, tau, other) => {
          const objective = (x: number) => 0.5 * (x - w) ** 2 + tau * Math.abs(x);
          expect(objective(softThreshold(w, tau))).toBeLessThanOrEqual(objective(other) + 1e-12);
        },
      ),
      { seed: 42 },
    );
  });

  it("proximalL1Step reaches exact zeros where subgradient steps hop around 0", () => {
    // J = 0 (only the penalty): w shrinks by lr·λ = 0.05 per step.
    const prox = Float64Array.from([0.12]),
      sub = Float64Array.from([0.12]),
      zero = new Float64Array(1);
    for (let t = 0; t < 10; t++) {
      proximalL1Step(prox, zero, 0.1, 0.5);
      sub[0] -= 0.1 * l1Grad(sub, 0.5)[0];
    }
    // prox: 0.12 → 0.07 → 0.02 → 0 (stays).  sub: 0.12 → 0.07 → 0.02 → −0.03 → 0.02 → …
    expect(prox[0]).toBe(0);
    expect(Math.abs(sub[0])).toBeGreaterThan(0.01);
  });

  it("proximalL1Step does a gradient step then soft-thresholds", () => {
    const w = Float64Array.from([0.5, 0.02]);
    // [0.5 − 0.1·1, 0.02 − 0] = [0.4, 0.02], then S_0.05: [0.35, 0]
    proximalL1Step(w, [1, 0], 0.1, 0.5);
    expect(w[0]).toBeCloseTo(0.35, 15);
    expect(w[1]).toBe(0);
  });
});
