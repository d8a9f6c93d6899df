import { describe, expect, it } from "vitest";
import { createLeakyRelu, leakyRelu } from "../../../lib/activations/leaky-relu";

describe("leakyRelu", () => {
  it("leakyRelu uses PyTorch's default slope 0.01", () => {
    expect(leakyRelu.f(-3)).toBeCloseTo(-0.03, 15);
    expect(leakyRelu.df(-3)).toBe(0.01);
    expect(leakyRelu.slope).toBe(0.01);
  });
  it("createLeakyRelu(slope) scales the negative side by that slope, including at 0", () => {
    const leaky = createLeakyRelu(0.2);
    expect(leaky.f(-1)).toBeCloseTo(-0.2, 15);
    expect(leaky.f(2)).toBe(2);
    expect(leaky.df(0)).toBe(0.2); // PyTorch: slope at the kink
    expect(leaky.name).toBe("leakyRelu");
  });
});
