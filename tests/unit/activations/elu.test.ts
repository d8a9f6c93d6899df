import { describe, expect, it } from "vitest";
import { createElu, elu } from "../../../lib/activations/elu";

describe("elu", () => {
  it("elu.f is e^z − 1 below 0 and z above", () => {
    expect(elu.f(-1)).toBeCloseTo(Math.exp(-1) - 1, 15);
    expect(elu.f(2)).toBe(2);
    expect(elu.df(-1)).toBeCloseTo(Math.exp(-1), 15);
  });
  it("createElu(alpha) tends to −alpha far below 0", () => {
    expect(createElu(2).f(-1000)).toBe(-2);
    expect(createElu(2).df(0)).toBe(2);
  });
});
