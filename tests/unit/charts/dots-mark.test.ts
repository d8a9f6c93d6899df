// Many points drawn as one path: one closed shape per point with finite coordinates, at the point, of the right size.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dotsPath } from "../../../src/charts/dots-mark";

describe("dotsPath", () => {
  it("draws a circle of radius r as two arcs starting r left of the point", () => {
    expect(dotsPath([10], [20], [0], 2, "circle")).toBe("M8.0,20.0a2,2 0 1,0 4,0a2,2 0 1,0 -4,0");
  });

  it("draws a square of the circle's area centred on the point", () => {
    const side = 3.5 * Math.sqrt(Math.PI);
    const d = dotsPath([100], [50], [0], 3.5, "square");
    expect(d).toBe(
      `M${(100 - side / 2).toFixed(1)},${(50 - side / 2).toFixed(1)}h${side.toFixed(1)}v${side.toFixed(1)}h${(-side).toFixed(1)}z`,
    );
    expect(side * side).toBeCloseTo(Math.PI * 3.5 * 3.5, 10);
  });

  it("has one shape per indexed point with finite coordinates, and none for the others", () => {
    const coord = fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coord, coord), { maxLength: 50 }),
        fc.constantFrom<"circle" | "square">("circle", "square"),
        (points, symbol) => {
          const X = points.map((p) => p[0]),
            Y = points.map((p) => p[1]);
          const d = dotsPath(X, Y, points.keys(), 2, symbol);
          const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).length;
          expect(d.split("M").length - 1).toBe(finite);
          expect(d).not.toMatch(/NaN|Infinity/);
        },
      ),
    );
  });
});
