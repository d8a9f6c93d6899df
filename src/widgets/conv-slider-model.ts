// The sliding-kernel widget's state and numbers (chapter 9): a 14 × 14 picture the reader draws, one 3 × 3 kernel,
// the engine's conv2d of the two, and the sum of products behind the output at the kernel's current place. No DOM.
import { conv2d, Tensor } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";
import { kernelLearner } from "./conv-slider-learned";

/** Side of the drawing, as the course's generated digits (lib/data/digits.ts). */
export const SIZE = 14;
/** Side of the kernels. */
export const K = 3;
/** Side of the feature map: no padding, stride 1. */
export const OUT = SIZE - K + 1;

/** The hand-made kernels, row by row. */
const FIXED: Record<string, readonly number[]> = {
  // Right minus left (Sobel): bright to the right of a pixel gives a positive output.
  edgeX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  // Below minus above: the same turned by 90 degrees.
  edgeY: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  blur: Array(9).fill(1 / 9),
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
};
export const KERNELS = ["edgeX", "edgeY", "blur", "sharpen", "learned"] as const;

// Pictures to start from, drawn in a 14 × 14 box ("#" is ink).
const PICTURES: Record<string, readonly string[]> = {
  seven: [
    "..............",
    "..............",
    "..##########..",
    "..##########..",
    ".........###..",
    "........###...",
    ".......###....",
    "......###.....",
    "......###.....",
    ".....###......",
    ".....###......",
    ".....###......",
    "..............",
    "..............",
  ],
  zero: [
    "..............",
    ".....####.....",
    "....######....",
    "...##....##...",
    "...##....##...",
    "...##....##...",
    "...##....##...",
    "...##....##...",
    "...##....##...",
    "...##....##...",
    "....######....",
    ".....####.....",
    "..............",
    "..............",
  ],
  plus: [
    "..............",
    "..............",
    "......##......",
    "......##......",
    "......##......",
    "......##......",
    "..##########..",
    "..##########..",
    "......##......",
    "......##......",
    "......##......",
    "......##......",
    "..............",
    "..............",
  ],
  blank: Array(SIZE).fill(".".repeat(SIZE)),
};
export const PICTURE_NAMES = ["seven", "zero", "plus", "blank"] as const;

export const convSliderSchema = {
  kernel: { kind: "choice", label: t("convSlider.kernel"), options: KERNELS, default: "edgeX" },
  picture: { kind: "choice", label: t("convSlider.picture"), options: PICTURE_NAMES, default: "seven" },
  position: { kind: "number", label: t("convSlider.position"), min: 1, max: OUT * OUT, step: 1, default: 1 },
} satisfies Schema;
export type ConvSliderState = StateOf<typeof convSliderSchema>;

/** A starting picture as SIZE × SIZE pixels (1 ink, 0 paper), row by row. */
export function picture(name: string): Float64Array {
  const rows = PICTURES[name] ?? PICTURES.blank;
  return Float64Array.from(rows.join(""), (c) => (c === "#" ? 1 : 0));
}

/** A kernel's nine weights, row by row; null for the learned kernel while it is still training. */
export function kernelWeights(name: string): readonly number[] | null {
  return name === "learned" ? (kernelLearner.result?.weights ?? null) : (FIXED[name] ?? FIXED.edgeX);
}

/** Row and column (0-based) of the kernel's top-left corner at a 1-based position in reading order. */
export function placeAt(position: number): { i: number; j: number } {
  const k = Math.min(OUT * OUT, Math.max(1, Math.round(position))) - 1;
  return { i: Math.floor(k / OUT), j: k % OUT };
}

/**
 * The feature map of `pixels` under the kernel (the engine's conv2d, no padding, stride 1) and, at the kernel's
 * place, its nine products and their sum computed again by hand, which must equal the map's entry.
 */
export function slide(pixels: Float64Array, kernel: string, position: number) {
  const w = kernelWeights(kernel);
  if (!w) return null;
  const X = new Tensor([1, 1, SIZE, SIZE], pixels),
    W = new Tensor([1, 1, K, K], w);
  const map = conv2d(X, W).data;
  const { i, j } = placeAt(position);
  const terms = Array.from({ length: K * K }, (_, q) => {
    const u = Math.floor(q / K),
      v = q % K;
    return { w: w[q], x: pixels[(i + u) * SIZE + j + v] };
  });
  const byHand = terms.reduce((s, p) => s + p.w * p.x, 0);
  const scale = Math.max(1e-9, ...Array.from(map, Math.abs));
  return { map, i, j, terms, byHand, value: map[i * OUT + j], scale, weights: w };
}
export type Slide = NonNullable<ReturnType<typeof slide>>;

/** The pixel grid after toggling (or setting, with `to`) the pixel at row r, column c. */
export function paint(pixels: Float64Array, r: number, c: number, to?: 0 | 1): Float64Array {
  const next = pixels.slice();
  const k = r * SIZE + c;
  next[k] = to ?? (next[k] > 0.5 ? 0 : 1);
  return next;
}

/** The cursor moved by one cell for an arrow key, held inside the grid; null for other keys. */
export function moveCursor(at: { r: number; c: number }, key: string): { r: number; c: number } | null {
  const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const step = d[key];
  if (!step) return null;
  const clamp = (x: number) => Math.min(SIZE - 1, Math.max(0, x));
  return { r: clamp(at.r + step[0]), c: clamp(at.c + step[1]) };
}
