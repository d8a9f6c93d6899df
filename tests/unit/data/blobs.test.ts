import { describe, expect, it } from "vitest";
import { blobs } from "../../../lib/data/blobs";
import { classCounts, point, sameForSeed } from "./point-sets.helpers";

describe("blobs", () => {
  it("blobs gives the same points for the same seed", () => {
    expect(sameForSeed((seed) => blobs({ seed }))).toBe(true);
  });

  it("blobs clusters each class around its centre", () => {
    const centers = [
        [-2, 0],
        [2, 1],
      ] as const,
      m = 2000;
    const d = blobs({ m, centers, std: 0.3, seed: 4 });
    expect(classCounts(d, 2)).toEqual([1000, 1000]);
    const sums = [
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < m; i++) {
      const [x, y, k] = point(d, i);
      sums[k][0] += x;
      sums[k][1] += y;
    }
    // sample mean of 1000 points: standard error 0.3/√1000 ≈ 0.01
    sums.forEach((s, k) => {
      expect(s[0] / 1000).toBeCloseTo(centers[k][0], 1);
      expect(s[1] / 1000).toBeCloseTo(centers[k][1], 1);
    });
  });

  it("blobs without centres spreads K classes on the circle of radius 2", () => {
    const d = blobs({ m: 4, classes: 4, std: 0 });
    expect(point(d, 0)).toEqual([2, 0, 0]);
    expect(point(d, 1)[1]).toBeCloseTo(2, 12);
  });
});
