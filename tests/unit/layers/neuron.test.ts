import { describe, expect, it } from "vitest";
import { relu } from "../../../lib/activations/relu";
import { sigmoid } from "../../../lib/activations/sigmoid";
import { neuronForward } from "../../../lib/layers/neuron";

describe("neuronForward", () => {
  it("neuronForward computes z = w·x + b and a = g(z)", () => {
    // 0.5·2 − 0.2·1 + 0.1 = 0.9
    const { z, a } = neuronForward([0.5, -0.2], [2, 1], 0.1, relu);
    expect(z).toBeCloseTo(0.9, 15);
    expect(a).toBeCloseTo(0.9, 15);
    expect(neuronForward([1], [-3], 0, relu).a).toBe(0);
    expect(neuronForward([1], [-3], 0, sigmoid).a).toBeCloseTo(1 / (1 + Math.exp(3)), 15);
  });
  it("neuronForward throws naming both lengths when weights and inputs differ", () => {
    expect(() => neuronForward([1, 2], [1], 0, relu)).toThrow(/shapes \[2\] and \[1\]/);
  });
});
