import { describe, expect, it } from "vitest";
import { circles } from "../../../lib/data/circles";
import { classCounts, point, sameForSeed } from "./point-sets.helpers";

describe("circles", () => {
  it("circles gives the same points for the same seed", () => {
    expect(sameForSeed((seed) => circles({ seed }))).toBe(true);
  });

  it("circles without noise puts class 0 on radius 1 and class 1 on radius factor", () => {
    const d = circles({ m: 60, noise: 0, factor: 0.3 });
    expect(classCounts(d, 2)).toEqual([30, 30]);
    for (let i = 0; i < 60; i++) {
      const [x, y, label] = point(d, i);
      expect(Math.hypot(x, y)).toBeCloseTo(label ? 0.3 : 1, 12);
    }
  });
});
