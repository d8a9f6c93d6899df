// The parameter-count widget's state and numbers (chapter 9): a convolution against a dense layer that maps the same
// input to the same number of outputs, counted by the engine's closed forms, and the multiplications each does. No DOM.
import { convOutputSize, convParamCount, denseParamCount } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const convParamsSchema = {
  size: { kind: "number", label: t("convParams.size"), min: 4, max: 64, step: 4, default: 28 },
  cIn: { kind: "number", label: t("convParams.cIn"), min: 1, max: 64, step: 1, default: 1 },
  cOut: { kind: "number", label: t("convParams.cOut"), min: 1, max: 64, step: 1, default: 8 },
  k: { kind: "number", label: t("convParams.k"), min: 1, max: 7, step: 1, default: 3 },
} satisfies Schema;
export type ConvParamsState = StateOf<typeof convParamsSchema>;

/**
 * Both counts for a c_in × H × H input and a k × k convolution without padding (output c_out × H_out × H_out):
 *   conv = c_out·(c_in·k² + 1),  dense = n_out·(n_in + 1) with n_in = c_in·H², n_out = c_out·H_out²;
 * the multiplications per image: conv c_out·H_out²·c_in·k², dense n_out·n_in.
 */
export function counts({ size, cIn, cOut, k }: ConvParamsState) {
  if (k > size) return { error: t("convParams.tooBig", { k, size }) };
  const out = convOutputSize(size, k),
    nIn = cIn * size * size,
    nOut = cOut * out * out;
  const conv = convParamCount(cIn, cOut, k),
    dense = denseParamCount(nIn, nOut);
  return { error: undefined, out, nIn, nOut, conv, dense, ratio: dense / conv, convMults: nOut * cIn * k * k, denseMults: nOut * nIn };
}
export type Counts = ReturnType<typeof counts>;
