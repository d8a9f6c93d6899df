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
export interface Tolerance {
  abs: number;
  rel: number;
}

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

/** What a template's drawing function returns; `route` is the answer recomputed from the numbers the
 * worked solution displays (rounded as shown), for templates whose steps could lose precision. */
export type Draft = Omit<GeneratedInstance, "generator" | "seed" | "tolerance" | "mistakes"> & {
  tolerance?: Tolerance;
  mistakes?: Mistake[];
  route?: number;
};

/** Default tolerance: 0.5 % relative (answers to three significant figures pass), a tiny absolute floor. */
export const RELATIVE = { abs: 1e-9, rel: 5e-3 };
/** Counts and sizes are exact integers. */
export const EXACT = { abs: 0, rel: 0 };

/** Whether `x` is accepted as `answer` under `tol`. */
export function withinTolerance(x: number, answer: number, tol: Tolerance): boolean {
  return Math.abs(x - answer) <= Math.max(tol.abs, tol.rel * Math.abs(answer)) + 1e-12 * Math.max(1, Math.abs(answer));
}

/** How many times a template may draw again for one seed before the seed is declared unusable. */
export const MAX_DRAWS = 64;

/** The mistakes that apply to an instance: a template gives NaN for a mistake its numbers cannot show
 * (no dilation to forget, a stride of 1 to ignore). */
const applicable = (ms: readonly Mistake[] = []) => ms.filter((m) => Number.isFinite(m.value));

/**
 * Why a drawn instance would be unfair, or null when it is fair. Unfair: a named mistake is accepted as
 * correct (it lands within twice the tolerance of the answer, so a reply near it is ambiguous), two named
 * mistakes give the same number (the feedback could not say which was made), the answer is not a finite
 * number, or the worked solution's own route, at the precision it displays, is rejected.
 */
export function unfairness(d: Draft): string | null {
  const tol = d.tolerance ?? RELATIVE,
    wide = { abs: 2 * tol.abs, rel: 2 * tol.rel };
  if (!Number.isFinite(d.answer)) return "the answer is not a finite number";
  const ms = applicable(d.mistakes);
  for (const m of ms) {
    if (withinTolerance(m.value, d.answer, wide) || m.value === d.answer) return `mistake ${m.id} lands on the answer`;
  }
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++)
      if (withinTolerance(ms[i].value, ms[j].value, tol) || ms[i].value === ms[j].value)
        return `mistakes ${ms[i].id} and ${ms[j].id} give the same number`;
  if (d.route !== undefined && !withinTolerance(d.route, d.answer, tol))
    return "the worked solution's rounded route is outside the tolerance";
  return null;
}

/**
 * Builds a generator from a drawing function. A seed draws until the instance is fair (see `unfairness`),
 * at most MAX_DRAWS times from the same generator, so a seed always gives the same instance. `title` gives the
 * title in the page's language (src/i18n); it is read each time, since one build renders pages in several languages.
 */
export function defineGenerator(id: string, topic: Topic, title: () => string, draw: (rng: Rng) => Draft): Generator {
  return {
    id,
    topic,
    get title() {
      return title();
    },
    generate(seed: number): GeneratedInstance {
      const rng = createRng(seed);
      let problem = "";
      for (let k = 0; k < MAX_DRAWS; k++) {
        const d = draw(rng);
        problem = unfairness(d) ?? "";
        if (!problem) {
          const { route: _route, ...shown } = d;
          return { ...shown, generator: id, seed, tolerance: d.tolerance ?? RELATIVE, mistakes: applicable(d.mistakes) };
        }
      }
      throw new Error(`${id}: seed ${seed} drew no fair instance in ${MAX_DRAWS} tries (last: ${problem})`);
    },
  };
}

/** A number as the prompt and the solution show it: integers whole, others to `digits` significant figures. */
export function fmt(x: number, digits = 4): string {
  if (x === 0) return "0"; // also −0, which a random sign can give
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString("en-US").replace(/,/g, " ").replace(/^-/, "−");
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e7))
    return x
      .toExponential(digits - 1)
      .replace(/\.?0+e/, "e")
      .replace(/-/g, "−");
  return Number(x.toPrecision(digits)).toString().replace(/-/g, "−");
}

/** A sum of `terms` as the solution shows it. NOTE: numbers drawn to a few decimals can cancel to
 * ±1e−16 instead of 0 in floating point; a worked answer shows that as 0, never as float noise. */
export function settle(...terms: number[]): number {
  const total = terms.reduce((a, b) => a + b, 0),
    scale = terms.reduce((a, b) => a + Math.abs(b), 0);
  return Math.abs(total) <= 1e-12 * scale ? 0 : total;
}

/** `x` as a reader copies it from the worked solution: rounded to the `digits` significant figures `fmt` shows. */
export const shown = (x: number, digits = 4): number => (Number.isInteger(x) ? x : Number(x.toPrecision(digits)));

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
