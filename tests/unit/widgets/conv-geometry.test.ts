import { describe, expect, it } from "vitest";
import { geometry } from "../../../src/widgets/conv-geometry-model";

describe("conv-geometry model", () => {
  it("geometry: n = 8, k = 3, stride 2 gives 3 placements and leaves the last pixel unread (the floor)", () => {
    const g = geometry({ n: 8, k: 3, p: 0, s: 2, d: 1 });
    expect(g.out).toBe(3);
    expect(g.placements).toEqual([
      [0, 1, 2],
      [2, 3, 4],
      [4, 5, 6],
    ]);
    expect(g.unread).toEqual([7]);
    expect(g.leftover).toBe(1);
    expect(g.shape).toEqual([1, 1, 3, 3]);
  });
  it("geometry: same padding keeps the size, and padding positions are offset by p", () => {
    const g = geometry({ n: 5, k: 3, p: 1, s: 1, d: 1 });
    expect(g.out).toBe(5);
    expect(g.padded).toBe(7);
    expect(g.unread).toEqual([]);
  });
  it("geometry: dilation 2 spreads the taps two apart and widens the span to 5", () => {
    const g = geometry({ n: 7, k: 3, p: 0, s: 1, d: 2 });
    expect(g.span).toBe(5);
    expect(g.placements?.[0]).toEqual([0, 2, 4]);
    expect(g.out).toBe(3);
  });
  it("geometry reports the engine's error when the kernel does not fit", () => {
    const g = geometry({ n: 3, k: 5, p: 0, s: 1, d: 1 });
    expect(g.error).toMatch(/spans 5 inputs/);
  });
});
