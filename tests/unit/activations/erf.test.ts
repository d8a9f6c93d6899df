import { describe, expect, it } from "vitest";
import { erf, erfc } from "../../../lib/activations/erf";

// Reference values from CPython's math.erf / math.erfc.
const ERF: [number, number][] = [
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [2, 0.9953222650189527],
  [2.4999, 0.9995928300996666],
  [2.5, 0.999593047982555],
  [3, 0.9999779095030014],
  [4, 0.9999999845827421],
  [-1.5, -0.9661051464753108],
];
const ERFC: [number, number][] = [
  [0.5, 0.4795001221869535],
  [2, 0.004677734981047265],
  [3, 2.2090496998585438e-5],
  [5, 1.5374597944280351e-12],
  [10, 2.088487583762545e-45],
  [26, 5.663192408856143e-296],
];

describe("erf", () => {
  it("erf agrees with math.erf to 1e-15 on both sides of the series/fraction switch", () => {
    for (const [x, v] of ERF) expect(Math.abs(erf(x) - v)).toBeLessThan(1e-15);
  });
  it("erfc keeps relative accuracy 1e-13 deep in the tail", () => {
    for (const [x, v] of ERFC) expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1e-13);
  });
  it("erf is odd and bounded, erfc(−x) = 2 − erfc(x)", () => {
    expect(erf(-0.3)).toBe(-erf(0.3));
    expect(erf(Infinity)).toBe(1);
    expect(erf(-1000)).toBe(-1);
    expect(erfc(-2)).toBeCloseTo(2 - 0.004677734981047265, 15);
    expect(erf(NaN)).toBeNaN();
  });
});
