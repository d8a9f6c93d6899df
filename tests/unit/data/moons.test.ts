import { describe, expect, it } from "vitest";
import { moons } from "../../../lib/data/moons";
import { classCounts, point, sameForSeed } from "./point-sets.helpers";

describe("moons", () => {
  it("moons gives the same points for the same seed", () => {
    expect(sameForSeed((seed) => moons({ seed }))).toBe(true);
  });

  it("moons without noise puts each class on its half-circle", () => {
    const d = moons({ m: 100, noise: 0, seed: 3 });
    expect(d.X.shape).toEqual([2, 100]);
    expect(classCounts(d, 2)).toEqual([50, 50]);
    for (let i = 0; i < 100; i++) {
      const [x, y, label] = point(d, i);
      // class 0: unit circle around (0, 0), upper half; class 1: unit circle around (1, 0.5), lower half
      const [cx, cy] = label ? [1, 0.5] : [0, 0];
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(1, 12);
      expect(label ? y <= 0.5 + 1e-12 : y >= -1e-12).toBe(true);
    }
  });
});
