import { describe, expect, it } from "vitest";
import { spiral } from "../../../lib/data/spiral";
import { classCounts, point, sameForSeed } from "./point-sets.helpers";

describe("spiral", () => {
  it("spiral gives the same points for the same seed", () => {
    expect(sameForSeed((seed) => spiral({ seed }))).toBe(true);
  });

  it("spiral without noise puts class k on the arm angle = 2πk/K + turns·2π·r", () => {
    const d = spiral({ m: 90, classes: 3, noise: 0, turns: 0.5 });
    expect(classCounts(d, 3)).toEqual([30, 30, 30]);
    for (let i = 0; i < 90; i++) {
      const [x, y, k] = point(d, i);
      const r = Math.hypot(x, y),
        angle = (2 * Math.PI * k) / 3 + 0.5 * 2 * Math.PI * r;
      expect(r).toBeLessThan(1);
      expect(x).toBeCloseTo(r * Math.cos(angle), 12);
      expect(y).toBeCloseTo(r * Math.sin(angle), 12);
    }
  });
});
