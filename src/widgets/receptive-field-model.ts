// The receptive-field widget's state and numbers (chapter 9): a stack of equal convolutions, optionally with stride 2
// in the first layer or dilations doubling layer by layer, and the engine's receptive field and jump per layer. No DOM.
import { receptiveField, type FieldLayer } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const receptiveFieldSchema = {
  layers: { kind: "number", label: t("receptiveField.layers"), min: 1, max: 6, step: 1, default: 3 },
  kernel: { kind: "number", label: t("receptiveField.kernel"), min: 2, max: 5, step: 1, default: 3 },
  strideFirst: { kind: "boolean", label: t("receptiveField.strideFirst"), default: false },
  dilate: { kind: "boolean", label: t("receptiveField.dilate"), default: false },
} satisfies Schema;
export type ReceptiveFieldState = StateOf<typeof receptiveFieldSchema>;

/** The layers of the stack the settings describe. */
export function stackOf(s: ReceptiveFieldState): FieldLayer[] {
  return Array.from({ length: s.layers }, (_, l) => ({
    kernel: s.kernel,
    stride: s.strideFirst && l === 0 ? 2 : 1,
    dilation: s.dilate ? 2 ** l : 1,
  }));
}

/**
 * Each layer's receptive field and jump (engine), and where its kernel's taps fall, in input pixels from the centre
 * of its field: tap u of layer l sits (u − (k − 1)/2)·d_l·j_{l−1} pixels from the centre.
 */
export function fieldRows(s: ReceptiveFieldState) {
  const stack = stackOf(s),
    fields = receptiveField(stack);
  return stack.map((layer, l) => {
    const jumpBefore = l === 0 ? 1 : fields[l - 1].jump,
      d = layer.dilation ?? 1;
    const taps = Array.from({ length: layer.kernel }, (_, u) => (u - (layer.kernel - 1) / 2) * d * jumpBefore);
    return {
      layer: l + 1,
      ...layer,
      size: fields[l].size,
      jump: fields[l].jump,
      growth: fields[l].size - (l === 0 ? 1 : fields[l - 1].size),
      taps,
    };
  });
}
export type FieldRow = ReturnType<typeof fieldRows>[number];
