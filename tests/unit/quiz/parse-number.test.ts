import { describe, expect, it } from "vitest";
import { parseNumber } from "../../../src/quiz/parse-number";

const value = (s: string) => {
  const r = parseNumber(s);
  return r.ok ? r.value : r.reason;
};

describe("parseNumber", () => {
  it("parseNumber reads decimals, exponents, fractions and percentages as the same number", () => {
    for (const s of ["0.125", "1/8", "12.5%", "1.25e-1", "1.25E-1", ".125", "+0.125", "1.25 × 10^-1", "1.25*10^(-1)"])
      expect(value(s), s).toBeCloseTo(0.125, 15);
    expect(value("1e-3")).toBe(0.001);
    expect(value("0.001")).toBe(0.001);
    expect(value("10^-2")).toBe(0.01);
  });
  it("parseNumber accepts a Unicode minus and thousands grouped by spaces or commas", () => {
    expect(value("−0.5")).toBe(-0.5);
    expect(value("−3/4")).toBe(-0.75);
    expect(value("1 792")).toBe(1792);
    expect(value("1,050,624")).toBe(1050624);
    expect(value("  42  ")).toBe(42);
  });
  it("parseNumber refuses garbage with a reason and a message that quotes the reply", () => {
    const r = parseNumber("about 3");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe("not-a-number");
      expect(r.message).toContain("about 3");
    }
    expect(value("")).toBe("empty");
    expect(value("1,5")).toBe("decimal-comma");
    expect(value("1/0")).toBe("division-by-zero");
    expect(value("2 3")).toBe("not-a-number");
    expect(value("1e999")).toBe("not-a-number");
    expect(value("0x10")).toBe("not-a-number");
    expect(value("1/2/3")).toBe("not-a-number");
  });
});
