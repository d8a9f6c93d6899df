import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { losses, type Loss } from "../../../lib/losses";
import { Tensor } from "../../../lib/tensor/tensor";
import { seeded } from "../helpers";

/** Random (input, target) pairs suited to each loss: probabilities for bce, class indices or one-hot for softmaxCe. */
function sample(name: string, n: number, m: number, seed: number): { input: Tensor; Y: Tensor } {
  const rng = seeded(seed),
    input = new Tensor([n, m]);
  let Y = new Tensor([n, m]);
  for (let i = 0; i < input.size; i++) {
    input.data[i] = name === "bce" ? rng.uniform(0.05, 0.95) : rng.normal(0, 2);
    Y.data[i] = name === "bce" || name === "bceWithLogits" ? rng.next() : rng.normal(0, 2);
  }
  if (name === "softmaxCe") {
    Y = new Tensor([1, m]);
    for (let j = 0; j < m; j++) Y.data[j] = rng.int(n);
  }
  return { input, Y };
}

function central(loss: Loss, input: Tensor, Y: Tensor, reduction: "mean" | "sum", h = 1e-6): Float64Array {
  const g = new Float64Array(input.size);
  for (let i = 0; i < input.size; i++) {
    const v = input.data[i];
    input.data[i] = v + h;
    const up = loss.compute(input, Y, reduction).loss;
    input.data[i] = v - h;
    const down = loss.compute(input, Y, reduction).loss;
    input.data[i] = v;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

describe("losses", () => {
  for (const loss of Object.values(losses) as Loss[]) {
    it(`${loss.name}.compute grad matches central differences for both reductions, and dA = m·grad(mean)`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, m, seed) => {
          const { input, Y } = sample(loss.name, loss.name === "softmaxCe" ? n + 1 : n, m, seed);
          for (const reduction of ["mean", "sum"] as const) {
            const r = loss.compute(input, Y, reduction),
              num = central(loss, input, Y, reduction);
            for (let i = 0; i < num.length; i++)
              expect(Math.abs(r.grad.data[i] - num[i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(num[i])));
          }
          const mean = loss.compute(input, Y);
          for (let i = 0; i < input.size; i++) expect(mean.dA.data[i]).toBeCloseTo(m * mean.grad.data[i], 12);
          const dA = new Tensor(input.shape);
          expect(loss.computeInto(dA, input, Y)).toBeCloseTo(mean.loss, 14);
          expect(Array.from(dA.data)).toEqual(Array.from(mean.dA.data));
        }),
        { seed: 42, numRuns: 15 },
      );
    });
  }

  it("losses.*.compute rejects an unknown reduction", () => {
    expect(() => losses.mse.compute(new Tensor([1, 1]), new Tensor([1, 1]), "avg" as "mean")).toThrow(/unknown reduction 'avg'/);
  });
});
