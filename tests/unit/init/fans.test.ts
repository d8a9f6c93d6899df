import { describe, expect, it } from "vitest";
import { calculateGain, fans } from "../../../lib/init/fans";

describe("fans", () => {
  it("fans reads (fanOut, fanIn) or a [fanOut, fanIn] shape", () => {
    expect(fans(4, 3)).toEqual({ fanOut: 4, fanIn: 3 });
    expect(fans([4, 3])).toEqual({ fanOut: 4, fanIn: 3 });
    expect(() => fans(4)).toThrow(/positive integers/);
  });
  it("calculateGain matches torch.nn.init.calculate_gain", () => {
    expect(calculateGain("tanh")).toBe(5 / 3);
    expect(calculateGain("relu")).toBe(Math.SQRT2);
    expect(calculateGain("leakyRelu", 0.2)).toBeCloseTo(Math.sqrt(2 / 1.04), 15);
    expect(calculateGain("sigmoid")).toBe(1);
  });
});
