import { describe, expect, it } from "vitest";
import { sinusoidalPositionalEncoding } from "../../../lib";

describe("sinusoidalPositionalEncoding", () => {
  it("sinusoidalPositionalEncoding rows follow sin/cos of pos / 10000^(2i/d)", () => {
    const pe = sinusoidalPositionalEncoding(3, 4);
    expect(pe[0]).toEqual([0, 1, 0, 1]);
    expect(pe[1][0]).toBeCloseTo(Math.sin(1), 14);
    expect(pe[1][1]).toBeCloseTo(Math.cos(1), 14);
    expect(pe[2][2]).toBeCloseTo(Math.sin(2 / 100), 14); // i = 1: 10000^(2/4) = 100
    expect(pe[2][3]).toBeCloseTo(Math.cos(2 / 100), 14);
  });
  it("sinusoidalPositionalEncoding pairs lie on the unit circle", () => {
    for (const row of sinusoidalPositionalEncoding(50, 16))
      for (let i = 0; i < 16; i += 2) expect(row[i] ** 2 + row[i + 1] ** 2).toBeCloseTo(1, 12);
  });
  it("sinusoidalPositionalEncoding rejects an odd width", () => {
    expect(() => sinusoidalPositionalEncoding(2, 3)).toThrow(/even/);
  });
});
