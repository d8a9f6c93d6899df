// What an exercise is: a starter with the signature, a reference solution, and hidden cases drawn from a seeded
// generator whose expected results the engine computes. Its text (title, statement, three steps of hints, the names of
// its cases) is in src/i18n/<lang>/exercise-text.json, read through src/exercises/text.ts.
import type { Rng } from "../../lib";
import type { Topic } from "../quiz/schema";

/** The name of a case in feedback: a message of exercise-text.json and its placeholders (caseLabel makes it text). */
export interface CaseLabel {
  /** e.g. "exercise.softmax-stable.case.nearPlus" ("logits near +1000"). */
  key: string;
  vars?: Record<string, string | number>;
}

/** One hidden case: the arguments the reader's function gets and what the engine says it must return. */
export interface Case {
  /** Names the case in feedback. */
  label: CaseLabel;
  args: unknown[];
  expected: unknown;
}

/**
 * An exercise of the page /exercises/. Its title, statement and hints are messages "exercise.<id>.title",
 * "exercise.<id>.statement" and "exercise.<id>.hint.1" to ".hint.3": exerciseText(ex) in src/exercises/text.ts.
 */
export interface Exercise {
  /** Kebab-case, unique; the key of the solved record and of the exercise's messages. */
  id: string;
  /** The quiz topics it drills: a solved exercise becomes a review card filed under them. */
  topics: Topic[];
  /** The name of the function the reader writes. */
  fn: string;
  /** The starter code: signature, shapes, an empty body. */
  starter: string;
  /** A reference solution, shown only on request after a failed attempt. */
  solution: string;
  /** The hidden cases for one seed. */
  cases(rng: Rng): Case[];
  /** How a case calls the reader's function (default: fn(...args)); stateful exercises call it step by step. */
  call?(fn: (...a: unknown[]) => unknown, args: unknown[]): unknown;
}

/** `n` draws from N(0, std²). */
export const vec = (rng: Rng, n: number, std = 1): number[] => Array.from({ length: n }, () => rng.normal(0, std));
/** An r×c matrix of draws from N(0, std²), as rows. */
export const mat = (rng: Rng, r: number, c: number, std = 1): number[][] => Array.from({ length: r }, () => vec(rng, c, std));
/** An integer in [low, high]. */
export const size = (rng: Rng, low: number, high: number): number => low + rng.int(high - low + 1);
