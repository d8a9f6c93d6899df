import { describe, expect, it } from "vitest";
import { linear } from "../../../lib/activations/linear";

describe("linear", () => {
  it("linear.f is the identity and linear.df is 1", () => {
    expect(linear.f(-3.5)).toBe(-3.5);
    expect(linear.df(123)).toBe(1);
  });
});
