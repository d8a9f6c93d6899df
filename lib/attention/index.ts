// The table of contents of lib/attention/ (attention): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { scaledDotProductAttention } from "./attention";
export { sinusoidalPositionalEncoding } from "./positional-encoding";
export {
  attentionForward,
  attentionForwardInto,
  attentionBackward,
  attentionBackwardInto,
  type AttentionOptions,
  type AttentionGrads,
} from "./attention-batched";
export { MultiheadAttention, type MultiheadAttentionOptions, type MultiheadAttentionCache } from "./multihead-attention";
export {
  TransformerBlock,
  type TransformerBlockOptions,
  type TransformerBlockCache,
  type TransformerBlockGrads,
} from "./transformer-block";
export { tokenize, wordVector, tokenVectors } from "./token-vectors";
export { softmaxEntropy, softmaxJacobianNorm } from "./softmax-spread";
