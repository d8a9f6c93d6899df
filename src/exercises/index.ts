// The table of contents of the exercises: every exercise in page order, and lookup by id.
import type { Exercise } from "./exercise";
import { activationExercises } from "./activations";
import { layerExercises } from "./layers";
import { optimizerExercises } from "./optimizers";
import { sequenceExercises } from "./sequences";

/** Every exercise, in the order the page shows them. */
export const EXERCISES: readonly Exercise[] = [...activationExercises, ...layerExercises, ...optimizerExercises, ...sequenceExercises];

/** The exercise with `id`, or undefined. @example exerciseById("adam-step")?.fn   // "adamStep" */
export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
