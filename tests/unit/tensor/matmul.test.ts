import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matmul, matmulInto } from "../../../lib/tensor/matmul";
import { transpose } from "../../../lib/tensor/transpose";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor, seeded } from "../helpers";

/** The textbook triple loop, as a reference. */
function naive(A: Tensor, B: Tensor): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < A.rows; i++) {
    out.push([]);
    for (let j = 0; j < B.cols; j++) {
      let s = 0;
      for (let k = 0; k < A.cols; k++) s += A.get(i, k) * B.get(k, j);
      out[i].push(s);
    }
  }
  return out;
}

describe("matmul", () => {
  it("matmul multiplies a worked 2×3 by 3×2 example", () => {
    const A = Tensor.from([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const B = Tensor.from([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    // [1·7+2·9+3·11, 1·8+2·10+3·12] = [58, 64]; [4·7+5·9+6·11, 4·8+5·10+6·12] = [139, 154]
    expect(matmul(A, B).toArray()).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it("matmul with transA/transB equals multiplying explicit transposes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (n, k, p, seed) => {
          const rng = seeded(seed);
          const A = randomTensor(rng, n, k),
            B = randomTensor(rng, k, p);
          const At = transpose(A),
            Bt = transpose(B),
            ref = naive(A, B);
          for (const [X, Y, o] of [
            [A, B, {}],
            [At, B, { transA: true }],
            [A, Bt, { transB: true }],
            [At, Bt, { transA: true, transB: true }],
          ] as const) {
            const C = matmul(X, Y, o).toArray() as number[][];
            C.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(ref[i][j], 12)));
          }
        },
      ),
      { seed: 42, numRuns: 30 },
    );
  });

  it("matmul throws naming the operation and both shapes when inner dimensions differ", () => {
    expect(() => matmul(new Tensor([2, 3]), new Tensor([4, 5]))).toThrow(/matmul: shapes \[2, 3\] and \[4, 5\]/);
  });

  it("matmulInto writes alpha·A·B into the given buffer and rejects a wrong out shape", () => {
    const A = Tensor.from([[1, 2]]),
      B = Tensor.from([[3], [4]]),
      out = new Tensor([1, 1]);
    expect(matmulInto(out, A, B, false, false, 0.5)).toBe(out);
    expect(out.get(0, 0)).toBe(5.5); // 0.5·(3 + 8)
    expect(() => matmulInto(new Tensor([2, 1]), A, B)).toThrow(/matmul: shapes \[2, 1\] and \[1, 1\]/);
  });

  it("matmulInto refuses an out buffer shared with an operand", () => {
    const A = Tensor.from([
      [1, 2],
      [3, 4],
    ]);
    expect(() =>
      matmulInto(
        A,
        A,
        Tensor.from([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toThrow(/share a buffer/);
  });
});
