import { describe, expect, it } from "vitest";
import { Tensor, assertSameShape, sameShape, shapeError } from "../../../lib/tensor/tensor";

describe("tensor helpers", () => {
  it("shapeError names the operation and both shapes", () => {
    expect(shapeError("add", [2, 3], [3, 2]).message).toBe("add: shapes [2, 3] and [3, 2] do not match");
  });
  it("assertSameShape throws on different shapes and passes on equal ones", () => {
    expect(() => assertSameShape("sub", new Tensor([2, 3]), new Tensor([2, 3]))).not.toThrow();
    expect(() => assertSameShape("sub", new Tensor([2, 3]), new Tensor([6]))).toThrow(/sub: shapes \[2, 3\] and \[6\]/);
  });
  it("sameShape compares dimension by dimension", () => {
    expect(sameShape([2, 3], [2, 3])).toBe(true);
    expect(sameShape([2, 3], [3, 2])).toBe(false);
    expect(sameShape([6], [6, 1])).toBe(false);
  });
});
