// Solved exercises in the quiz's progress record (src/quiz/store.ts, field `exercises`): recording a solve,
// and what the dashboard and the review can read. A solved exercise comes back for another go a week later.
import type { QuizProgress } from "../quiz/store";
import { EXERCISE_ID } from "../quiz/store";

/** How long after a solve an exercise falls due again. */
export const EXERCISE_INTERVAL_MS = 7 * 86_400_000;

/**
 * Records that exercise `id` was solved at `now` (in place): the first solve time stays, the due date moves on.
 * @example
 *   markSolved(progress, "adam-step", Date.now()).exercises?.["adam-step"].due;   // a week from now
 */
export function markSolved(progress: QuizProgress, id: string, now: number): QuizProgress {
  if (!EXERCISE_ID.test(id)) return progress;
  const table = (progress.exercises ??= {});
  const solvedAt = Object.hasOwn(table, id) ? table[id].solvedAt : now;
  table[id] = { solvedAt, due: now + EXERCISE_INTERVAL_MS };
  return progress;
}

/** The ids of the solved exercises. @example solvedExercises(progress)   // ["mse", "adam-step"] */
export function solvedExercises(progress: QuizProgress): string[] {
  return Object.keys(progress.exercises ?? {});
}

/** The solved exercises due for another go at `now`, earliest first (for the dashboard or the review). */
export function exercisesDue(progress: QuizProgress, now: number): string[] {
  return Object.entries(progress.exercises ?? {})
    .filter(([, e]) => e.due <= now)
    .sort((a, b) => a[1].due - b[1].due)
    .map(([id]) => id);
}
