import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { softmax, softmaxEntropy, softmaxJacobian, softmaxJacobianNorm } from "../../../lib";

describe("softmax spread", () => {
  it("softmaxEntropy is ln n for a uniform row and 0 for a one-hot row", () => {
    expect(softmaxEntropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 14);
    expect(softmaxEntropy([0, 1, 0])).toBe(0);
    // By hand: −(0.9 ln 0.9 + 0.1 ln 0.1) = 0.325083
    expect(softmaxEntropy([0.9, 0.1])).toBeCloseTo(0.325083, 6);
  });

  it("softmaxJacobianNorm equals the Frobenius norm of the formed Jacobian", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 12 }), (z) => {
        const J = softmaxJacobian(z);
        const frob = Math.sqrt(J.flat().reduce((s, v) => s + v * v, 0));
        expect(softmaxJacobianNorm(softmax(z))).toBeCloseTo(frob, 10);
      }),
    );
  });

  it("softmaxJacobianNorm is 0 for a one-hot row and √(1/n − 1/n²) for a uniform one", () => {
    expect(softmaxJacobianNorm([0, 1, 0])).toBe(0);
    expect(softmaxJacobianNorm([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.sqrt(1 / 4 - 1 / 16), 14);
  });
});
