// What precision a numeric question expects, said before the learner answers: read off its tolerance,
// so the words can never disagree with the grading.
import type { Tolerance } from "./generators/types";

/** The precision a reply needs: exact, or at least `figures` significant figures (never fewer than 3). */
export type Precision = { kind: "exact" } | { kind: "figures"; figures: number };

/**
 * The fewest significant figures whose rounding of `answer` is always accepted under `tol`, at least 3
 * (an answer to 3 figures is what an interviewer expects unless a question asks for more).
 *
 *   rounding |answer| = d.ddd…·10^e to k figures errs by at most ½·10^(e − k + 1) ≤ max(abs, rel·|answer|)
 *
 * @example
 *   precisionFor({ abs: 0, rel: 5e-3 }, 0.1234);   // { kind: "figures", figures: 3 }
 *   precisionFor({ abs: 0, rel: 0 }, 12);          // { kind: "exact" }
 */
export function precisionFor(tol: Tolerance, answer: number): Precision {
  const band = Math.max(tol.abs, tol.rel * Math.abs(answer));
  if (band === 0) return { kind: "exact" };
  const e = answer === 0 ? Math.floor(Math.log10(band)) : Math.floor(Math.log10(Math.abs(answer)));
  const figures = Math.ceil(e + 1 - Math.log10(2 * band) - 1e-9);
  return { kind: "figures", figures: Math.max(3, figures) };
}
