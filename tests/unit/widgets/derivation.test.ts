import { describe, expect, it } from "vitest";
import { sigmoid } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import { derivationSchema, derivationLines, numericCheck, type DerivationState } from "../../../src/widgets/derivation-model";

const base = (over: Partial<DerivationState> = {}): DerivationState => ({ ...defaults(derivationSchema), ...over });

describe("derivation model", () => {
  it("derivationLines gives every line a reason, sigmoid ending at σ(z)(1 − σ(z)) and bce-sigmoid at a − y", () => {
    const s = derivationLines("sigmoid"),
      b = derivationLines("bce-sigmoid");
    expect(s).toHaveLength(7);
    expect(b).toHaveLength(8);
    for (const l of [...s, ...b]) expect(l.reason.length).toBeGreaterThan(10);
    expect(s[0].math).toContain("1 + e<sup>−z</sup>");
    expect(s.at(-1)!.math).toContain("σ(z) (1 − σ(z))");
    expect(b.at(-1)!.math).toContain("a − y");
  });

  it("numericCheck matches σ′(1) = 0.196611933 to nine digits", () => {
    const c = numericCheck(base());
    expect(c.derived).toBeCloseTo(0.196611933, 9);
    expect(c.numeric).toBeCloseTo(0.196611933, 9);
    expect(c.relativeError).toBeLessThan(1e-9);
  });

  it("numericCheck for bce-sigmoid gives a − y and agrees with the central difference of bce(σ(z), y)", () => {
    for (const [z, y] of [
      [1, "1"],
      [-3, "1"],
      [2.5, "0"],
      [-7, "0"],
    ] as const) {
      const c = numericCheck(base({ which: "bce-sigmoid", z, y }));
      expect(c.derived).toBeCloseTo(sigmoid.f(z) - Number(y), 14);
      expect(c.relativeError).toBeLessThan(1e-8);
    }
  });
});
