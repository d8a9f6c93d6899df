import { describe, expect, it } from "vitest";
import { ganDiscriminatorLoss, ganGeneratorLoss, bce, Tensor } from "../../../lib";

describe("GAN losses", () => {
  it("ganDiscriminatorLoss is 2 ln 2 when D answers 0.5 everywhere", () => {
    expect(ganDiscriminatorLoss([0.5, 0.5], [0.5])).toBeCloseTo(2 * Math.LN2, 12);
  });
  it("ganDiscriminatorLoss equals BCE on reals (label 1) plus BCE on fakes (label 0)", () => {
    const real = [0.9, 0.7, 0.6],
      fake = [0.2, 0.4];
    const expected = bce(Tensor.from([real]), Tensor.from([[1, 1, 1]])).loss + bce(Tensor.from([fake]), Tensor.from([[0, 0]])).loss;
    expect(ganDiscriminatorLoss(real, fake)).toBeCloseTo(expected, 12);
  });
  it("ganGeneratorLoss is −mean log D(G(z))", () => {
    expect(ganGeneratorLoss([0.1, 0.3])).toBeCloseTo(-(Math.log(0.1) + Math.log(0.3)) / 2, 12);
  });
});
