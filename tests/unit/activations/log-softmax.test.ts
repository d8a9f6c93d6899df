import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tensor, logSoftmax, logSoftmaxBackward, logSoftmaxColumnsBackwardInto, logSoftmaxColumnsInto, softmax } from "../../../lib";

const vec = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 });

describe("logSoftmax", () => {
  it("logSoftmax of [1, 2, 3], worked by hand", () => {
    // log Σ e^z = 3 + log(1 + e^−1 + e^−2) = 3 + log(1.503214724) = 3.407605964; subtract it from each z.
    const y = logSoftmax([1, 2, 3]);
    expect(y[0]).toBeCloseTo(-2.407605964, 9);
    expect(y[1]).toBeCloseTo(-1.407605964, 9);
    expect(y[2]).toBeCloseTo(-0.407605964, 9);
    expect(logSoftmax([0, 0])).toEqual([-Math.LN2, -Math.LN2]);
  });

  it("logSoftmax stays finite where log(softmax) underflows", () => {
    expect(logSoftmax([1000, 0])).toEqual([0, -1000]);
    expect(Math.log(softmax([1000, 0])[1])).toBe(Number.NEGATIVE_INFINITY);
    for (const v of logSoftmax([-1000, -1000])) expect(v).toBeCloseTo(-Math.LN2, 12);
  });

  it("logSoftmax exponentiates to probabilities summing to 1, equals log(softmax) and ignores a shift of z", () => {
    fc.assert(
      fc.property(vec, fc.double({ min: -100, max: 100, noNaN: true }), (z, c) => {
        const y = logSoftmax(z);
        expect(y.reduce((s, v) => s + Math.exp(v), 0)).toBeCloseTo(1, 12);
        softmax(z).forEach((p, i) => expect(y[i]).toBeCloseTo(Math.log(p), 9));
        logSoftmax(z.map((v) => v + c)).forEach((v, i) => expect(v).toBeCloseTo(y[i], 9));
      }),
    );
  });
});

describe("logSoftmaxBackward", () => {
  it("logSoftmaxBackward with dy = −one_hot gives softmax − one_hot (the cross-entropy gradient)", () => {
    const z = [0.5, -1, 2];
    const dz = logSoftmaxBackward(logSoftmax(z), [0, -1, 0]);
    const p = softmax(z);
    dz.forEach((v, i) => expect(v).toBeCloseTo(p[i] - (i === 1 ? 1 : 0), 14));
  });

  it("logSoftmaxBackward matches finite differences of Σ dy ⊙ log_softmax(z)", () => {
    fc.assert(
      fc.property(vec, fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8, maxLength: 8 }), (z, g) => {
        const dy = g.slice(0, z.length);
        const L = (zz: number[]) => logSoftmax(zz).reduce((s, v, i) => s + v * dy[i], 0);
        const dz = logSoftmaxBackward(logSoftmax(z), dy);
        const h = 1e-6;
        z.forEach((_, k) => {
          const up = z.slice(),
            down = z.slice();
          up[k] += h;
          down[k] -= h;
          expect(dz[k]).toBeCloseTo((L(up) - L(down)) / (2 * h), 5);
        });
      }),
      { numRuns: 50 },
    );
  });
});

describe("logSoftmaxColumnsInto", () => {
  it("logSoftmaxColumnsInto works column by column and in place; logSoftmaxColumnsBackwardInto matches the vector form", () => {
    const Z = Tensor.from([
      [1, 1000],
      [2, 0],
      [3, 0],
    ]);
    const Y = logSoftmaxColumnsInto(new Tensor([3, 2]), Z);
    const a = logSoftmax([1, 2, 3]);
    expect([Y.get(0, 0), Y.get(1, 0), Y.get(2, 0)]).toEqual(a);
    expect([Y.get(0, 1), Y.get(1, 1)]).toEqual([0, -1000]);
    const dY = Tensor.from([
      [0.3, -1],
      [-0.2, 0.5],
      [1, 0],
    ]);
    const dZ = logSoftmaxColumnsBackwardInto(new Tensor([3, 2]), Y, dY);
    const ref = logSoftmaxBackward(a, [0.3, -0.2, 1]);
    expect([dZ.get(0, 0), dZ.get(1, 0), dZ.get(2, 0)]).toEqual(ref);
    logSoftmaxColumnsInto(Z, Z);
    expect([...Z.data]).toEqual([...Y.data]);
  });
});
