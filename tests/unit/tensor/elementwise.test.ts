import { describe, expect, it } from "vitest";
import { add, addInto, map, mapInto, mul, scale, scaleInto, sub, subInto, mulInto } from "../../../lib/tensor/elementwise";
import { Tensor } from "../../../lib/tensor/tensor";

const A = Tensor.from([
    [1, 2],
    [3, 4],
  ]),
  B = Tensor.from([
    [5, 6],
    [7, 8],
  ]);

describe("element-wise ops", () => {
  it("add, sub, mul, scale, map compute entry by entry", () => {
    expect(add(A, B).toArray()).toEqual([
      [6, 8],
      [10, 12],
    ]);
    expect(sub(A, B).toArray()).toEqual([
      [-4, -4],
      [-4, -4],
    ]);
    expect(mul(A, B).toArray()).toEqual([
      [5, 12],
      [21, 32],
    ]);
    expect(scale(A, -2).toArray()).toEqual([
      [-2, -4],
      [-6, -8],
    ]);
    expect(map(A, (x) => x * x).toArray()).toEqual([
      [1, 4],
      [9, 16],
    ]);
  });
  it("the Into versions write into the given buffer, which may be an input", () => {
    const C = A.clone();
    addInto(C, C, B);
    expect(C.toArray()).toEqual([
      [6, 8],
      [10, 12],
    ]);
    subInto(C, C, B);
    mulInto(C, C, C);
    scaleInto(C, C, 0.5);
    mapInto(C, C, Math.sqrt);
    expect(Array.from(C.data)).toEqual([1, 2, 3, 4].map((v) => Math.sqrt(0.5 * v * v)));
  });
  it("add throws naming the operation and both shapes", () => {
    expect(() => add(new Tensor([2, 3]), new Tensor([3, 2]))).toThrow("add: shapes [2, 3] and [3, 2] do not match");
    expect(() => mul(new Tensor([2]), new Tensor([3]))).toThrow("mul: shapes [2] and [3] do not match");
  });
  it("scaleInto rejects an out buffer of another size", () => {
    expect(() => scaleInto(new Tensor([3]), A, 2)).toThrow(/scale: shapes \[2, 2\] and \[3\]/);
  });
});
