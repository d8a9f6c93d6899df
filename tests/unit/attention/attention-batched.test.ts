import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AttentionOptions, Tensor, attentionBackward, attentionForward, createRng, scaledDotProductAttention } from "../../../lib";
import { dot, maxRelDiff, numericGrad, randn } from "../conv/fd";

const rows = (T: Tensor, b: number, L: number, w: number) =>
  Array.from({ length: L }, (_, i) => Array.from(T.data.slice((b * L + i) * w, (b * L + i + 1) * w)));

describe("attentionForward", () => {
  it("attentionForward of one query over two keys, worked by hand", () => {
    // scores = [1, 0]/√2; weights = [σ(1/√2), 1 − σ(1/√2)] = [0.66955, 0.33045]; output = 1·w0 + 3·w1.
    const { output, weights } = attentionForward(new Tensor([1, 2], [1, 0]), new Tensor([2, 2], [1, 0, 0, 1]), new Tensor([2, 1], [1, 3]));
    const w0 = 1 / (1 + Math.exp(-1 / Math.SQRT2));
    expect(weights.data[0]).toBeCloseTo(w0, 14);
    expect(weights.data[1]).toBeCloseTo(1 - w0, 14);
    expect(output.data[0]).toBeCloseTo(w0 + 3 * (1 - w0), 14);
  });

  it("attentionForward with a causal mask averages the values seen so far when all scores are equal", () => {
    // Zero queries give equal scores, so query i weighs keys 0..i by 1/(i + 1): outputs 3, (3 + 6)/2, (3 + 6 + 9)/3.
    const { output, weights } = attentionForward(new Tensor([3, 1]), new Tensor([3, 1]), new Tensor([3, 1], [3, 6, 9]), { causal: true });
    expect([...output.data]).toEqual([3, 4.5, 6]);
    expect([...weights.data].map((w) => +w.toFixed(6))).toEqual([1, 0, 0, 0.5, 0.5, 0, 0.333333, 0.333333, 0.333333]);
  });

  it("attentionForward agrees with the rows-based scaledDotProductAttention for every batch entry", () => {
    const rng = createRng(1);
    const Q = randn(rng, [2, 3, 4]),
      K = randn(rng, [2, 5, 4]),
      V = randn(rng, [2, 5, 2]);
    const { output, weights } = attentionForward(Q, K, V);
    for (let b = 0; b < 2; b++) {
      const ref = scaledDotProductAttention(rows(Q, b, 3, 4), rows(K, b, 5, 4), rows(V, b, 5, 2));
      expect(maxRelDiff(Float64Array.from(ref.output.flat()), output.data.slice(b * 6, b * 6 + 6))).toBeLessThan(1e-14);
      expect(maxRelDiff(Float64Array.from(ref.weights.flat()), weights.data.slice(b * 15, b * 15 + 15))).toBeLessThan(1e-14);
    }
  });

  it("attentionForward weights are rows summing to 1, and causal rows ignore later keys and values", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (seed, Lq, Lk) => {
        const rng = createRng(seed);
        const Q = randn(rng, [2, Lq, 3]),
          K = randn(rng, [2, Lk, 3]),
          V = randn(rng, [2, Lk, 2]);
        const a = attentionForward(Q, K, V, { causal: true });
        for (let r = 0; r < 2 * Lq; r++) expect(a.weights.data.slice(r * Lk, r * Lk + Lk).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
        // Change the last key and value: only queries i ≥ Lk − 1 may see them.
        for (const T of [K, V]) for (let b = 0; b < 2; b++) T.data[(b * Lk + Lk - 1) * T.shape[2]] += 5;
        const c = attentionForward(Q, K, V, { causal: true });
        for (let b = 0; b < 2; b++)
          for (let i = 0; i < Math.min(Lq, Lk - 1); i++)
            for (let e = 0; e < 2; e++) expect(c.output.data[(b * Lq + i) * 2 + e]).toBe(a.output.data[(b * Lq + i) * 2 + e]);
      }),
      { numRuns: 60 },
    );
  });

  it("attentionForward stays finite with huge scores and rejects mismatched shapes", () => {
    const { output } = attentionForward(new Tensor([1, 1], [1000]), new Tensor([2, 1], [1000, -1000]), new Tensor([2, 1], [1, 2]));
    expect(output.data[0]).toBe(1);
    expect(() => attentionForward(new Tensor([2, 3]), new Tensor([2, 4]), new Tensor([2, 1]))).toThrow(RangeError);
    expect(() => attentionForward(new Tensor([2, 3]), new Tensor([2, 3]), new Tensor([3, 1]))).toThrow(RangeError);
  });
});

