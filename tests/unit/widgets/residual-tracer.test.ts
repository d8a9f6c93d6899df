import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  blockWeights,
  pathSums,
  product,
  productText,
  residualTracerSchema,
  runChain,
  type ResidualTracerState,
} from "../../../src/widgets/residual-tracer-model";
import { defaults } from "../../../src/widgets/state";

const state = (over: Partial<ResidualTracerState> = {}): ResidualTracerState => ({ ...defaults(residualTracerSchema), ...over });

describe("blockWeights", () => {
  it("blockWeights scatters K weights in [0.5w, 1.5w), the same each time", () => {
    const w = blockWeights(state({ blocks: 12, weight: 0.4 }));
    expect(w).toHaveLength(12);
    for (const x of w) expect(x >= 0.2 && x < 0.6).toBe(true);
    expect(blockWeights(state({ blocks: 12, weight: 0.4 }))).toEqual(w);
  });
});

describe("runChain", () => {
  it("runChain: the engine's gradient equals ∏(1 + F′ₖ) with skips and ∏F′ₖ without, for any setting", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.constantFrom("tanh", "sigmoid", "relu"),
        (blocks, weight, activation) => {
          for (const skip of [true, false]) {
            const c = runChain(state({ blocks, weight, activation }), skip);
            expect(c.factors).toEqual(c.slopes.map((f) => (skip ? 1 + f : f)));
            const p = product(c.factors);
            expect(Math.abs(c.gradient - p)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(p)));
            expect(c.reach[0]).toBeCloseTo(Math.abs(c.gradient), 12);
            expect(c.reach[blocks]).toBe(1);
          }
        },
      ),
      { seed: 8, numRuns: 40 },
    );
  });
  it("runChain default (10 tanh blocks, w = 0.3): about 6.6 with skips and about 5e-6 without", () => {
    const withSkip = runChain(state(), true),
      plain = runChain(state(), false);
    expect(withSkip.gradient).toBeCloseTo(6.64, 2);
    expect(plain.gradient).toBeGreaterThan(4e-6);
    expect(plain.gradient).toBeLessThan(6e-6);
  });
  it("runChain with w = 0 gives exactly 1 with skips (the shortcut path alone)", () => {
    expect(runChain(state({ weight: 0 }), true).gradient).toBe(1);
    expect(runChain(state({ weight: 0 }), false).gradient).toBe(0);
  });
  it("runChain with ReLU: every branch is active, F′ₖ = wₖ, so the plain chain's gradient is ∏wₖ", () => {
    const s = state({ activation: "relu", weight: 1.2 }),
      c = runChain(s, false);
    expect(c.slopes).toEqual(blockWeights(s));
    expect(c.gradient).toBeCloseTo(product(blockWeights(s)), 10);
    for (const f of runChain(s, true).factors) expect(f).toBeGreaterThanOrEqual(1);
  });
  it("runChain's block outputs follow x + g(w·x) with skips", () => {
    const s = state({ blocks: 3 }),
      c = runChain(s, true),
      w = blockWeights(s);
    let x = 0.5;
    w.forEach((wk, k) => {
      x = x + Math.tanh(wk * x);
      expect(c.outputs[k]).toBeCloseTo(x, 14);
    });
  });
});

describe("pathSums", () => {
  it("pathSums expands ∏(1 + fₖ): e₀ = 1, e₁ = Σfₖ, and the sums add up to the product", () => {
    expect(pathSums([2, 3])).toEqual([1, 5, 6]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { maxLength: 20 }), (f) => {
        const e = pathSums(f);
        expect(e).toHaveLength(f.length + 1);
        expect(e[0]).toBe(1);
        const total = e.reduce((a, b) => a + b, 0),
          p = f.reduce((a, x) => a * (1 + x), 1);
        expect(Math.abs(total - p)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(p), ...e.map(Math.abs)));
      }),
      { seed: 9, numRuns: 100 },
    );
  });
});

describe("productText", () => {
  it("productText writes the factors and the product, shortening long chains", () => {
    const fmt = (x: number) => x.toFixed(1);
    expect(productText([1.5, 1.5], true, [0.5, 0.5], fmt)).toBe("(1 + 0.5)(1 + 0.5) = 2.3");
    expect(productText([0.5, 0.5], false, [0.5, 0.5], fmt)).toBe("(0.5)(0.5) = 0.3");
    const long = productText(Array(8).fill(2), false, Array(8).fill(2), fmt);
    expect(long).toBe("(2.0)(2.0)(2.0) … (2.0)(2.0) = 256.0");
  });
});
