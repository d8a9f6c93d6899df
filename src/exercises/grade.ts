// Runs a reader's function on an exercise's hidden cases and reports the first one that fails. It runs
// inside the cell worker (cell-worker.ts exposes `checkExercise`), so the reader's code never runs on the
// page; the expected results come from the engine. Inputs are deep-copied for each call, so a function
// that mutates its arguments cannot change what it is compared with.
import { createRng } from "../../lib";
import { t } from "../i18n/core";
import type { Lang } from "../i18n/lang";
import { compare, type Mismatch, type Shape } from "./compare";
import type { CaseLabel } from "./exercise";
import { exerciseById } from "./index";
import { caseLabel } from "./text";

/** The seed of the hidden cases; fixed so that a failure can be reproduced by running again. */
export const CASE_SEED = 15;

/** How a case failed: a wrong shape or value, an exception the reader's function threw, or no function at all. */
export type Failure = Mismatch | { kind: "error"; message: string } | { kind: "notFunction"; fn: string };

/** What grading found: all cases passed, or the first failing case and how it failed. */
export type Report =
  | { ok: true; id: string; total: number }
  | { ok: false; id: string; total: number; index: number; label: CaseLabel; failure: Failure };

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
    return { ok: false, id, total, index: 0, label: cases[0].label, failure: { kind: "notFunction", fn: ex.fn } };
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

/** A shape in words, e.g. "a list of length 3". */
function shapeText(s: Shape, lang?: Lang): string {
  const m = (key: string, vars: Record<string, string | number> = {}) => t(`exercise.grade.shape.${key}`, vars, lang);
  switch (s.kind) {
    case "list":
    case "length":
      return m(s.kind, { length: s.length });
    case "object":
      return m("object", { keys: s.keys.join(", ") });
    case "other":
      return m("other", { type: s.type });
    default:
      return m(s.kind);
  }
}

/**
 * The report as lines for the cell's output (in the page's language, or `lang`). The first line starts with "✓ "
 * (solved) or "✗ " (not yet) in every language: the page reads it to record progress and to offer the solution.
 * @example
 *   formatReport({ ok: true, id: "mse", total: 4 });   // ["✓ Solved: all 4 hidden cases pass."]
 */
export function formatReport(r: Report, lang?: Lang): string[] {
  const m = (key: string, vars: Record<string, string | number>) => t(`exercise.grade.${key}`, vars, lang);
  if (r.ok) return [m("solved", { total: r.total })];
  const head = m("notYet", { n: r.index + 1, total: r.total, label: caseLabel(r.label, lang) });
  const f = r.failure;
  if (f.kind === "error") return [head, m("threw", { message: f.message })];
  if (f.kind === "notFunction") return [head, m("notFunction", { fn: f.fn })];
  if (f.kind === "shape")
    return [head, m("wrongShape", { path: f.path, expected: shapeText(f.expected, lang), got: shapeText(f.got, lang) })];
  return [head, m("wrongValue", { path: f.path, expected: num(f.expected), got: num(f.got) })];
}

/**
 * Grades and prints the report with `log` (the cell's console.log in the worker); returns whether it passed. The
 * worker has no page: it prints in the page's language once its page has given it the "exercise." strings
 * (catalogSubset, addCatalog) and the language (setLangSource), English until then.
 */
export function checkExercise(id: string, fn: unknown, log: (line: string) => void): boolean {
  const report = gradeExercise(id, fn);
  for (const line of formatReport(report)) log(line);
  return report.ok;
}
