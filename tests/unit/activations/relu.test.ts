import { describe, expect, it } from "vitest";
import { relu } from "../../../lib/activations/relu";

describe("relu", () => {
  it("relu.f clips negatives to 0", () => {
    expect(relu.f(-2)).toBe(0);
    expect(relu.f(3)).toBe(3);
  });
  it("relu.df(0) is 0, as in PyTorch", () => {
    expect(relu.df(0)).toBe(0);
    expect(relu.df(1e-12)).toBe(1);
    expect(relu.df(-5)).toBe(0);
  });
});
