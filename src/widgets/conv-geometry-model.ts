// The output-size widget's state and numbers (chapter 9): along one axis, where each placement of a kernel lands on
// the padded input for a given kernel, padding, stride and dilation, and the output size from the engine. No DOM.
import { conv2dOutputShape, convOutputSize } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const convGeometrySchema = {
  n: { kind: "number", label: t("convGeometry.n"), min: 3, max: 12, step: 1, default: 8 },
  k: { kind: "number", label: t("convGeometry.k"), min: 1, max: 5, step: 1, default: 3 },
  p: { kind: "number", label: t("convGeometry.p"), min: 0, max: 3, step: 1, default: 0 },
  s: { kind: "number", label: t("convGeometry.s"), min: 1, max: 4, step: 1, default: 2 },
  d: { kind: "number", label: t("convGeometry.d"), min: 1, max: 3, step: 1, default: 1 },
} satisfies Schema;
export type ConvGeometryState = StateOf<typeof convGeometrySchema>;

/**
 * The placements of the kernel along one axis of the padded input (positions 0 … n + 2p − 1, the first p and last p
 * being padding): the taps of each placement, the engine's output size (and conv2d's output shape, which must agree),
 * the steps of the formula, and the real input pixels no placement reads. `error` is the engine's message when the
 * kernel does not fit.
 */
export function geometry({ n, k, p, s, d }: ConvGeometryState) {
  const padded = n + 2 * p,
    span = d * (k - 1) + 1,
    lastStart = padded - span;
  let out: number;
  try {
    out = convOutputSize(n, k, { padding: p, stride: s, dilation: d });
  } catch (error) {
    return { padded, span, lastStart, error: error instanceof Error ? error.message : String(error) };
  }
  const shape = conv2dOutputShape([1, 1, n, n], [1, 1, k, k], { padding: p, stride: s, dilation: d });
  const placements = Array.from({ length: out }, (_, o) => Array.from({ length: k }, (_, u) => o * s + u * d));
  const read = new Set(placements.flat());
  const unread = Array.from({ length: n }, (_, x) => x + p).filter((x) => !read.has(x));
  return { padded, span, lastStart, out, shape, placements, unread, steps: Math.floor(lastStart / s), leftover: lastStart % s };
}
export type Geometry = ReturnType<typeof geometry>;
