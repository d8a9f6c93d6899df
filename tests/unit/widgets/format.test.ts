import { describe, expect, it } from "vitest";
import { MINUS, formatNumber, formatPrice, formatTick, formatValue } from "../../../src/charts/format";

describe("format", () => {
  it("formatPrice puts the minus sign U+2212 before the dollar sign", () => {
    expect(formatPrice(-0.0185)).toBe("\u2212$1,850");
    expect(MINUS).toBe("\u2212");
  });

  it("formatPrice groups thousands and rounds to the dollar", () => {
    expect(formatPrice(0.0185)).toBe("$1,850");
    expect(formatPrice(12.345678)).toBe("$1,234,568");
  });

  it("formatPrice never prints a signed zero", () => {
    expect(formatPrice(-1e-9)).toBe("$0");
    expect(formatPrice(0)).toBe("$0");
  });

  it("formatPrice calls an infinite price an overflow and NaN not a number", () => {
    expect(formatPrice(Infinity)).toBe("overflow");
    expect(formatPrice(-Infinity)).toBe("overflow");
    expect(formatPrice(NaN)).toBe("not a number");
  });

  it("formatValue says overflow for ±∞ and formats finite numbers like formatNumber", () => {
    expect(formatValue(Math.exp(1000))).toBe("overflow");
    expect(formatValue(2.5)).toBe(formatNumber(2.5));
    expect(formatValue(1.23456e9, 3)).toBe("1.23e+9");
  });

  it("formatNumber keeps 'diverged' for training values that stopped being finite", () => {
    expect(formatNumber(NaN)).toBe("diverged");
    expect(formatNumber(0.000012345, 3)).toBe("1.23e-5");
  });
});

describe("formatTick", () => {
  it("formatTick groups thousands and uses the minus sign", () => {
    expect(formatTick(-1500)).toBe("\u22121,500");
    expect(formatTick(0.25)).toBe("0.25");
    expect(formatTick(0)).toBe("0");
  });

  it("formatTick writes huge ticks as a power of ten, never a long row of zeros", () => {
    expect(formatTick(2.9999999999999998e175)).toBe("3e+175");
    expect(formatTick(1e10)).toBe("1e+10");
    expect(formatTick(-2.5e12)).toBe("\u22122.5e+12");
    for (let k = 0; k < 300; k += 7) expect(formatTick(10 ** k).length).toBeLessThanOrEqual(8);
  });
});
