// The clipping picture (chapter 7): a 2-D gradient g, the same g clipped by its norm and by value at threshold c,
// and where each one points. The clipping itself is the engine's clipByNorm and clipByValue.
import { clipByNorm, clipByValue, norm2 } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const clipVectorsSchema = {
  gx: { kind: "number", label: t("clipVectors.gx"), min: -10, max: 10, step: 0.1, default: 1.5 },
  gy: { kind: "number", label: t("clipVectors.gy"), min: -10, max: 10, step: 0.1, default: 6 },
  threshold: { kind: "number", label: t("clipVectors.threshold"), min: 0.1, max: 10, step: 0.1, default: 2 },
} satisfies Schema;
export type ClipVectorsState = StateOf<typeof clipVectorsSchema>;

export interface Clipped {
  /** The vector after clipping. */
  v: [number, number];
  norm: number;
  /** Direction in degrees, counter-clockwise from the positive x axis (NaN for the zero vector). */
  angle: number;
  /** Whether clipping changed the vector. */
  changed: boolean;
}

const angleOf = (x: number, y: number) => (x === 0 && y === 0 ? NaN : (Math.atan2(y, x) * 180) / Math.PI);

function summarize(v: Float64Array, g: Float64Array): Clipped {
  return { v: [v[0], v[1]], norm: norm2(v), angle: angleOf(v[0], v[1]), changed: v[0] !== g[0] || v[1] !== g[1] };
}

/** A vector's direction as the table and caption say it: "76°", or in words for the zero vector, which has none. */
export function directionText(v: Clipped, format: (x: number, digits?: number) => string): string {
  // NOTE: the zero vector's angle is NaN; printed as a number it would read "diverged°".
  return Number.isNaN(v.angle) ? t("clipVectors.noDirection") : `${format(v.angle, 3)}°`;
}

/** g, g clipped by norm (g·min(1, c/(‖g‖ + 10⁻⁶)), as the engine and PyTorch do) and by value (each entry into [−c, c]). */
export function clipVectors(s: ClipVectorsState): { g: Clipped; byNorm: Clipped; byValue: Clipped; turn: number } {
  const g = Float64Array.from([s.gx, s.gy]);
  const byNorm = g.slice(),
    byValue = g.slice();
  clipByNorm(byNorm, s.threshold);
  clipByValue(byValue, s.threshold);
  const out = { g: summarize(g, g), byNorm: summarize(byNorm, g), byValue: summarize(byValue, g) };
  return { ...out, turn: angleBetween(out.g.v, out.byValue.v) };
}

/** The angle in degrees between two vectors (0 when either is zero). */
export function angleBetween(a: readonly number[], b: readonly number[]): number {
  if (norm2(a) === 0 || norm2(b) === 0) return 0;
  // NOTE: atan2(|a × b|, a · b) rather than acos of the cosine, which loses digits near 0°.
  return (Math.atan2(Math.abs(a[0] * b[1] - a[1] * b[0]), a[0] * b[0] + a[1] * b[1]) * 180) / Math.PI;
}

/** Half the side of the square plot window: room for g and the clipping box, at least 2, on a 0.5 grid. */
export function extent(s: ClipVectorsState): number {
  return Math.max(2, Math.ceil(Math.max(Math.abs(s.gx), Math.abs(s.gy), s.threshold) * 1.15 * 2) / 2);
}

/** The circle ‖v‖ = c, where norm clipping puts every vector longer than c. */
export function circle(c: number, points = 97): { x: number; y: number }[] {
  return Array.from({ length: points }, (_, i) => {
    const a = (2 * Math.PI * i) / (points - 1);
    return { x: c * Math.cos(a), y: c * Math.sin(a) };
  });
}

/** The square |x| ≤ c, |y| ≤ c, where value clipping puts every vector. */
export function box(c: number): { x: number; y: number }[] {
  return [
    { x: -c, y: -c },
    { x: c, y: -c },
    { x: c, y: c },
    { x: -c, y: c },
    { x: -c, y: -c },
  ];
}

/** The plot's inner frame in SVG units: left and top margins and the side of the square drawing area. */
export interface Frame {
  left: number;
  top: number;
  side: number;
}

/**
 * The gradient a click or drag at SVG point (px, py) sets: the frame maps [−E, E] on both axes (y up), and the
 * result is rounded to the sliders' 0.1 steps and kept inside their range.
 */
export function pointToG(px: number, py: number, frame: Frame, E: number): { gx: number; gy: number } {
  const { min, max } = clipVectorsSchema.gx;
  const snap = (v: number) => Math.min(max, Math.max(min, Math.round(v * 10) / 10));
  const x = -E + ((px - frame.left) / frame.side) * 2 * E;
  const y = E - ((py - frame.top) / frame.side) * 2 * E;
  return { gx: snap(x) || 0, gy: snap(y) || 0 };
}
