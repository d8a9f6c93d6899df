// The chart parts every widget shares: one log-domain rule and one paired-width rule.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitWidth, logDomain, pairWidth, powerOfTen } from "../../../src/charts/parts";

describe("logDomain", () => {
  it("pads the finite positive range by the factor and holds values at the ceiling", () => {
    expect(logDomain([1, 10, NaN, 1e80], { pad: 1.5, ceiling: 1e12 })).toEqual([1 / 1.5, 1e12 * 1.5]);
    expect(logDomain(Float64Array.from([0.3, 3]), { pad: 1.5 })).toEqual([0.2, 4.5].map((v) => expect.closeTo(v, 12)));
    expect(logDomain([0.01, 1])).toEqual([0.01 / 3, 3]);
  });
  it("gives [0.1, 10] when no value is finite and positive", () => {
    expect(logDomain([NaN, -1, 0, Infinity])).toEqual([0.1, 10]);
  });
  it("always contains every finite positive value under the ceiling", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), { minLength: 1 }), (values) => {
        const [lo, hi] = logDomain(values);
        return lo > 0 && values.every((v) => v >= lo && v <= hi);
      }),
    );
  });
});

describe("pairWidth", () => {
  it("puts two charts side by side in a wide figure and one full-width on a phone", () => {
    expect(pairWidth(1000)).toBe(440);
    expect(pairWidth(700)).toBe(342);
    expect(pairWidth(360)).toBe(356);
    expect(pairWidth(200)).toBe(240);
    expect(pairWidth(0)).toBe(312);
  });
});

describe("fitWidth", () => {
  it("caps a measured width at max, keeps 260 px on a narrow phone, and gives max while the width is unknown", () => {
    expect(fitWidth(1000, 420)).toBe(420);
    expect(fitWidth(333.7, 420)).toBe(333);
    expect(fitWidth(200, 420)).toBe(260);
    expect(fitWidth(0, 420)).toBe(420);
    expect(fitWidth(0)).toBe(640);
  });
});

describe("powerOfTen", () => {
  it("writes log ticks as powers of ten, not SI prefixes", () => {
    expect(powerOfTen(1e-8)).toBe("1e-8");
    expect(powerOfTen(1000)).toBe("1e3");
    expect(powerOfTen(0)).toBe("0");
  });
});
