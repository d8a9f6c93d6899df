import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { orthogonal } from "../../../lib/init/orthogonal";
import { createRng } from "../../../lib/random/rng";
import type { Tensor } from "../../../lib/tensor/tensor";

/** Entry (a, b) of W·Wᵀ (rows) or Wᵀ·W (columns). */
function gram(W: Tensor, byRows: boolean): number[][] {
  const [R, C] = W.shape,
    n = byRows ? R : C;
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      let s = 0;
      if (byRows) for (let j = 0; j < C; j++) s += W.data[a * C + j] * W.data[b * C + j];
      else for (let i = 0; i < R; i++) s += W.data[i * C + a] * W.data[i * C + b];
      return s;
    }),
  );
}

describe("orthogonal", () => {
  it("orthogonal(rng, 16, 16, { gain }) has W·Wᵀ = gain²·I", () => {
    const G = gram(orthogonal(createRng(1), 16, 16, { gain: 0.9 }), true);
    G.forEach((row, a) => row.forEach((v, b) => expect(v).toBeCloseTo(a === b ? 0.81 : 0, 12)));
  });

  it("orthogonal keeps the norm of every vector times the gain, for any size and gain", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (n, gain, seed) => {
          const W = orthogonal(createRng(seed), n, n, { gain }),
            rng = createRng(seed + 1);
          const v = Array.from({ length: n }, () => rng.normal());
          const Wv = Array.from({ length: n }, (_, i) => v.reduce((s, vj, j) => s + W.data[i * n + j] * vj, 0));
          const norm = (a: number[]) => Math.sqrt(a.reduce((s, x) => s + x * x, 0));
          expect(norm(Wv)).toBeCloseTo(gain * norm(v), 9);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("orthogonal gives orthonormal rows when wide and orthonormal columns when tall", () => {
    for (const [shape, byRows] of [
      [[3, 7], true],
      [[7, 3], false],
    ] as const) {
      const W = orthogonal(createRng(4), shape[0], shape[1]);
      expect(W.shape).toEqual(shape);
      gram(W, byRows).forEach((row, a) => row.forEach((v, b) => expect(v).toBeCloseTo(a === b ? 1 : 0, 12)));
    }
  });

  it("orthogonal with the same seed gives the same matrix", () => {
    expect(Array.from(orthogonal(createRng(5), 4, 4).data)).toEqual(Array.from(orthogonal(createRng(5), [4, 4]).data));
  });
});
