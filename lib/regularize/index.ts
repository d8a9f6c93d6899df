export {
  l2Penalty, l2Grad, halfL2Penalty, halfL2Grad, l1Penalty, l1Grad, elasticNetPenalty, elasticNetGrad, penalties,
  type Penalty, type Weights,
} from "./penalties";
export { softThreshold, proximalL1Step } from "./soft-threshold";
export { globalNorm, clipByGlobalNorm, clipByNorm, clipByValue, type Grad } from "./clip";
export { ClippedOptimizer, type ClipMode } from "./clipped-optimizer";
