// The matrix-product widget's state and numbers: two small matrices, their product from the engine's
// matmul (or its shape error), and the row·column dot product behind one entry. No DOM here.
import { createRng, matmul, Tensor } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

const size = (label: string, value: number) => ({ kind: "number", label: t(label), min: 1, max: 4, step: 1, default: value }) as const;

export const matrixSchema = {
  aRows: size("matrixProduct.aRows", 2),
  aCols: size("matrixProduct.aCols", 3),
  bRows: size("matrixProduct.bRows", 3),
  bCols: size("matrixProduct.bCols", 2),
  entry: { kind: "number", label: t("matrixProduct.entry"), min: 1, max: 16, step: 1, default: 1 },
} satisfies Schema;
export type MatrixState = StateOf<typeof matrixSchema>;

// The worked example of chapter 0, used whenever a matrix has its shape there.
const CHAPTER_A = [
  [1, 0, 2],
  [-1, 3, 1],
];
const CHAPTER_B = [
  [1, 2],
  [0, 1],
  [1, 0],
];

/** A small integer matrix: the chapter's example for its shape, otherwise seeded values from −3 to 3. */
export function exampleMatrix(which: "A" | "B", rows: number, cols: number): Tensor {
  const chapter = which === "A" ? CHAPTER_A : CHAPTER_B;
  if (rows === chapter.length && cols === chapter[0].length) return Tensor.from(chapter);
  const rng = createRng((which === "A" ? 100 : 200) + 10 * rows + cols);
  return new Tensor(
    [rows, cols],
    Array.from({ length: rows * cols }, () => rng.int(7) - 3),
  );
}

/** Row i and column j (0-based) of the k-th entry of a rows × cols result, in reading order; k wraps around. */
export function entryAt(entry: number, rows: number, cols: number) {
  const count = rows * cols;
  const k = (((Math.round(entry) - 1) % count) + count) % count;
  return { k, i: Math.floor(k / cols), j: k % cols, count };
}

/** The entry number one step before or after, wrapping from the last entry to the first and back. */
export function stepEntry(entry: number, by: 1 | -1, rows: number, cols: number): number {
  const { k, count } = entryAt(entry, rows, cols);
  return ((k + by + count) % count) + 1;
}

/** A, B, and either C = A·B with the highlighted entry's products, or the engine's shape error. */
export function product(s: MatrixState) {
  const A = exampleMatrix("A", s.aRows, s.aCols),
    B = exampleMatrix("B", s.bRows, s.bCols);
  try {
    const C = matmul(A, B);
    const { i, j, k, count } = entryAt(s.entry, C.rows, C.cols);
    const terms = Array.from({ length: A.cols }, (_, q) => ({ a: A.get(i, q), b: B.get(q, j) }));
    return { A, B, C, error: undefined, i, j, k, count, terms, value: C.get(i, j) };
  } catch (error) {
    return { A, B, C: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}
export type Product = ReturnType<typeof product>;

/** The dot product written out: "1·1 + 0·0 + 2·1", negative numbers in brackets. */
export function dotTerms(terms: { a: number; b: number }[]): string {
  const n = (x: number) => (x < 0 ? `(${x})` : String(x));
  return terms.map((p) => `${n(p.a)}·${n(p.b)}`).join(" + ");
}
