// Grading every question type: choice (by option identity), numeric with tolerance, flashcard self-grades,
// and generated questions (naming a known mistake when the reply matches one).
import { createRng } from "../../lib";
import { t } from "../i18n";
import { fmt, withinTolerance, type GeneratedInstance, type Mistake, type Tolerance } from "./generators/types";
import { parseNumber } from "./parse-number";

/** A self-grade (flashcards, and a right checked answer's Hard/Good/Easy) or the grade a checked answer maps to; the four FSRS ratings. */
export type Rating = "again" | "hard" | "good" | "easy";
export const RATINGS: readonly Rating[] = ["again", "hard", "good", "easy"];

/** What grading a reply returns: right or not, a message for the learner, and the FSRS rating it implies. */
export interface GradeResult {
  correct: boolean;
  /** The reply could not be read (not a number, nothing selected): nothing is recorded, the learner retries. */
  invalid?: boolean;
  message: string;
  rating: Rating;
}

/** Choice grading adds which options were missed or wrongly selected (original option indices). */
export interface ChoiceResult extends GradeResult {
  missed: number[];
  wrong: number[];
}

/** Numeric grading adds the number read and, for generated questions, the mistake it matches. */
export interface NumericResult extends GradeResult {
  value?: number;
  expected: number;
  mistake?: Mistake;
}

/**
 * The display order of a question's options for a seed: `order[k]` is the original index of the option shown k-th.
 * Grading always uses original indices, so the order never changes what is right.
 *
 * @example
 *   const order = shuffleOptions(4, 17);         // e.g. [2, 0, 3, 1]
 *   order.map((i) => question.options[i]);       // what to show
 */
export function shuffleOptions(count: number, seed: number): number[] {
  return createRng(seed).shuffle(Array.from({ length: count }, (_, i) => i));
}

/**
 * Grades a multiple-choice reply by option identity: `selected` holds original option indices. With one correct
 * option it is single choice; with several, all correct ones and no others must be selected.
 *
 * @example
 *   gradeChoice({ options: [{ correct: true }, { correct: false }] }, [0]).correct;   // true
 */
export function gradeChoice(question: { options: readonly { correct: boolean }[] }, selected: readonly number[]): ChoiceResult {
  const picked = new Set(selected.filter((i) => Number.isInteger(i) && i >= 0 && i < question.options.length));
  if (picked.size === 0)
    return { correct: false, invalid: true, message: t("quizCore.choiceNone"), rating: "again", missed: [], wrong: [] };
  const missed: number[] = [],
    wrong: number[] = [];
  question.options.forEach((o, i) => {
    if (o.correct && !picked.has(i)) missed.push(i);
    if (!o.correct && picked.has(i)) wrong.push(i);
  });
  const correct = missed.length === 0 && wrong.length === 0;
  const message = correct ? t("quizCore.choiceCorrect") : wrong.length ? t("quizCore.choiceWrong") : t("quizCore.choiceMissed");
  return { correct, message, rating: correct ? "good" : "again", missed, wrong };
}

function gradeNumber(reply: string, expected: number, tolerance: Tolerance, mistakes: readonly Mistake[] = []): NumericResult {
  const parsed = parseNumber(reply);
  if (!parsed.ok) return { correct: false, invalid: true, message: parsed.message, rating: "again", expected };
  const value = parsed.value;
  if (withinTolerance(value, expected, tolerance)) {
    const exact = value === expected;
    return {
      correct: true,
      message: exact ? t("quizCore.correct") : t("quizCore.correctClose", { value: fmt(expected, 6) }),
      rating: "good",
      value,
      expected,
    };
  }
  const mistake = mistakes.find((m) => withinTolerance(value, m.value, tolerance));
  return {
    correct: false,
    value,
    expected,
    mistake,
    rating: "again",
    message: mistake
      ? t("quizCore.wrongMistake", { value: fmt(expected, 6), mistake: mistake.label })
      : t("quizCore.wrong", { value: fmt(expected, 6) }),
  };
}

/**
 * Grades a typed number against a numeric question: accepted if |x − value| ≤ max(abs, rel·|value|).
 * The reply may be written as 0.125, 1/8, 12.5% or 1.25e-1; a reply that is not a number is `invalid`.
 *
 * @example
 *   gradeNumeric({ value: 0.125, tolerance: { abs: 0, rel: 1e-3 } }, "1/8").correct;   // true
 */
export function gradeNumeric(question: { value: number; tolerance: Tolerance }, reply: string): NumericResult {
  return gradeNumber(reply, question.value, question.tolerance);
}

/**
 * Grades a reply to a generated instance; a wrong number matching a known mistake names it in the message
 * and in `mistake`.
 *
 * @example
 *   const q = generators.get("adam-step")!.generate(7);
 *   gradeGenerated(q, String(q.mistakes[0].value)).mistake?.id;   // "adam-no-bias-correction"
 */
export function gradeGenerated(instance: GeneratedInstance, reply: string): NumericResult {
  return gradeNumber(reply, instance.answer, instance.tolerance, instance.mistakes);
}

/**
 * A flashcard's self-grade: "again" counts as not remembered, the others as remembered.
 *
 * @example
 *   gradeFlashcard("hard");   // { correct: true, rating: "hard", … }
 */
export function gradeFlashcard(rating: Rating): GradeResult {
  return { correct: rating !== "again", message: "", rating };
}
