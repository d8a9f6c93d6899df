// The table of contents of lib/layers/ (layers and models): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export type { Layer, Param } from "./layer";
export { LayerBase } from "./layer-base";
export { Dense, type DenseOptions, type DenseCache, type DenseGrads } from "./dense";
export { ActivationLayer, type ActivationCache, type ActivationGrads } from "./activation-layer";
export { Dropout, type DropoutCache, type DropoutGrads } from "./dropout";
export { Normalization, type NormalizationCache, type NormalizationGrads } from "./normalization";
export { BatchNorm, type BatchNormCache, type BatchNormGrads } from "./batch-norm";
export { LayerNorm, type LayerNormCache, type LayerNormGrads } from "./layer-norm";
export { Residual, type ResidualCache } from "./residual";
export { Sequential, nameLayers, type ContainerCache, type ContainerGrads } from "./sequential";
export { forward, backward, paramArrays, paramCount } from "./model";
export { mlp, type MlpOptions } from "./mlp";
export { mlpDeep, type MlpDeepOptions } from "./mlp-deep";
export { neuronForward } from "./neuron";
export { TwoLayerNet, type TwoLayerNetOptions } from "./two-layer-net";
export { convOutputSize, poolOutputSize } from "./conv-arithmetic";
export {
  denseParamCount,
  convParamCount,
  embeddingParamCount,
  recurrentParamCount,
  rnnParamCount,
  lstmParamCount,
  gruParamCount,
  multiHeadAttentionParamCount,
} from "./param-counts";
