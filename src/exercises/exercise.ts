// What an exercise is: a statement, a starter with the signature, three steps of hints, a reference solution,
// and hidden cases drawn from a seeded generator whose expected results the engine computes.
import type { Rng } from "../../lib";
import type { Topic } from "../quiz/schema";

/** One hidden case: the arguments the reader's function gets and what the engine says it must return. */
export interface Case {
  /** Names the case in feedback, e.g. "large logits (±1000)". */
  label: string;
  args: unknown[];
  expected: unknown;
}

/** An exercise of the page /exercises/. */
export interface Exercise {
  /** Kebab-case, unique; the key of the solved record. */
  id: string;
  title: string;
  /** The quiz topics it drills: a solved exercise becomes a review card filed under them. */
  topics: Topic[];
  /** The task in a few sentences (plain text; `code` in backquotes). */
  statement: string;
  /** The name of the function the reader writes. */
  fn: string;
  /** The starter code: signature, shapes, an empty body. */
  starter: string;
  /** Hint 1, hint 2, then the approach (never code). */
  hints: [string, string, string];
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
