// Solved exercises in the quiz's progress record (src/quiz/store.ts, field `exercises`) and their review cards. A
// solve makes the exercise a card of the daily review ("exercises/<id>"), scheduled by the same FSRS scheduler as
// the questions; the record keeps when it was first solved and mirrors the card's due time for the exercises page.
import type { QuizProgress } from "../quiz/store";
import { EXERCISE_ID } from "../quiz/store";
import { exerciseCardId } from "../quiz/exercise-cards";
import { review, type StoredCard } from "../quiz/schedule";
import type { Rating } from "../quiz/grade";

/**
 * What a pass of the grader on the exercises page does to the exercise's card: the first solve graduates it at
 * once (Easy: code that passes every hidden case needs no minutes-long learning step, the next look is days away);
 * a pass while the card is due is a review rated Good; a pass before then changes nothing, so pressing Run again
 * cannot push the card further out.
 */
export function solveRating(card: StoredCard | undefined, now: number): Rating | null {
  if (!card) return "easy";
  return card.due <= now ? "good" : null;
}

/**
 * Records that exercise `id` was solved at `now` (in place): the first solve time stays; the card is reviewed as
 * `solveRating` says, and the record's due time follows it.
 * @example
 *   markSolved(progress, "adam-step", Date.now()).cards["exercises/adam-step"].due;   // days from now
 */
export function markSolved(progress: QuizProgress, id: string, now: number): QuizProgress {
  if (!EXERCISE_ID.test(id)) return progress;
  const table = (progress.exercises ??= {});
  const solvedAt = Object.hasOwn(table, id) ? table[id].solvedAt : now;
  const cid = exerciseCardId(id);
  const before = Object.hasOwn(progress.cards, cid) ? progress.cards[cid] : undefined;
  const rating = solveRating(before, now);
  const card = rating ? review(before, rating, now, progress.settings.retention) : before!;
  progress.cards[cid] = card;
  table[id] = { solvedAt, due: card.due };
  return progress;
}

/** The ids of the solved exercises. @example solvedExercises(progress)   // ["mse", "adam-step"] */
export function solvedExercises(progress: QuizProgress): string[] {
  return Object.keys(progress.exercises ?? {});
}

/** When exercise `id` is due again: its card's due time, else the record's (a record from before cards). */
function dueOf(progress: QuizProgress, id: string, recorded: number): number {
  const cid = exerciseCardId(id);
  return Object.hasOwn(progress.cards, cid) ? progress.cards[cid].due : recorded;
}

/** The solved exercises due for another go at `now`, earliest first. */
export function exercisesDue(progress: QuizProgress, now: number): string[] {
  return Object.entries(progress.exercises ?? {})
    .map(([id, e]) => [id, dueOf(progress, id, e.due)] as const)
    .filter(([, due]) => due <= now)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
}
