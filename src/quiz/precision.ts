// What precision a numeric question expects, said before the learner answers: read off its tolerance,
// so the words can never disagree with the grading.
import { withinTolerance, type Tolerance } from "./generators/types";

/** The precision a reply needs: exact, or at least `figures` significant figures (never fewer than 3). */
export type Precision = { kind: "exact" } | { kind: "figures"; figures: number };

/**
 * The fewest significant figures, at least 3, at which `answer` rounded is accepted under `tol` (an answer
 * to 3 figures is what an interviewer expects unless a question asks for more; an answer such as 0.5 or
 * −0.29 needs no more than it has).
 *
 * @example
 *   precisionFor({ abs: 0, rel: 5e-3 }, 0.1234);     // { kind: "figures", figures: 3 }
 *   precisionFor({ abs: 5e-6, rel: 0 }, 1.99898);    // { kind: "figures", figures: 6 }
 *   precisionFor({ abs: 0, rel: 0 }, 12);            // { kind: "exact" }
 */
export function precisionFor(tol: Tolerance, answer: number): Precision {
  if (tol.abs === 0 && tol.rel === 0) return { kind: "exact" };
  for (let figures = 3; figures < 17; figures++)
    if (withinTolerance(Number(answer.toPrecision(figures)), answer, tol)) return { kind: "figures", figures };
  return { kind: "figures", figures: 17 };
}
