import { describe, expect, it } from "vitest";
import { xor } from "../../../lib/data/xor";
import { classCounts, point, sameForSeed } from "./point-sets.helpers";

describe("xor", () => {
  it("xor gives the same points for the same seed", () => {
    expect(sameForSeed((seed) => xor({ seed }))).toBe(true);
  });

  it("xor labels 1 exactly where x and y have opposite signs, away from the margin", () => {
    const d = xor({ m: 400, margin: 0.2, seed: 9 });
    for (let i = 0; i < 400; i++) {
      const [x, y, label] = point(d, i);
      expect(label).toBe(x * y < 0 ? 1 : 0);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(0.2);
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1);
    }
    const [zeros, ones] = classCounts(d, 2);
    expect(Math.abs(zeros - ones)).toBeLessThan(60); // about half each
  });
});
