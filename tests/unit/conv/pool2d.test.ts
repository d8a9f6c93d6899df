import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AvgPool2dOptions,
  Tensor,
  avgPool2d,
  avgPool2dBackward,
  createRng,
  maxPool2d,
  maxPool2dBackward,
  pool2dOutputShape,
  poolOutputSize,
} from "../../../lib";
import { dot, maxRelDiff, numericGrad, randn } from "./fd";

// X = 1 3 | 2 0      2×2 windows:  max 4 at (1,0) → index 1·4 + 0 = 4;   max 5 at (1,3) → 7
//     4 2 | 1 5                    max 2 first at (3,0) → 12 (a tie with (3,1));   max 3 first at (2,2) → 10
//     ----+----                    means: 10/4 = 2.5, 8/4 = 2, 5/4 = 1.25, 7/4 = 1.75
//     0 1 | 3 3
//     2 2 | 1 0
const X44 = () => new Tensor([1, 1, 4, 4], [1, 3, 2, 0, 4, 2, 1, 5, 0, 1, 3, 3, 2, 2, 1, 0]);
const X33 = () => new Tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);

describe("maxPool2d", () => {
  it("maxPool2d of a 4×4 image with 2×2 windows, worked by hand (values and PyTorch's flat indices)", () => {
    const { output, indices } = maxPool2d(X44(), 2);
    expect(output.shape).toEqual([1, 1, 2, 2]);
    expect([...output.data]).toEqual([4, 5, 2, 3]);
    expect([...indices.data]).toEqual([4, 7, 12, 10]);
  });

  it("maxPool2d treats padding as −∞ and indexes the unpadded plane", () => {
    // 3×3 padded by 1, 2×2 windows with stride 2: rows/cols {−1, 0} and {1, 2}.
    const { output, indices } = maxPool2d(X33(), 2, { stride: 2, padding: 1 });
    expect([...output.data]).toEqual([1, 3, 7, 9]);
    expect([...indices.data]).toEqual([0, 2, 6, 8]);
  });

  it("maxPool2d lets a NaN win its window, as PyTorch", () => {
    const { output, indices } = maxPool2d(new Tensor([1, 1, 1, 3], [1, Number.NaN, 5]), [1, 3]);
    expect(output.data[0]).toBeNaN();
    expect(indices.data[0]).toBe(1);
  });

  it("maxPool2d rejects padding above half the kernel", () => {
    expect(() => maxPool2d(X33(), 2, { padding: 2 })).toThrow(RangeError);
  });

  it("pool2dOutputShape follows poolOutputSize (floor) on each axis", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        (H, W, k, s, p) => {
          fc.pre(2 * p <= k && H + 2 * p >= k && W + 2 * p >= k);
          expect(pool2dOutputShape([2, 3, H, W], k, { stride: s, padding: p })).toEqual([
            2,
            3,
            poolOutputSize(H, k, s, p),
            poolOutputSize(W, k, s, p),
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("maxPool2dBackward", () => {
  it("maxPool2dBackward adds the gradients of overlapping windows that share a maximum", () => {
    // 3×3 windows, stride 1, padding 1: every one of the nine windows holds the centre 9, so dX[centre] = Σ dY = 45.
    const X = new Tensor([1, 1, 3, 3], [1, 1, 1, 1, 9, 1, 1, 1, 1]);
    const { indices } = maxPool2d(X, 3, { stride: 1, padding: 1 });
    const dY = new Tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...maxPool2dBackward(dY, indices, X.shape).data]).toEqual([0, 0, 0, 0, 45, 0, 0, 0, 0]);
  });

  const cases: [string, number | [number, number], { stride?: number | [number, number]; padding?: number | [number, number] }][] = [
    ["2×2, stride 2", 2, {}],
    ["3×3, stride 1, padding 1 (overlapping)", 3, { stride: 1, padding: 1 }],
    ["2×3, stride (1, 2), padding (1, 0)", [2, 3], { stride: [1, 2], padding: [1, 0] }],
  ];
  for (const [label, k, o] of cases) {
    it(`maxPool2dBackward matches finite differences (${label})`, () => {
      const rng = createRng(11);
      const X = randn(rng, [2, 2, 5, 6]);
      const G = randn(rng, pool2dOutputShape(X.shape, k, o));
      const L = () => dot(maxPool2d(X, k, o).output.data, G.data);
      const dX = maxPool2dBackward(G, maxPool2d(X, k, o).indices, X.shape);
      expect(maxRelDiff(dX.data, numericGrad(L, X.data))).toBeLessThan(1e-7);
    });
  }

  it("maxPool2dBackward passes on exactly Σ dY, and each output is the largest input of its window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), (seed, k, s) => {
        const rng = createRng(seed);
        const X = randn(rng, [1, 2, 5, 5]);
        const { output, indices } = maxPool2d(X, k, { stride: s });
        const G = randn(rng, output.shape);
        const dX = maxPool2dBackward(G, indices, X.shape);
        expect(dX.data.reduce((a, b) => a + b, 0)).toBeCloseTo(
          G.data.reduce((a, b) => a + b, 0),
          10,
        );
        const [, , Ho, Wo] = output.shape;
        for (let c = 0; c < 2; c++)
          for (let i = 0; i < Ho; i++)
            for (let j = 0; j < Wo; j++)
              for (let u = 0; u < k; u++)
                for (let v = 0; v < k; v++)
                  expect(output.data[(c * Ho + i) * Wo + j]).toBeGreaterThanOrEqual(X.data[(c * 5 + i * s + u) * 5 + j * s + v]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("avgPool2d", () => {
  it("avgPool2d of a 4×4 image with 2×2 windows, worked by hand", () => {
    expect([...avgPool2d(X44(), 2).data]).toEqual([2.5, 2, 1.25, 1.75]);
  });

  it("avgPool2d counts padded zeros in the mean by default, as PyTorch, and not with countIncludePad false", () => {
    // Windows of the padded 3×3: {1}, {2, 3}, {4, 7}, {5, 6, 8, 9}; divided by 4, or by 1, 2, 2, 4.
    expect([...avgPool2d(X33(), 2, { stride: 2, padding: 1 }).data]).toEqual([0.25, 1.25, 2.75, 7]);
    expect([...avgPool2d(X33(), 2, { stride: 2, padding: 1, countIncludePad: false }).data]).toEqual([1, 2.5, 5.5, 7]);
  });

  it("avgPool2dBackward shares each gradient equally over its window, worked by hand", () => {
    // 2×2 windows, stride 1, on 3×3: the centre is in all four windows, edges in two, corners in one; dY = 4 each.
    expect([...avgPool2dBackward(Tensor.full([1, 1, 2, 2], 4), [1, 1, 3, 3], 2, { stride: 1 }).data]).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
  });

  const cases: [string, number | [number, number], AvgPool2dOptions][] = [
    ["2×2, stride 2", 2, {}],
    ["3×3, stride 1, padding 1", 3, { stride: 1, padding: 1 }],
    ["3×3, stride 2, padding 1, countIncludePad false", 3, { stride: 2, padding: 1, countIncludePad: false }],
    ["2×3, stride (1, 2), padding (1, 0)", [2, 3], { stride: [1, 2], padding: [1, 0] }],
  ];
  for (const [label, k, o] of cases) {
    it(`avgPool2dBackward matches finite differences (${label})`, () => {
      const rng = createRng(12);
      const X = randn(rng, [2, 2, 5, 6]);
      const G = randn(rng, pool2dOutputShape(X.shape, k, o));
      const L = () => dot(avgPool2d(X, k, o).data, G.data);
      expect(maxRelDiff(avgPool2dBackward(G, X.shape, k, o).data, numericGrad(L, X.data))).toBeLessThan(1e-7);
    });
  }

  it("avgPool2dBackward is the adjoint of avgPool2d: ⟨avgPool2d(X), G⟩ = ⟨X, dX⟩", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1 }), (seed, s, p) => {
        const rng = createRng(seed);
        const X = randn(rng, [1, 2, 5, 4]);
        const Y = avgPool2d(X, 2, { stride: s, padding: p });
        const G = randn(rng, Y.shape);
        expect(dot(X.data, avgPool2dBackward(G, X.shape, 2, { stride: s, padding: p }).data)).toBeCloseTo(dot(Y.data, G.data), 10);
      }),
      { numRuns: 100 },
    );
  });
});
