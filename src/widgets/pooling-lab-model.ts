// The pooling widget's state and numbers (chapter 9): an 8 × 8 feature map pooled by max or mean with the engine,
// where the backward pass sends an output gradient of 1, and how many outputs survive a one-pixel shift. No DOM.
import { avgPool2d, avgPool2dBackward, maxPool2d, maxPool2dBackward, pool2dOutputShape, Tensor } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const SIDE = 8;

export const poolingSchema = {
  mode: { kind: "choice", label: t("poolingLab.mode"), options: ["max", "avg"], default: "max" },
  window: { kind: "number", label: t("poolingLab.window"), min: 2, max: 4, step: 1, default: 2 },
  stride: { kind: "number", label: t("poolingLab.stride"), min: 1, max: 4, step: 1, default: 2 },
  shift: { kind: "boolean", label: t("poolingLab.shift"), default: false },
} satisfies Schema;
export type PoolingState = StateOf<typeof poolingSchema>;

// A feature map with two strong responses and a weak background, as an edge detector's output might look.
const MAP = [
  0, 1, 0, 0, 0, 0, 1, 0, 1, 9, 3, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 8,
  1, 0, 1, 0, 0, 0, 1, 6, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
];

/** The feature map, or the same map moved one pixel to the right (a zero column enters on the left). */
export function featureMap(shift: boolean): Tensor {
  const X = new Tensor([1, 1, SIDE, SIDE]);
  for (let r = 0; r < SIDE; r++)
    for (let c = 0; c < SIDE; c++) X.data[r * SIDE + c] = shift ? (c === 0 ? 0 : MAP[r * SIDE + c - 1]) : MAP[r * SIDE + c];
  return X;
}

function pooled(X: Tensor, s: PoolingState) {
  if (s.mode === "max") {
    const { output, indices } = maxPool2d(X, s.window, { stride: s.stride });
    return { output, winners: Array.from(indices.data), grad: maxPool2dBackward(Tensor.full(output.shape, 1), indices, X.shape) };
  }
  const output = avgPool2d(X, s.window, { stride: s.stride });
  return {
    output,
    winners: [] as number[],
    grad: avgPool2dBackward(Tensor.full(output.shape, 1), X.shape, s.window, { stride: s.stride }),
  };
}

/** The map, the pooled map and its output side, the max's winners (flat indices), dX for dY = 1, and the shift test. */
export function pool(s: PoolingState) {
  const X = featureMap(s.shift),
    side = pool2dOutputShape(X.shape, s.window, { stride: s.stride })[2];
  const now = pooled(X, s),
    before = pooled(featureMap(false), s);
  const unchanged = now.output.data.reduce((count, v, q) => count + Number(v === before.output.data[q]), 0);
  return { X, side, ...now, unchanged, outputs: now.output.size };
}
export type Pooled = ReturnType<typeof pool>;
