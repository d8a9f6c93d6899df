import { describe, expect, it } from "vitest";
import { sigmoid } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import { formatValue } from "../../../src/charts/format";
import {
  chain,
  chainSchema,
  clampToWindow,
  compose,
  curve,
  formula,
  localText,
  PIECES,
  PIECE_NAMES,
  yDomain,
  type ChainState,
} from "../../../src/widgets/chain-rule-model";

const base = (over: Partial<ChainState> = {}): ChainState => ({ ...defaults(chainSchema), ...over });

describe("chain rule model", () => {
  it("chain gives chapter 0's example: (3x + 1)² at x = 1 has slope 2·4·3 = 24", () => {
    const c = chain(base({ f3: "identity" }));
    expect(c.steps.map((s) => s.local)).toEqual([3, 8, 1]);
    expect(c.slope).toBe(24);
    expect(c.y).toBe(16);
    expect(c.numeric).toBeCloseTo(24, 6);
    expect(c.error).toBeLessThan(1e-9);
  });

  it("chain on the default ln((3x + 1)²) at x = 1 multiplies 3 · 8 · 1/16 = 1.5", () => {
    const c = chain(base());
    expect(c.steps.map((s) => s.u)).toEqual([1, 4, 16]);
    expect(c.slope).toBe(1.5);
    expect(c.y).toBeCloseTo(Math.log(16), 14);
  });

  it("chain's product agrees with the finite difference for every choice of three functions", () => {
    for (const f1 of PIECE_NAMES)
      for (const f2 of PIECE_NAMES)
        for (const f3 of ["sin", "sigmoid", "identity"]) {
          const c = chain(base({ f1, f2, f3, x: 0.35 }));
          if ("problem" in c && c.problem) continue;
          expect(c.error, `${f1}, ${f2}, ${f3}`).toBeLessThan(1e-6);
        }
  });

  it("chain refuses ln of a non-positive input and names the step", () => {
    const c = chain(base({ f1: "times3", f2: "ln", x: -1 }));
    expect(c.problem).toEqual({ stage: 2, u: -3 });
    expect(compose(["times3", "ln", "identity"], -1)).toBeNaN();
  });

  it("PIECES uses the engine's sigmoid", () => {
    expect(PIECES.sigmoid.df(0.7)).toBe(sigmoid.df(0.7));
  });

  it("formula writes the composition with brackets only where needed", () => {
    expect(formula(["affine", "square", "ln"])).toBe("ln((3x + 1)²)");
    expect(formula(["identity", "sin", "times3"])).toBe("3(sin(x))");
    expect(formula(["square", "identity", "identity"])).toBe("x²");
  });

  it("curve drops points where the composition is undefined", () => {
    const pts = curve(["identity", "ln", "identity"]);
    expect(pts.every((p) => p.x > 0)).toBe(true);
    expect(pts.length).toBeGreaterThan(50);
  });
});

describe("localText", () => {
  it("localText shows the rule and its value, or the value alone for a constant rule", () => {
    expect(localText("square", 8)).toBe("2u = 8");
    expect(localText("times3", 3)).toBe("3");
  });
});

describe("chain-rule chart window", () => {
  it("chain calls exp∘exp∘exp at x = 3 an overflow: y and the slope are infinite, not NaN", () => {
    const c = chain(base({ f1: "exp", f2: "exp", f3: "exp", x: 3 }));
    expect(c.y).toBe(Infinity);
    expect(formatValue(c.y!)).toBe("overflow");
  });

  it("yDomain and clampToWindow keep every drawn point finite and within a few window heights, for all compositions at the slider's ends", () => {
    for (const f1 of PIECE_NAMES)
      for (const f2 of PIECE_NAMES)
        for (const f3 of PIECE_NAMES)
          for (const x of [chainSchema.x.min, chainSchema.x.max]) {
            const names = [f1, f2, f3],
              c = chain(base({ f1, f2, f3, x }));
            const y0 = "problem" in c && c.problem ? undefined : c.y;
            const [lo, hi] = yDomain(
              curve(names).map((p) => p.y),
              y0,
            );
            expect(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo, names.join("∘")).toBe(true);
            for (const p of clampToWindow(curve(names), [lo, hi])) {
              expect(p.y).toBeGreaterThanOrEqual(lo - 2 * (hi - lo));
              expect(p.y).toBeLessThanOrEqual(hi + 2 * (hi - lo));
            }
          }
  });

  it("yDomain widens a flat curve instead of returning an empty range", () => {
    expect(yDomain([5, 5, 5])).toEqual([4.5, 5.5]);
    expect(yDomain([], Infinity)).toEqual([-1, 1]);
  });
});
