// The table of contents of lib/regularize/ (regularization: penalties and gradient clipping): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export {
  l1Penalty,
  l1Grad,
  l2Penalty,
  l2Grad,
  halfL2Penalty,
  halfL2Grad,
  elasticNetPenalty,
  elasticNetGrad,
  penalties,
  type Penalty,
  type Weights,
} from "./penalties";
export { softThreshold, proximalL1Step } from "./soft-threshold";
export { globalNorm, clipByNorm, clipByGlobalNorm, clipGradNorm, clipCoefficient, clipByValue, type Grad } from "./clip";
export { OptimizerWrapper } from "./optimizer-wrapper";
export { ClippedOptimizer, type ClipMode } from "./clipped-optimizer";
export { PenalizedOptimizer } from "./penalized-optimizer";
