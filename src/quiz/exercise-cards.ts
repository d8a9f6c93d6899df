// Solved coding exercises as review cards. Each exercise of /exercises/ has a card id "exercises/<id>": a valid
// question id, so its FSRS card is stored, merged on import, suspended, reset and undone like any question's. Which
// exercises are in the review is read from the solved record (`progress.exercises`). Pure; no DOM.
import type { BankQuestion } from "./bank-types";
import type { QuizProgress } from "./store";

/** The folder of exercise card ids; no question topic has this name. */
export const EXERCISE_CARD_PREFIX = "exercises/";

/** The card id of exercise `id`. @example exerciseCardId("adam-step")   // "exercises/adam-step" */
export function exerciseCardId(id: string): string {
  return `${EXERCISE_CARD_PREFIX}${id}`;
}

/** Whether a card id belongs to an exercise. @example isExerciseCard("exercises/mse")   // true */
export function isExerciseCard(id: string): boolean {
  return id.startsWith(EXERCISE_CARD_PREFIX);
}

/** The exercise id of an exercise card id. @example exerciseOfCard("exercises/mse")   // "mse" */
export function exerciseOfCard(id: string): string {
  return id.slice(EXERCISE_CARD_PREFIX.length);
}

/**
 * The exercise cards whose exercise the learner has solved: what the daily review and its card browser add to the
 * bank's questions. Unsolved exercises are not cards: there is nothing to recall yet.
 *
 * @example
 *   solvedExerciseCards(bankFile.exercises ?? [], progress).map((q) => q.id);   // ["exercises/mse"]
 */
export function solvedExerciseCards<Q extends Pick<BankQuestion, "id">>(cards: readonly Q[], progress: QuizProgress): Q[] {
  const solved = progress.exercises ?? {};
  return cards.filter((q) => isExerciseCard(q.id) && Object.hasOwn(solved, exerciseOfCard(q.id)));
}
