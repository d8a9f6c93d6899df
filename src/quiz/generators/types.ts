// What a question template is: a seed in, numbers drawn with the engine's generator, and out the prompt,
// the answer, a worked solution and the wrong answers that known mistakes would give.
import { createRng, type Rng } from "../../../lib";
import type { Topic } from "../schema";

/** A wrong answer a known mistake produces; a reply matching `value` is named as this mistake. */
export interface Mistake {
  /** Stable id, e.g. "adam-no-bias-correction". */
  id: string;
  /** What the learner probably did, e.g. "You forgot the bias correction 1 − β₁ᵗ." */
  label: string;
  /** The number that mistake gives. */
  value: number;
}

/** Accepted if |reply − answer| ≤ max(abs, rel·|answer|). */
export interface Tolerance { abs: number; rel: number }

/** One drawn instance of a template: everything the interface shows and grades. */
export interface GeneratedInstance {
  generator: string;
  seed: number;
  /** The question with its numbers (plain text / simple Markdown, formulas readable as text). */
  prompt: string;
  /** The correct number. */
  answer: number;
  tolerance: Tolerance;
  unit?: string;
  /** The worked solution, one step per line, with the numbers. */
  solution: string[];
  /** Known mistakes whose value differs from the answer beyond the tolerance. */
  mistakes: Mistake[];
  /** The drawn parameters, so a test can recompute the answer independently. */
  params: Record<string, number | number[] | string>;
}

/** A question template; `generate(seed)` always gives the same instance for the same seed. */
export interface Generator {
  id: string;
  topic: Topic;
  title: string;
  generate(seed: number): GeneratedInstance;
}

type Draft = Omit<GeneratedInstance, "generator" | "seed" | "tolerance" | "mistakes"> & { tolerance?: Tolerance; mistakes?: Mistake[] };

/** Default tolerance: 0.5 % relative (answers to three significant figures pass), a tiny absolute floor. */
export const RELATIVE = { abs: 1e-9, rel: 5e-3 };
/** Counts and sizes are exact integers. */
export const EXACT = { abs: 0, rel: 0 };

/** Whether `x` is accepted as `answer` under `tol`. */
export function withinTolerance(x: number, answer: number, tol: Tolerance): boolean {
  return Math.abs(x - answer) <= Math.max(tol.abs, tol.rel * Math.abs(answer)) + 1e-12 * Math.max(1, Math.abs(answer));
}

/** Builds a generator from a drawing function; mistakes that coincide with the answer are dropped. */
export function defineGenerator(id: string, topic: Topic, title: string, draw: (rng: Rng) => Draft): Generator {
  return {
    id, topic, title,
    generate(seed: number): GeneratedInstance {
      const d = draw(createRng(seed));
      const tolerance = d.tolerance ?? RELATIVE;
      // NOTE: a mistake is only nameable when it lands outside twice the tolerance of the answer.
      const wide = { abs: 2 * tolerance.abs, rel: 2 * tolerance.rel };
      const mistakes = (d.mistakes ?? []).filter((m) => Number.isFinite(m.value) && !withinTolerance(m.value, d.answer, wide) && !(tolerance.rel === 0 && tolerance.abs === 0 && m.value === d.answer));
      return { ...d, generator: id, seed, tolerance, mistakes };
    },
  };
}

/** A number as the prompt and the solution show it: integers whole, others to `digits` significant figures. */
export function fmt(x: number, digits = 4): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString("en-US").replace(/,/g, " ").replace(/^-/, "−");
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e7)) return x.toExponential(digits - 1).replace(/\.?0+e/, "e").replace(/-/g, "−");
  return Number(x.toPrecision(digits)).toString().replace(/-/g, "−");
}

/** A number drawn uniformly from [low, high] rounded to `decimals` places (what the learner sees is what is used). */
export function pick(rng: Rng, low: number, high: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(rng.uniform(low, high) * f) / f;
}

/** An integer drawn uniformly from low…high inclusive. */
export function pickInt(rng: Rng, low: number, high: number): number {
  return low + rng.int(high - low + 1);
}

/** One of the items, uniformly. */
export function choose<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

/** A nonzero number from [low, high] rounded to `decimals`, with a random sign. */
export function pickSigned(rng: Rng, low: number, high: number, decimals = 1): number {
  return (rng.next() < 0.5 ? -1 : 1) * pick(rng, low, high, decimals);
}

/** `fmt`, with a negative number in parentheses, for products and powers: "0.5·(−2)", "(−6)²". */
export function fp(x: number, digits = 4): string {
  return x < 0 ? `(${fmt(x, digits)})` : fmt(x, digits);
}
