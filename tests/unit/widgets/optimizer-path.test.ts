import { describe, expect, it } from "vitest";
import { SGD, quadraticBowl, rosenbrock, saddle } from "../../../lib";
import { tracePath, maxDistance, clampToView, DIVERGENCE_BOUND } from "../../../src/widgets/optimizer-path";
import { sampleGrid, contourLevels } from "../../../src/widgets/contours";

describe("optimizer paths", () => {
  it("tracePath records t, x, y and f for every step of a stable run", () => {
    // GD with lr 0.5 on ½(x² + y²) halves the point each step.
    const path = tracePath(new SGD({ lr: 0.5 }), quadraticBowl({ kappa: 1 }), [2, -4], 3);
    expect(path.stop).toBeNull();
    expect(path.points.map((p) => [p.t, p.x, p.y])).toEqual([
      [0, 2, -4],
      [1, 1, -2],
      [2, 0.5, -1],
      [3, 0.25, -0.5],
    ]);
    expect(path.points[3].f).toBeCloseTo(0.5 * (0.0625 + 0.25), 15);
  });

  it("tracePath stops at the first step whose |f| passes the bound, keeping only finite points", () => {
    // lr 3 on ½(x² + y²): x ← −2x, so f_t = ½·4^t·f-scale; the bound 1e8 is first passed at t = 14.
    const path = tracePath(new SGD({ lr: 3 }), quadraticBowl({ kappa: 1 }), [1, 0], 100);
    const firstOver = [...Array(40).keys()].find((t) => 0.5 * 4 ** t > DIVERGENCE_BOUND);
    expect(path.stop).toEqual({ step: firstOver, kind: "diverged" });
    expect(path.points).toHaveLength(firstOver!);
    expect(path.points.every((p) => Number.isFinite(p.f))).toBe(true);
  });

  it("tracePath turns NaN and ∞ into a stop, never an exception", () => {
    const path = tracePath(new SGD({ lr: 1e6 }), rosenbrock(), [-1.5, 2], 50);
    expect(path.stop?.kind).toBe("diverged");
    expect(path.stop!.step).toBeLessThan(5);
  });

  it("tracePath calls a fall without bound (the saddle) unbounded, not diverged", () => {
    const path = tracePath(new SGD({ lr: 0.5 }), saddle(), [0, 1], 100);
    expect(path.stop?.kind).toBe("unbounded");
  });

  it("maxDistance is the largest same-step gap, and ∞ when one path stopped early", () => {
    const a = {
      stop: null,
      points: [
        { t: 0, x: 0, y: 0, f: 0 },
        { t: 1, x: 3, y: 4, f: 0 },
      ],
    };
    const b = {
      stop: null,
      points: [
        { t: 0, x: 0, y: 1, f: 0 },
        { t: 1, x: 0, y: 0, f: 0 },
      ],
    };
    expect(maxDistance(a, b)).toBe(5);
    expect(maxDistance(a, { ...b, points: b.points.slice(0, 1) })).toBe(Infinity);
  });

  it("clampToView pulls a point onto the window's edge", () => {
    expect(clampToView({ x: 10, y: -0.5 }, [-3, 3], [-1, 1])).toEqual({ x: 3, y: -0.5 });
  });
});

describe("contours", () => {
  it("sampleGrid lays out f row by row from y1 at cell centres, as Plot's raster expects", () => {
    const s = {
      ...quadraticBowl({ kappa: 1 }),
      f: (x: number, y: number) => 10 * y + x,
      xRange: [0, 4] as [number, number],
      yRange: [0, 2] as [number, number],
    };
    const grid = sampleGrid(s, 2);
    expect(grid.values).toEqual([0.5 * 10 + 1, 0.5 * 10 + 3, 1.5 * 10 + 1, 1.5 * 10 + 3]);
    expect([grid.x1, grid.x2, grid.y1, grid.y2, grid.width, grid.height]).toEqual([0, 4, 0, 2, 2, 2]);
  });

  it("contourLevels rise geometrically above a minimum and evenly where there is none", () => {
    const bowl = quadraticBowl({ kappa: 5 });
    const levels = contourLevels(bowl, sampleGrid(bowl), 6);
    const ratios = levels.slice(1).map((l, i) => l / levels[i]);
    ratios.forEach((r) => expect(r).toBeCloseTo(ratios[0], 9));
    expect(ratios[0]).toBeGreaterThan(1);
    const sad = saddle();
    const even = contourLevels(sad, sampleGrid(sad), 5);
    const gaps = even.slice(1).map((l, i) => l - even[i]);
    gaps.forEach((g) => expect(g).toBeCloseTo(gaps[0], 9));
  });
});
