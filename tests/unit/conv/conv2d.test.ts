import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Conv2dOptions, Tensor, conv2d, conv2dBackward, conv2dOutputShape, convOutputSize, createRng } from "../../../lib";
import { dot, maxRelDiff, numericGrad, randn } from "./fd";

// The 3×3 image and 2×2 kernel of the hand-worked examples:
//   X = 1 2 3    K = 1 2
//       4 5 6        3 4
//       7 8 9
const X33 = () => new Tensor([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
const K22 = () => new Tensor([1, 1, 2, 2], [1, 2, 3, 4]);

// An independent reference: pad X with zeros explicitly, spread the kernel's taps d apart (zeros between),
// then slide the spread kernel with stride s over the padded image.
function reference(X: Tensor, W: Tensor, b: Tensor | null, o: { s: [number, number]; p: [number, number]; d: [number, number] }): Tensor {
  const [N, C, H, Wd] = X.shape,
    [O, , kH, kW] = W.shape;
  const Hp = H + 2 * o.p[0],
    Wp = Wd + 2 * o.p[1],
    eH = o.d[0] * (kH - 1) + 1,
    eW = o.d[1] * (kW - 1) + 1;
  const padded = new Float64Array(N * C * Hp * Wp);
  for (let n = 0; n < N; n++)
    for (let c = 0; c < C; c++)
      for (let r = 0; r < H; r++)
        for (let q = 0; q < Wd; q++) padded[((n * C + c) * Hp + r + o.p[0]) * Wp + q + o.p[1]] = X.data[((n * C + c) * H + r) * Wd + q];
  const spread = new Float64Array(O * C * eH * eW);
  for (let k = 0; k < O * C; k++)
    for (let u = 0; u < kH; u++)
      for (let v = 0; v < kW; v++) spread[(k * eH + u * o.d[0]) * eW + v * o.d[1]] = W.data[(k * kH + u) * kW + v];
  const Ho = Math.floor((Hp - eH) / o.s[0]) + 1,
    Wo = Math.floor((Wp - eW) / o.s[1]) + 1;
  const Y = new Tensor([N, O, Ho, Wo]);
  for (let n = 0; n < N; n++)
    for (let k = 0; k < O; k++)
      for (let i = 0; i < Ho; i++)
        for (let j = 0; j < Wo; j++) {
          let s = b ? b.data[k] : 0;
          for (let c = 0; c < C; c++)
            for (let u = 0; u < eH; u++)
              for (let v = 0; v < eW; v++)
                s += spread[((k * C + c) * eH + u) * eW + v] * padded[((n * C + c) * Hp + i * o.s[0] + u) * Wp + j * o.s[1] + v];
          Y.data[((n * O + k) * Ho + i) * Wo + j] = s;
        }
  return Y;
}

describe("conv2d", () => {
  it("conv2d of the 3×3 image with the 2×2 kernel, worked by hand", () => {
    // Y[0,0] = 1·1 + 2·2 + 4·3 + 5·4 = 37, Y[0,1] = 2·1 + 3·2 + 5·3 + 6·4 = 47,
    // Y[1,0] = 4·1 + 5·2 + 7·3 + 8·4 = 67, Y[1,1] = 5·1 + 6·2 + 8·3 + 9·4 = 77; the bias adds 1 to each.
    const Y = conv2d(X33(), K22(), new Tensor([1], [1]));
    expect(Y.shape).toEqual([1, 1, 2, 2]);
    expect([...Y.data]).toEqual([38, 48, 68, 78]);
  });

  it("conv2d with stride 2 and padding 1, worked by hand", () => {
    // Padded to 5×5; windows start at rows/cols −1 and 1. Y[0,0] sees only X[0,0] under K[1,1]: 1·4 = 4;
    // Y[0,1] = 2·3 + 3·4 = 18; Y[1,0] = 4·2 + 7·4 = 36; Y[1,1] = 5·1 + 6·2 + 8·3 + 9·4 = 77.
    expect([...conv2d(X33(), K22(), null, { stride: 2, padding: 1 }).data]).toEqual([4, 18, 36, 77]);
  });

  it("conv2d with dilation 2 reaches the corners, worked by hand", () => {
    // The 2×2 kernel spread over 3×3 taps the four corners: 1·1 + 3·2 + 7·3 + 9·4 = 64.
    expect([...conv2d(X33(), K22(), null, { dilation: 2 }).data]).toEqual([64]);
  });

  it("conv2d is a cross-correlation: the kernel is not flipped", () => {
    // A kernel with a single 1 at its top-left copies the top-left of each window.
    const Y = conv2d(X33(), new Tensor([1, 1, 2, 2], [1, 0, 0, 0]));
    expect([...Y.data]).toEqual([1, 2, 4, 5]);
  });

  it("conv2d sums over input channels and gives one plane per output channel", () => {
    const X = new Tensor([1, 2, 1, 1], [2, 3]);
    const W = new Tensor([3, 2, 1, 1], [1, 0, 0, 1, 1, 1]);
    expect([...conv2d(X, W, new Tensor([3], [0, 0, 10])).data]).toEqual([2, 3, 15]);
  });

  it("conv2d output shape follows convOutputSize on each axis", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        (H, W, kH, kW, p, s, d) => {
          fc.pre(H + 2 * p >= d * (kH - 1) + 1 && W + 2 * p >= d * (kW - 1) + 1);
          const o = { stride: s, padding: p, dilation: d };
          const shape = conv2dOutputShape([2, 3, H, W], [4, 3, kH, kW], o);
          expect(shape).toEqual([2, 4, convOutputSize(H, kH, o), convOutputSize(W, kW, o)]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("conv2d matches an explicit pad-and-spread reference for random geometry", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 })),
        fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 })),
        fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
        (seed, s, p, d) => {
          const rng = createRng(seed);
          const X = randn(rng, [2, 2, 5, 6]),
            W = randn(rng, [3, 2, 2, 3]),
            b = randn(rng, [3]);
          const Y = conv2d(X, W, b, { stride: s, padding: p, dilation: d });
          const R = reference(X, W, b, { s, p, d });
          expect(Y.shape).toEqual(R.shape);
          expect(maxRelDiff(Y.data, R.data)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("conv2d rejects mismatched channels and a kernel larger than the padded input", () => {
    expect(() => conv2d(new Tensor([1, 2, 3, 3]), new Tensor([1, 1, 2, 2]))).toThrow(RangeError);
    expect(() => conv2d(new Tensor([1, 1, 2, 2]), new Tensor([1, 1, 3, 3]))).toThrow(RangeError);
    expect(() => conv2d(new Tensor([1, 1, 3, 3]), new Tensor([1, 1, 2, 2]), new Tensor([2]))).toThrow(RangeError);
  });
});

describe("conv2dBackward", () => {
  it("conv2dBackward of the 3×3 example with dY = 1, worked by hand", () => {
    // db = 4 (four outputs); dW[u,v] = sum of the inputs under tap (u,v): 1+2+4+5 = 12, 16, 24, 28;
    // dX[r,q] = sum of the kernel taps that touch (r,q): corners 1, 2, 3, 4; edges 1+2, 1+3, 2+4, 3+4; centre 10.
    const { dX, dW, db } = conv2dBackward(Tensor.full([1, 1, 2, 2], 1), X33(), K22());
    expect([...db.data]).toEqual([4]);
    expect([...dW.data]).toEqual([12, 16, 24, 28]);
    expect([...dX.data]).toEqual([1, 3, 2, 4, 10, 6, 3, 7, 4]);
  });

  const cases: [string, Conv2dOptions][] = [
    ["plain", {}],
    ["stride 2", { stride: 2 }],
    ["padding 1", { padding: 1 }],
    ["dilation 2", { dilation: 2 }],
    ["stride (2, 1), padding (1, 2), dilation (1, 2)", { stride: [2, 1], padding: [1, 2], dilation: [1, 2] }],
    ["stride 3 with padding 2 (windows skip inputs)", { stride: 3, padding: 2 }],
  ];
  for (const [label, o] of cases) {
    it(`conv2dBackward matches finite differences for dX, dW and db (${label})`, () => {
      const rng = createRng(7);
      const X = randn(rng, [2, 2, 5, 6]),
        W = randn(rng, [3, 2, 2, 3]),
        b = randn(rng, [3]);
      const G = randn(rng, conv2dOutputShape(X.shape, W.shape, o)); // L = Σ G ⊙ Y, so dY = G
      const L = () => dot(conv2d(X, W, b, o).data, G.data);
      const { dX, dW, db } = conv2dBackward(G, X, W, o);
      expect(maxRelDiff(dX.data, numericGrad(L, X.data))).toBeLessThan(1e-7);
      expect(maxRelDiff(dW.data, numericGrad(L, W.data))).toBeLessThan(1e-7);
      expect(maxRelDiff(db.data, numericGrad(L, b.data))).toBeLessThan(1e-7);
    });
  }

  it("conv2dBackward is the adjoint: ⟨conv2d(X, W), G⟩ = ⟨X, dX⟩ = ⟨W, dW⟩ for all inputs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 2 }), (seed, s, p) => {
        const rng = createRng(seed);
        const X = randn(rng, [1, 2, 4, 4]),
          W = randn(rng, [2, 2, 3, 3]);
        const G = randn(rng, conv2dOutputShape(X.shape, W.shape, { stride: s, padding: p }));
        const y = dot(conv2d(X, W, null, { stride: s, padding: p }).data, G.data);
        const { dX, dW } = conv2dBackward(G, X, W, { stride: s, padding: p });
        expect(dot(X.data, dX.data)).toBeCloseTo(y, 9);
        expect(dot(W.data, dW.data)).toBeCloseTo(y, 9);
      }),
      { numRuns: 100 },
    );
  });
});
