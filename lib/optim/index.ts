// The table of contents of lib/optim/ (optimizers and learning-rate schedules): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { type Optimizer, checkPairs } from "./optimizer";
export { SGD } from "./sgd";
export { Momentum, type MomentumForm, type MomentumOptions } from "./momentum";
export { Nesterov } from "./nesterov";
export { RMSProp, type RMSPropOptions } from "./rmsprop";
export { Adagrad, type AdagradOptions } from "./adagrad";
export { Adam, type AdamOptions } from "./adam";
export { AdamW } from "./adamw";
export { decayMask } from "./decay-mask";
export { constantLr, stepDecay, exponentialDecay, cosineAnnealing, linearWarmup, type Schedule } from "./schedules";
export {
  eigenSym2,
  bowlHessian,
  iterationMatrix,
  eigenvalues2,
  spectralRadius,
  convergenceRate,
  directionErrors,
  stabilityLimit,
  criticalBeta,
  optimalSettings,
  stepsToShrink,
  measureIterationMatrix,
  type QuadMethod,
  type Mat2,
} from "./quadratic-analysis";
