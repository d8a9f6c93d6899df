import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { softmax, softmaxBackward, softmaxColumns, softmaxJacobian } from "../../../lib/activations/softmax";
import { Tensor } from "../../../lib/tensor/tensor";

const total = (p: number[]) => p.reduce((a, b) => a + b, 0);

describe("softmax", () => {
  it("softmax(z) sums to 1 and ignores a constant shift", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (z, c) => {
          const p = softmax(z),
            q = softmax(z.map((v) => v + c));
          expect(total(p)).toBeCloseTo(1, 12);
          p.forEach((pi, i) => expect(pi).toBeCloseTo(q[i], 9));
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });
  it("softmax([1000, 0, -1000]) is [1, 0, 0] with no NaN", () => {
    expect(softmax([1000, 0, -1000])).toEqual([1, 0, 0]);
  });
  it("softmaxJacobian matches central differences of softmax", () => {
    const z = [0.3, -1.2, 2.0, 0.5],
      J = softmaxJacobian(z),
      h = 1e-6;
    for (let j = 0; j < z.length; j++) {
      const up = softmax(z.map((v, k) => (k === j ? v + h : v))),
        down = softmax(z.map((v, k) => (k === j ? v - h : v)));
      for (let i = 0; i < z.length; i++) expect(J[i][j]).toBeCloseTo((up[i] - down[i]) / (2 * h), 9);
    }
  });
  it("softmaxBackward equals the Jacobian-transpose product", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 6 }), (z) => {
        const dp = z.map((_, i) => Math.sin(i + 1)),
          J = softmaxJacobian(z),
          dz = softmaxBackward(softmax(z), dp);
        dz.forEach((v, j) =>
          expect(v).toBeCloseTo(
            J.reduce((s, row, i) => s + row[j] * dp[i], 0),
            12,
          ),
        );
      }),
      { seed: 42, numRuns: 30 },
    );
  });
  it("softmaxColumns applies softmax to each column", () => {
    const P = softmaxColumns(
      Tensor.from([
        [0, 1000, 1],
        [0, 0, 2],
      ]),
    );
    const expected = [
      [0.5, 1, softmax([1, 2])[0]],
      [0.5, 0, softmax([1, 2])[1]],
    ];
    expected.forEach((row, i) => row.forEach((v, j) => expect(P.get(i, j)).toBeCloseTo(v, 15)));
  });
});
