import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { partitionAt } from "../../../lib/check/partition";
import { tensorStats } from "../../../lib/check/layer-stats";
import { Tensor } from "../../../lib/tensor/tensor";

describe("partitionAt", () => {
  it("partitionAt places each wanted rank as a sort would, smaller values before it and greater after", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(400), { maxLength: 12 }),
        (xs, rs) => {
          const sorted = Float64Array.from(xs).sort(),
            ranks = rs.map((r) => r % xs.length),
            v = partitionAt(Float64Array.from(xs), ranks);
          for (const r of ranks) {
            expect(v[r]).toBe(sorted[r]);
            for (let i = 0; i < r; i++) expect(v[i]).toBeLessThanOrEqual(v[r]);
            for (let i = r + 1; i < v.length; i++) expect(v[i]).toBeGreaterThanOrEqual(v[r]);
          }
          expect(Array.from(v).sort((a, b) => a - b)).toEqual(Array.from(sorted));
        },
      ),
    );
  });
  it("partitionAt handles sorted, reversed and constant input of 5000 values", () => {
    const up = Float64Array.from({ length: 5000 }, (_, i) => i);
    for (const v of [up.slice(), up.slice().reverse(), new Float64Array(5000).fill(3)]) {
      const sorted = v.slice().sort();
      partitionAt(v, [249, 250, 2499, 4750]);
      for (const r of [249, 250, 2499, 4750]) expect(v[r]).toBe(sorted[r]);
    }
  });
});

describe("tensorStats with partitionAt", () => {
  /** The former definition: quantiles, min and max from a full sort. */
  const bySort = (xs: number[], probs: number[]) => {
    const s = Float64Array.from(xs).sort(),
      n = s.length;
    const q = probs.map((p) => {
      const pos = (n - 1) * p,
        k = Math.floor(pos);
      return k + 1 < n ? s[k] + (s[k + 1] - s[k]) * (pos - k) : s[k];
    });
    return { q, min: s[0], max: s[n - 1] };
  };
  it("tensorStats gives exactly the quantiles, min and max of a full sort, also with NaN, ±Infinity and −0", () => {
    const probs = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.constantFrom(0, -0, Infinity, -Infinity, 1, 1));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), (xs) => {
        const s = tensorStats(Tensor.from(xs), probs),
          ref = bySort(xs, probs);
        expect(s.quantiles).toEqual(ref.q);
        expect(s.min).toEqual(ref.min);
        expect(s.max).toEqual(ref.max);
      }),
    );
  });
});
