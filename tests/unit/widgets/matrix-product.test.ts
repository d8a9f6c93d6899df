import { describe, expect, it } from "vitest";
import { matmul } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  dotTerms,
  entryAt,
  exampleMatrix,
  matrixSchema,
  product,
  stepEntry,
  type MatrixState,
} from "../../../src/widgets/matrix-product-model";

const base = (over: Partial<MatrixState> = {}): MatrixState => ({ ...defaults(matrixSchema), ...over });

describe("matrix product model", () => {
  it("product of the default shapes is chapter 0's worked example [[3, 2], [0, 1]]", () => {
    const p = product(base());
    expect(p.C!.toArray()).toEqual([
      [3, 2],
      [0, 1],
    ]);
    expect(p.value).toBe(3);
    expect(dotTerms(p.terms!)).toBe("1·1 + 0·0 + 2·1");
  });

  it("product's highlighted entry is row i of A dotted with column j of B, equal to matmul's C[i, j]", () => {
    for (let entry = 1; entry <= 12; entry++) {
      const p = product(base({ aRows: 3, aCols: 4, bRows: 4, bCols: 4, entry }));
      expect(p.terms!.reduce((s, x) => s + x.a * x.b, 0)).toBe(p.value);
      expect(p.value).toBe(matmul(p.A, p.B).get(p.i!, p.j!));
      expect(p.i! * 4 + p.j!).toBe(entry - 1);
    }
  });

  it("product reports the engine's shape error naming both shapes when the inner sizes differ", () => {
    const p = product(base({ aCols: 4 }));
    expect(p.C).toBeUndefined();
    expect(p.error).toContain("[2, 4]");
    expect(p.error).toContain("[3, 2]");
    expect(() => matmul(p.A, p.B)).toThrow(p.error);
  });

  it("entryAt walks the result in reading order and wraps past the last entry", () => {
    expect(entryAt(1, 2, 3)).toEqual({ k: 0, i: 0, j: 0, count: 6 });
    expect(entryAt(5, 2, 3)).toEqual({ k: 4, i: 1, j: 1, count: 6 });
    expect(entryAt(8, 2, 3).k).toBe(1);
  });

  it("stepEntry goes forward and back, wrapping between the last and the first entry", () => {
    expect(stepEntry(1, 1, 2, 2)).toBe(2);
    expect(stepEntry(4, 1, 2, 2)).toBe(1);
    expect(stepEntry(1, -1, 2, 2)).toBe(4);
  });

  it("exampleMatrix is seeded: the same shape gives the same integers from −3 to 3", () => {
    const M = exampleMatrix("A", 4, 4);
    expect(exampleMatrix("A", 4, 4).toArray()).toEqual(M.toArray());
    for (const v of M.data) expect(Number.isInteger(v) && v >= -3 && v <= 3).toBe(true);
    expect(exampleMatrix("B", 4, 4).toArray()).not.toEqual(M.toArray());
  });
});
