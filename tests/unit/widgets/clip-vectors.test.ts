import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/widgets/state";
import { formatNumber } from "../../../src/charts/format";
import {
  angleBetween,
  box,
  circle,
  clipVectors,
  clipVectorsSchema,
  directionText,
  extent,
  pointToG,
  type ClipVectorsState,
} from "../../../src/widgets/clip-vectors-model";

const base = (over: Partial<ClipVectorsState> = {}): ClipVectorsState => ({ ...defaults(clipVectorsSchema), ...over });

describe("clip vectors model", () => {
  it("clipVectors clips (1.5, 6) at c = 2: by norm to length 2 on the same line, by value to (1.5, 2)", () => {
    const r = clipVectors(base());
    const n = Math.hypot(1.5, 6),
      k = 2 / (n + 1e-6);
    expect(r.g.norm).toBeCloseTo(6.18466, 5);
    expect(r.byNorm.v).toEqual([1.5 * k, 6 * k]);
    expect(r.byNorm.norm).toBeCloseTo(2, 6);
    expect(r.byNorm.angle).toBeCloseTo(r.g.angle, 12);
    expect(r.byValue.v).toEqual([1.5, 2]);
    expect(r.byValue.norm).toBe(2.5);
    expect(r.byValue.angle).toBeCloseTo((Math.atan2(2, 1.5) * 180) / Math.PI, 12);
    expect(r.turn).toBeCloseTo(75.96375653 - 53.13010235, 6);
  });

  it("clipVectors changes nothing when ‖g‖ < c and every entry is within c", () => {
    const r = clipVectors(base({ gx: 0.6, gy: -0.8, threshold: 2 }));
    expect([r.byNorm.changed, r.byValue.changed]).toEqual([false, false]);
    expect(r.byNorm.v).toEqual([0.6, -0.8]);
  });

  it("clipVectors can clip by norm while no entry exceeds c, so value clipping leaves g alone", () => {
    const inside = clipVectors(base({ gx: 1.2, gy: 0.5, threshold: 1.3 })); // ‖g‖ = 1.3 exactly: the 1e-6 trims a hair
    expect(inside.byValue.changed).toBe(false);
    const r = clipVectors(base({ gx: 1.2, gy: 0.5, threshold: 1.25 })); // ‖g‖ = 1.3 > 1.25, |g₁| = 1.2 < 1.25
    expect([r.byNorm.changed, r.byValue.changed]).toEqual([true, false]);
  });

  it("clipVectors keeps the zero vector at zero with no direction", () => {
    const r = clipVectors(base({ gx: 0, gy: 0 }));
    expect(r.byNorm.v).toEqual([0, 0]);
    expect(Number.isNaN(r.g.angle)).toBe(true);
    expect(r.turn).toBe(0);
  });

  it("angleBetween measures the turn in degrees", () => {
    expect(angleBetween([1, 0], [0, 2])).toBeCloseTo(90, 12);
    expect(angleBetween([1, 1], [2, 2])).toBe(0);
    expect(angleBetween([1, 0], [-1, 0])).toBeCloseTo(180, 12);
  });

  it("extent fits g and the box with some room, at least 2", () => {
    expect(extent(base())).toBe(7);
    expect(extent(base({ gx: 0.1, gy: 0.1, threshold: 0.5 }))).toBe(2);
    expect(extent(base({ gx: -10, gy: 0, threshold: 1 }))).toBe(11.5);
  });

  it("circle and box trace ‖v‖ = c and |vᵢ| = c", () => {
    for (const p of circle(3)) expect(Math.hypot(p.x, p.y)).toBeCloseTo(3, 12);
    expect(box(2)).toEqual([
      { x: -2, y: -2 },
      { x: 2, y: -2 },
      { x: 2, y: 2 },
      { x: -2, y: 2 },
      { x: -2, y: -2 },
    ]);
  });

  it("pointToG maps the frame to [−E, E] with y up, rounds to 0.1 and clamps to the slider range", () => {
    const frame = { left: 40, top: 10, side: 200 };
    expect(pointToG(140, 110, frame, 5)).toEqual({ gx: 0, gy: 0 });
    expect(pointToG(240, 10, frame, 5)).toEqual({ gx: 5, gy: 5 });
    expect(pointToG(40 + 200 * 0.62, 10 + 200 * 0.87, frame, 5)).toEqual({ gx: 1.2, gy: -3.7 });
    expect(pointToG(240, 210, frame, 20)).toEqual({ gx: 10, gy: -10 });
  });

  it("directionText says the zero vector has no direction instead of printing a number", () => {
    const r = clipVectors(base({ gx: 0, gy: 0 }));
    for (const v of [r.g, r.byNorm, r.byValue]) {
      const text = directionText(v, formatNumber);
      expect(text).toBe("none (zero vector)");
      expect(text).not.toMatch(/\d|°|NaN|diverged/);
    }
    expect(directionText(clipVectors(base({ gx: 0, gy: 3 })).byNorm, formatNumber)).toBe("90°");
  });
});