describe("attentionBackward", () => {
  it("attentionBackward of one query over two keys, worked by hand", () => {
    // With dO = [1]: dV = Pᵀ·dO = [w0, w1]; dP = dO·Vᵀ = [1, 3], rowsum(P ⊙ dP) = w0 + 3w1, so
    // dS = [w0(1 − w0 − 3w1), w1(3 − w0 − 3w1)] = [−2w0w1, 2w0w1]; dQ = dS·K/√2 = [−2w0w1, 2w0w1]/√2.
    const Q = new Tensor([1, 2], [1, 0]),
      K = new Tensor([2, 2], [1, 0, 0, 1]),
      V = new Tensor([2, 1], [1, 3]);
    const { weights } = attentionForward(Q, K, V);
    const { dQ, dV } = attentionBackward(new Tensor([1, 1], [1]), Q, K, V, weights);
    const w0 = 1 / (1 + Math.exp(-1 / Math.SQRT2)),
      w1 = 1 - w0;
    expect(dV.data[0]).toBeCloseTo(w0, 14);
    expect(dV.data[1]).toBeCloseTo(w1, 14);
    expect(dQ.data[0]).toBeCloseTo((-2 * w0 * w1) / Math.SQRT2, 14);
    expect(dQ.data[1]).toBeCloseTo((2 * w0 * w1) / Math.SQRT2, 14);
  });

  const cases: [string, number, number, AttentionOptions][] = [
    ["no mask, Lq < Lk", 3, 5, {}],
    ["causal, Lq = Lk", 4, 4, { causal: true }],
    ["causal, Lq > Lk", 5, 3, { causal: true }],
    ["causal, Lq < Lk, custom scale", 2, 4, { causal: true, scale: 0.7 }],
  ];
  for (const [label, Lq, Lk, o] of cases) {
    it(`attentionBackward matches finite differences for dQ, dK and dV (${label})`, () => {
      const rng = createRng(Lq * 10 + Lk);
      const Q = randn(rng, [2, Lq, 3]),
        K = randn(rng, [2, Lk, 3]),
        V = randn(rng, [2, Lk, 2]);
      const G = randn(rng, [2, Lq, 2]); // L = Σ G ⊙ output, so dO = G
      const L = () => dot(attentionForward(Q, K, V, o).output.data, G.data);
      const { dQ, dK, dV } = attentionBackward(G, Q, K, V, attentionForward(Q, K, V, o).weights, o);
      expect(maxRelDiff(dQ.data, numericGrad(L, Q.data))).toBeLessThan(1e-8);
      expect(maxRelDiff(dK.data, numericGrad(L, K.data))).toBeLessThan(1e-8);
      expect(maxRelDiff(dV.data, numericGrad(L, V.data))).toBeLessThan(1e-8);
    });
  }

  it("attentionBackward gives no gradient to masked keys: with causal attention the last key only gets the last query's", () => {
    const rng = createRng(9);
    const Q = randn(rng, [3, 2]),
      K = randn(rng, [3, 2]),
      V = randn(rng, [3, 2]);
    const G = new Tensor([3, 2], [1, 1, 1, 1, 0, 0]); // the last query's output has no gradient
    const { dK, dV } = attentionBackward(G, Q, K, V, attentionForward(Q, K, V, { causal: true }).weights);
    expect([dK.data[4], dK.data[5], dV.data[4], dV.data[5]]).toEqual([0, 0, 0, 0]);
  });
});
