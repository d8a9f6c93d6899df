// Runs a reader's function on an exercise's hidden cases and reports the first one that fails. It runs
// inside the cell worker (cell-worker.ts exposes `checkExercise`), so the reader's code never runs on the
// page; the expected results come from the engine. Inputs are deep-copied for each call, so a function
// that mutates its arguments cannot change what it is compared with.
import { createRng } from "../../lib";
import { compare, type Mismatch } from "./compare";
import { exerciseById } from "./index";

/** The seed of the hidden cases; fixed so that a failure can be reproduced by running again. */
export const CASE_SEED = 15;

/** What grading found: all cases passed, or the first failing case and how it failed. */
export type Report =
  | { ok: true; id: string; total: number }
  | { ok: false; id: string; total: number; index: number; label: string; failure: Mismatch | { kind: "error"; message: string } };

const copy = (v: unknown): unknown => (Array.isArray(v) ? v.map(copy) : ArrayBuffer.isView(v) ? (v as Float64Array).slice() : v);

/**
 * Grades `fn` on the hidden cases of exercise `id`.
 * @example
 *   gradeExercise("tanh-backward", (z, dA) => z.map((x, i) => dA[i] * (1 - Math.tanh(x) ** 2))).ok;   // true
 */
export function gradeExercise(id: string, fn: unknown, seed = CASE_SEED): Report {
  const ex = exerciseById(id);
  if (!ex) throw new RangeError(`No exercise "${id}"`);
  const cases = ex.cases(createRng(seed));
  const total = cases.length;
  if (typeof fn !== "function")
    return { ok: false, id, total, index: 0, label: cases[0].label, failure: { kind: "error", message: `${ex.fn} is not a function` } };
  for (const [index, c] of cases.entries()) {
    let got: unknown;
    try {
      const args = c.args.map(copy);
      got = ex.call ? ex.call(fn as (...a: unknown[]) => unknown, args) : (fn as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      return {
        ok: false,
        id,
        total,
        index,
        label: c.label,
        failure: { kind: "error", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) },
      };
    }
    const failure = compare(c.expected, got, "result");
    if (failure) return { ok: false, id, total, index, label: c.label, failure };
  }
  return { ok: true, id, total };
}

const num = (x: unknown) => (typeof x === "number" ? String(Number(x.toPrecision(8))) : String(x));

/**
 * The report as lines for the cell's output. The first line starts with "✓ Solved" or "✗ Not yet": the page
 * reads it to record progress and to offer the solution.
 * @example
 *   formatReport({ ok: true, id: "mse", total: 4 });   // ["✓ Solved: all 4 hidden cases pass."]
 */
export function formatReport(r: Report): string[] {
  if (r.ok) return [`✓ Solved: all ${r.total} hidden cases pass.`];
  const head = `✗ Not yet: case ${r.index + 1} of ${r.total} (${r.label}) failed.`;
  const f = r.failure;
  if (f.kind === "error") return [head, `Your function threw ${f.message}`];
  if (f.kind === "shape") return [head, `Wrong shape at ${f.path}: expected ${f.expected}, got ${f.got}.`];
  return [head, `Wrong value at ${f.path}: expected ${num(f.expected)}, got ${num(f.got)}.`];
}

/** Grades and prints the report with `log` (the cell's console.log in the worker); returns whether it passed. */
export function checkExercise(id: string, fn: unknown, log: (line: string) => void): boolean {
  const report = gradeExercise(id, fn);
  for (const line of formatReport(report)) log(line);
  return report.ok;
}
