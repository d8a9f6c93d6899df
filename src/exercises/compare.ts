// Compares what a reader's function returned with what the engine computed, and says where they first
// differ: a missing field, a wrong shape (length at some depth), or a wrong value at an index.

/**
 * What a value is, as feedback names it (formatReport words it): a number, a list of some length, a length
 * alone (when both sides are lists), an object with some fields, null, or another JavaScript type.
 */
export type Shape =
  | { kind: "number" }
  | { kind: "list"; length: number }
  | { kind: "length"; length: number }
  | { kind: "object"; keys: string[] }
  | { kind: "null" }
  | { kind: "other"; type: string };

/** Where and how a result differs from the expected one; `path` names the place, e.g. "dW[1][0]". */
export type Mismatch =
  | { kind: "shape"; path: string; expected: Shape; got: Shape }
  | { kind: "value"; path: string; expected: number; got: unknown };

/** Absolute plus relative tolerance: |got − expected| ≤ tol·(1 + |expected|). */
export const TOLERANCE = 1e-6;

const isList = (v: unknown): v is ArrayLike<unknown> => Array.isArray(v) || ArrayBuffer.isView(v);
const kindOf = (v: unknown): Shape =>
  isList(v)
    ? { kind: "list", length: v.length }
    : v === null
      ? { kind: "null" }
      : typeof v === "number"
        ? { kind: "number" }
        : { kind: "other", type: typeof v };

/**
 * The first place where `got` differs from `expected` (numbers within `TOLERANCE`), or null when they agree.
 * @example
 *   compare([1, 2], [1, 2.5], "dZ");   // { kind: "value", path: "dZ[1]", expected: 2, got: 2.5 }
 */
export function compare(expected: unknown, got: unknown, path: string): Mismatch | null {
  if (typeof expected === "number") {
    if (typeof got !== "number") return { kind: "shape", path, expected: { kind: "number" }, got: kindOf(got) };
    const ok = Number.isFinite(got) && Math.abs(got - expected) <= TOLERANCE * (1 + Math.abs(expected));
    return ok ? null : { kind: "value", path, expected, got };
  }
  if (isList(expected)) {
    if (!isList(got)) return { kind: "shape", path, expected: { kind: "list", length: expected.length }, got: kindOf(got) };
    if (got.length !== expected.length)
      return { kind: "shape", path, expected: { kind: "length", length: expected.length }, got: { kind: "length", length: got.length } };
    for (let i = 0; i < expected.length; i++) {
      const m = compare(expected[i], got[i], `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  const want = expected as Record<string, unknown>;
  if (got === null || typeof got !== "object")
    return { kind: "shape", path, expected: { kind: "object", keys: Object.keys(want) }, got: kindOf(got) };
  for (const key of Object.keys(want)) {
    const m = compare(want[key], (got as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (m) return m;
  }
  return null;
}
