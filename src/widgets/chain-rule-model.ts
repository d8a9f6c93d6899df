// The chain-rule widget's state and numbers: three small functions composed at x, each local
// derivative, their product, and the engine's finite-difference check of the composition. No DOM here.
import { finiteDifference, relativeError, sigmoid, tanh } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

/** A function of one variable with its derivative; sigmoid and tanh are the engine's activations. */
interface Piece {
  f(u: number): number;
  df(u: number): number;
  /** Inputs the function accepts (ln needs u > 0). */
  accepts?(u: number): boolean;
}

// NOTE: the engine has no sin, exp, ln or power as { f, df } objects; these are the textbook
// derivatives, and the finite-difference check below (engine) verifies every one of them.
export const PIECES = {
  identity: { f: (u) => u, df: () => 1 },
  times3: { f: (u) => 3 * u, df: () => 3 },
  affine: { f: (u) => 3 * u + 1, df: () => 3 },
  square: { f: (u) => u * u, df: (u) => 2 * u },
  sin: { f: Math.sin, df: Math.cos },
  sigmoid: { f: sigmoid.f, df: sigmoid.df },
  tanh: { f: tanh.f, df: tanh.df },
  exp: { f: Math.exp, df: Math.exp },
  ln: { f: Math.log, df: (u) => 1 / u, accepts: (u) => u > 0 },
} satisfies Record<string, Piece>;
export type PieceName = keyof typeof PIECES;
export const PIECE_NAMES = Object.keys(PIECES) as PieceName[];

const fn = (label: string, value: PieceName) => ({ kind: "choice", label: t(label), options: PIECE_NAMES, default: value }) as const;
export const chainSchema = {
  f1: fn("chainRule.f1", "affine"),
  f2: fn("chainRule.f2", "square"),
  f3: fn("chainRule.f3", "ln"),
  x: { kind: "number", label: t("chainRule.x"), min: -3, max: 3, step: 0.05, default: 1 },
} satisfies Schema;
export type ChainState = StateOf<typeof chainSchema>;

/** The step of the finite difference. */
export const H = 1e-5;

/** A local derivative as the tape shows it: the rule and its value ("2u = 8"), or just the value for a constant. */
export function localText(name: PieceName, value: number, format: (x: number) => string = String): string {
  const rule = t(`chainRule.df.${name}`);
  return rule === format(value) ? rule : `${rule} = ${format(value)}`;
}

export const piecesOf = (s: ChainState): PieceName[] => [s.f1, s.f2, s.f3] as PieceName[];

/** y = f₃(f₂(f₁(x))); NaN when some step receives an input it does not accept. */
export function compose(names: PieceName[], x: number): number {
  let u = x;
  for (const name of names) {
    const p: Piece = PIECES[name];
    if (p.accepts && !p.accepts(u)) return NaN;
    u = p.f(u);
  }
  return u;
}

/**
 * Each step's input, output and local derivative f_k′(u_{k−1}); their product (the chain rule);
 * the central-difference estimate of dy/dx from the engine and the relative error between the two.
 * A step that refuses its input ends the list with `problem`.
 */
export function chain(s: ChainState) {
  const names = piecesOf(s);
  const steps: { name: PieceName; u: number; out: number; local: number }[] = [];
  let u = s.x;
  for (const [k, name] of names.entries()) {
    const p: Piece = PIECES[name];
    if (p.accepts && !p.accepts(u)) return { steps, problem: { stage: k + 1, u } };
    steps.push({ name, u, out: p.f(u), local: p.df(u) });
    u = p.f(u);
  }
  const slope = steps.reduce((prod, st) => prod * st.local, 1);
  const numeric = finiteDifference((v) => compose(names, v[0]), Float64Array.from([s.x]), H)[0];
  return { steps, y: u, slope, numeric, error: relativeError([slope], [numeric]) };
}

const wrap = (a: string) => (a === "x" ? a : `(${a})`);
const WRITE: Record<PieceName, (a: string) => string> = {
  identity: (a) => a,
  times3: (a) => `3${wrap(a)}`,
  affine: (a) => `3${wrap(a)} + 1`,
  square: (a) => `${wrap(a)}²`,
  sin: (a) => `sin(${a})`,
  sigmoid: (a) => `σ(${a})`,
  tanh: (a) => `tanh(${a})`,
  exp: (a) => `exp(${a})`,
  ln: (a) => `ln(${a})`,
};

/** The composition written out, innermost first: "ln((3x + 1)²)". */
export function formula(names: PieceName[]): string {
  return names.reduce((inner, name) => WRITE[name](inner), "x");
}

/** The curve y(x) over the slider's range, without points where the composition is undefined or infinite. */
export function curve(names: PieceName[], n = 121) {
  const { min, max } = chainSchema.x;
  return Array.from({ length: n }, (_, k) => {
    const x = min + ((max - min) * k) / (n - 1);
    return { x, y: compose(names, x) };
  }).filter((p) => Number.isFinite(p.y));
}

/** A y range that shows the curve near the current point even when the composition grows huge elsewhere. */
export function yDomain(ys: number[], y0?: number): [number, number] {
  const sorted = ys.filter(Number.isFinite).sort((a, b) => a - b);
  if (y0 !== undefined && !Number.isFinite(y0)) y0 = undefined;
  if (sorted.length === 0) return y0 === undefined ? [-1, 1] : [y0 - 1, y0 + 1];
  // NOTE: exp∘exp reaches 1e200 at the edge; the 5th–95th percentiles keep the interesting part in view.
  let lo = sorted[Math.floor(0.05 * (sorted.length - 1))],
    hi = sorted[Math.ceil(0.95 * (sorted.length - 1))];
  if (y0 !== undefined) [lo, hi] = [Math.min(lo, y0), Math.max(hi, y0)];
  const pad = (hi - lo) * 0.1;
  if (!Number.isFinite(pad)) return [lo, hi];
  return pad > 0 ? [lo - pad, hi + pad] : [lo - (Math.abs(lo) || 1) * 0.1, hi + (Math.abs(hi) || 1) * 0.1];
}

/**
 * Points with y held within a few window heights of `domain`. The chart clips what lies outside, but a y of 1e200
 * would still be written into the SVG path as a pixel coordinate beyond what the browser can parse ("Expected
 * number"); a line leaving the window is drawn the same either way.
 */
export function clampToWindow<P extends { y: number }>(points: P[], [lo, hi]: [number, number]): P[] {
  const margin = 2 * (hi - lo);
  return points.filter((p) => Number.isFinite(p.y)).map((p) => ({ ...p, y: Math.min(hi + margin, Math.max(lo - margin, p.y)) }));
}
