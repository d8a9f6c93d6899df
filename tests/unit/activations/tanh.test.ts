import { describe, expect, it } from "vitest";
import { tanh } from "../../../lib/activations/tanh";

describe("tanh", () => {
  it("tanh.df = 1 − tanh², equal to 1 at 0", () => {
    expect(tanh.df(0)).toBe(1);
    const t = Math.tanh(0.7);
    expect(tanh.df(0.7)).toBeCloseTo(1 - t * t, 15);
  });
  it("tanh.f saturates at ±1000", () => {
    expect(tanh.f(1000)).toBe(1);
    expect(tanh.f(-1000)).toBe(-1);
    expect(tanh.df(1000)).toBe(0);
  });
});
