import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { Tensor } from "../../../lib/tensor/tensor";
import { matmulInto } from "../../../lib/tensor/matmul";
import { affineInto } from "../../../lib/tensor/affine";
import { gemmKernel, WASM_MIN_WORK } from "../../../lib/tensor/wasm-gemm";

const fill = (shape: readonly number[], values: number[]) => {
  const t = new Tensor(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = values[i % values.length];
  return t;
};
/** Largest error relative to the scale of the sum, Σ_k |a_ik·b_kj| (a plain relative error is meaningless near a cancellation). */
function worstError(got: Float64Array, want: Float64Array, scale: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(scale[i], 1e-300));
  return worst;
}

afterEach(() => {
  gemmKernel.enabled = true;
});

describe("wasm gemm kernel", () => {
  it("wasmProduct loads in Node and is used above WASM_MIN_WORK only", () => {
    const A = fill([64, 64], [0.5, -1, 2]),
      B = fill([64, 64], [1, 0.25]),
      C = new Tensor([64, 64]);
    const before = gemmKernel.calls;
    matmulInto(C, A, B);
    expect(gemmKernel.state).toBe("ready");
    expect(gemmKernel.calls).toBe(before + 1);
    const small = new Tensor([4, 4]);
    matmulInto(small, fill([4, 4], [1]), fill([4, 4], [1]));
    expect(64 * 64 * 64).toBeGreaterThanOrEqual(WASM_MIN_WORK);
    expect(gemmKernel.calls).toBe(before + 1);
  });

  it("matmulInto with the kernel matches the TypeScript loop on random shapes (odd, 1×N, zero-size) to 1e-12", () => {
    const dim = fc.oneof(fc.constantFrom(0, 1, 3, 4, 5), fc.integer({ min: 0, max: 70 }));
    fc.assert(
      fc.property(
        dim,
        dim,
        dim,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(1, 0.25, -1.7),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 37 }),
        (n, K, p, transA, transB, alpha, values) => {
          const A = fill(transA ? [K, n] : [n, K], values),
            B = fill(
              transB ? [p, K] : [K, p],
              values.map((v) => v * 0.5 - 1),
            );
          const got = new Tensor([n, p]),
            want = new Tensor([n, p]),
            scale = new Tensor([n, p]);
          // Force the kernel however small the product (the threshold is a speed choice, not a correctness one).
          const calls = gemmKernel.calls;
          forceKernel(() => matmulInto(got, A, B, transA, transB, alpha));
          if (n * K * p > 0) expect(gemmKernel.calls).toBe(calls + 1);
          gemmKernel.enabled = false;
          matmulInto(want, A, B, transA, transB, alpha);
          const abs = (t: Tensor) => fill(t.shape, Array.from(t.data, Math.abs));
          matmulInto(scale, abs(A), abs(B), transA, transB, Math.abs(alpha));
          expect(worstError(got.data, want.data, scale.data)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("affineInto with the kernel matches the TypeScript loop, bias included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 23 }),
        (n, K, m, values) => {
          const W = fill([n, K], values),
            X = fill(
              [K, m],
              values.map((v) => 1 - v),
            ),
            b = fill(
              [n, 1],
              values.map((v) => v / 3),
            );
          const got = new Tensor([n, m]),
            want = new Tensor([n, m]);
          forceKernel(() => affineInto(got, W, X, b));
          gemmKernel.enabled = false;
          affineInto(want, W, X, b);
          for (let i = 0; i < want.size; i++) {
            expect(Math.abs(got.data[i] - want.data[i])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(want.data[i])));
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it("the 784-128-10 layer's products are bit-identical to the loops", () => {
    const X = fill([784, 32], [1, -0.5, 0.25]),
      dZ = fill([128, 32], [0, 0.1, -0.3]);
    const dW = new Tensor([128, 784]),
      dWref = new Tensor([128, 784]);
    matmulInto(dW, dZ, X, false, true);
    gemmKernel.enabled = false;
    matmulInto(dWref, dZ, X, false, true);
    expect(Array.from(dW.data)).toEqual(Array.from(dWref.data));
  });

  it("falls back to the TypeScript loop when the kernel is off", () => {
    gemmKernel.enabled = false;
    const calls = gemmKernel.calls,
      C = new Tensor([64, 64]);
    matmulInto(C, fill([64, 64], [1]), fill([64, 64], [2]));
    expect(gemmKernel.calls).toBe(calls);
    expect(C.data[0]).toBe(128);
  });
});

/** Runs `f` with the size threshold out of the way, so that small random shapes reach the kernel too. */
function forceKernel(f: () => void) {
  gemmKernel.enabled = true;
  gemmKernel.minWork = 0;
  try {
    f();
  } finally {
    gemmKernel.minWork = WASM_MIN_WORK;
  }
}
