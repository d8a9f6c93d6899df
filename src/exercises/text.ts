// The text of the exercises in the page's language: titles, statements, hints and the names of the hidden cases, all
// in src/i18n/<lang>/exercise-text.json (with the grader's feedback, "exercise.grade.*", which grade.ts words). Every
// reader of an exercise's text goes through exerciseText and caseLabel.
import { t } from "../i18n/core";
import type { Lang } from "../i18n/lang";
import type { CaseLabel, Exercise } from "./exercise";

/** What a reader sees of an exercise: its title, its statement (plain text, `code` in backquotes), hint 1, hint 2, then the approach. */
export interface ExerciseText {
  title: string;
  statement: string;
  hints: [string, string, string];
}

/**
 * The title, statement and hints of `ex`: the messages "exercise.<id>.title", ".statement", ".hint.1" to ".hint.3".
 * @example
 *   exerciseText(exerciseById("adam-step")!).title;   // "One Adam step with bias correction"
 */
export function exerciseText(ex: Pick<Exercise, "id">, lang?: Lang): ExerciseText {
  const m = (part: string) => t(`exercise.${ex.id}.${part}`, {}, lang);
  return { title: m("title"), statement: m("statement"), hints: [m("hint.1"), m("hint.2"), m("hint.3")] };
}

/**
 * The name of a hidden case, as feedback shows it.
 * @example
 *   caseLabel({ key: "exercise.mse.case.size", vars: { n: 3 } });   // "n = 3"
 */
export function caseLabel(label: CaseLabel, lang?: Lang): string {
  return t(label.key, label.vars, lang);
}
