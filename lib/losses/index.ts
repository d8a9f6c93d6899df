// The table of contents of lib/losses/ (losses): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { type Loss, type LossResult, type Reduction, lossResult, checkLossShapes } from "./loss";
export { mse, mseInto, halfMse, halfMseInto } from "./mse";
export { bce, bceInto, bceAccuracy } from "./bce";
export { bceWithLogits, bceWithLogitsInto, logitAccuracy } from "./bce-with-logits";
export { softmaxCe, softmaxCeInto, classAccuracy } from "./softmax-ce";
export { l1, l1Into } from "./l1";
export { huber, huberInto, createHuber } from "./huber";
export { klStandardNormal } from "./kl-gaussian";
export { ganDiscriminatorLoss, ganGeneratorLoss } from "./gan";
export { reparameterize, vaeNegativeElbo } from "./vae";

import type { Loss } from "./loss";
import { mse, mseInto, halfMse, halfMseInto } from "./mse";
import { bce, bceInto, bceAccuracy } from "./bce";
import { bceWithLogits, bceWithLogitsInto, logitAccuracy } from "./bce-with-logits";
import { softmaxCe, softmaxCeInto, classAccuracy } from "./softmax-ce";
import { l1, l1Into } from "./l1";
import { createHuber } from "./huber";

/**
 * Every loss by name, as objects the training loop takes (`compute`, `computeInto`, `accuracy` for classifiers).
 *
 *   losses.mse (PyTorch: mean over all entries) · losses.halfMse (course: 1/(2m) Σ) · bce · bceWithLogits · softmaxCe · l1 · huber (δ = 1)
 *
 * @example
 *   losses.bceWithLogits.compute(Z, Y).loss;
 *   train({ model, loss: losses.softmaxCe, optimizer, X, Y });
 */
export const losses = {
  mse: { name: "mse", compute: mse, computeInto: mseInto },
  halfMse: { name: "halfMse", compute: halfMse, computeInto: halfMseInto },
  bce: { name: "bce", compute: bce, computeInto: bceInto, accuracy: bceAccuracy },
  bceWithLogits: { name: "bceWithLogits", compute: bceWithLogits, computeInto: bceWithLogitsInto, accuracy: logitAccuracy },
  softmaxCe: { name: "softmaxCe", compute: softmaxCe, computeInto: softmaxCeInto, accuracy: classAccuracy },
  l1: { name: "l1", compute: l1, computeInto: l1Into },
  huber: createHuber(1),
} satisfies Record<string, Loss>;
