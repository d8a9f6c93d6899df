import { describe, expect, it } from "vitest";
import { SGD } from "../../../lib/optim/sgd";
import { constantLr, cosineAnnealing, exponentialDecay, linearWarmup, stepDecay } from "../../../lib/optim/schedules";

describe("schedules", () => {
  it("stepDecay multiplies by γ every stepSize steps (StepLR)", () => {
    const s = stepDecay(0.1, 3, 0.5);
    // 0.1·0.5^⌊t/3⌋
    expect([0, 2, 3, 5, 6, 9].map(s)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.0125]);
    expect(stepDecay(1, 10)(10)).toBeCloseTo(0.1, 15); // PyTorch's default γ = 0.1
  });

  it("exponentialDecay multiplies by γ every step (ExponentialLR)", () => {
    const s = exponentialDecay(0.1, 0.9);
    expect(s(0)).toBe(0.1);
    expect(s(1)).toBeCloseTo(0.09, 15);
    expect(s(2)).toBeCloseTo(0.081, 15);
  });

  it("cosineAnnealing follows half a cosine from lr0 to lrMin (CosineAnnealingLR)", () => {
    const s = cosineAnnealing(0.1, 100, 0.01);
    expect(s(0)).toBeCloseTo(0.1, 15);
    // t = 50: 0.01 + 0.09·(1 + cos(π/2))/2 = 0.055
    expect(s(50)).toBeCloseTo(0.055, 15);
    // t = 25: 0.01 + 0.09·(1 + √2/2)/2
    expect(s(25)).toBeCloseTo(0.01 + (0.09 * (1 + Math.SQRT1_2)) / 2, 15);
    expect(s(100)).toBeCloseTo(0.01, 15);
    // past tMax the closed form climbs back, as PyTorch's does
    expect(s(150)).toBeCloseTo(0.055, 15);
  });

  it("linearWarmup rises linearly to the next schedule's start, then hands over", () => {
    const s = linearWarmup(4, stepDecay(0.2, 10, 0.5), 0);
    // t < 4: 0.2·t/4
    [0, 0.05, 0.1, 0.15].forEach((lr, t) => expect(s(t)).toBeCloseTo(lr, 15));
    // t ≥ 4: stepDecay's clock starts at t − 4
    expect(s(4)).toBe(0.2);
    expect(s(13)).toBe(0.2);
    expect(s(14)).toBe(0.1);
    // PyTorch LinearLR's default start factor is 1/3
    expect(linearWarmup(3, constantLr(0.3))(0)).toBeCloseTo(0.1, 15);
    expect(linearWarmup(3, constantLr(0.3))(2)).toBeCloseTo(0.1 + (0.2 * 2) / 3, 15);
  });

  it("Optimizer.lr set from a schedule before each step is the one used", () => {
    const opt = new SGD(),
      theta = Float64Array.from([0]),
      g = Float64Array.from([1]);
    const s = exponentialDecay(1, 0.5);
    for (let t = 0; t < 3; t++) {
      opt.lr = s(opt.t);
      opt.step([theta], [g]);
    }
    // θ = −(1 + 0.5 + 0.25)
    expect(theta[0]).toBeCloseTo(-1.75, 15);
  });
});
