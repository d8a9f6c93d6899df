// The engine's public entry and table of contents: one export line per file, grouped by folder.
// Widgets, quiz generators and notebook cells import from here, never from a deep path.

// tensor
export { Tensor, shapeSize, assertSameShape, sameShape, shapeError } from "./tensor/tensor";
export { matmul, matmulInto, type MatmulOptions } from "./tensor/matmul";
export { transpose, transposeInto } from "./tensor/transpose";
export { addColumn, addColumnInto } from "./tensor/broadcast";
export { affine, affineInto } from "./tensor/affine";
export { add, addInto, sub, subInto, mul, mulInto, scale, scaleInto, map, mapInto } from "./tensor/elementwise";
export { sum, mean, sumColumns, sumColumnsInto, sumRows, sumRowsInto } from "./tensor/reduce";
export { argmaxColumns, argmaxColumn } from "./tensor/argmax";
export { norm2 } from "./tensor/norm";
export { cosineSimilarity } from "./tensor/cosine";

// random
export { createRng, type Rng } from "./random/rng";

// activations
export { type Activation } from "./activations/activation";
export { linear } from "./activations/linear";
export { sigmoid } from "./activations/sigmoid";
export { tanh } from "./activations/tanh";
export { relu } from "./activations/relu";
export { leakyRelu, createLeakyRelu } from "./activations/leaky-relu";
export { elu, createElu } from "./activations/elu";
export { gelu, geluTanh } from "./activations/gelu";
export { softplus } from "./activations/softplus";
export { softmax, softmaxJacobian, softmaxBackward, softmaxColumns, softmaxColumnsInto } from "./activations/softmax";
export { erf, erfc } from "./activations/erf";
export { activateInto, activationBackwardInto } from "./activations/apply";
export { activations, type ActivationName } from "./activations/index";

// losses
export { type Loss, type LossResult, type Reduction, lossResult, checkLossShapes } from "./losses/loss";
export { mse, mseInto, halfMse, halfMseInto } from "./losses/mse";
export { bce, bceInto, bceAccuracy } from "./losses/bce";
export { bceWithLogits, bceWithLogitsInto, logitAccuracy } from "./losses/bce-with-logits";
export { softmaxCe, softmaxCeInto, classAccuracy } from "./losses/softmax-ce";
export { l1, l1Into } from "./losses/l1";
export { huber, huberInto, createHuber } from "./losses/huber";
export { klStandardNormal } from "./losses/kl-gaussian";
export { ganDiscriminatorLoss, ganGeneratorLoss } from "./losses/gan";
export { reparameterize, vaeNegativeElbo } from "./losses/vae";
export { losses } from "./losses/index";

// init
export { fans, filled, calculateGain, type FanOut, type GainNonlinearity } from "./init/fans";
export { zeros, uniform, normal } from "./init/basic";
export { xavierUniform, xavierNormal } from "./init/xavier";
export { heUniform, heNormal, type HeOptions } from "./init/he";
export { orthogonal } from "./init/orthogonal";
export { initScale } from "./init/scales";
export { initializers, type Initializer, type InitializerName } from "./init/index";

// layers and models
export { type Layer, type Param } from "./layers/layer";
export { LayerBase } from "./layers/layer-base";
export { Dense, type DenseOptions, type DenseCache, type DenseGrads } from "./layers/dense";
export { ActivationLayer, type ActivationCache, type ActivationGrads } from "./layers/activation-layer";
export { Dropout, type DropoutCache, type DropoutGrads } from "./layers/dropout";
export { BatchNorm, type BatchNormCache, type BatchNormGrads } from "./layers/batch-norm";
export { LayerNorm, type LayerNormCache, type LayerNormGrads } from "./layers/layer-norm";
export { Residual, type ResidualCache } from "./layers/residual";
export { Sequential, nameLayers, type ContainerCache, type ContainerGrads } from "./layers/sequential";
export { forward, backward, paramArrays, paramCount } from "./layers/model";
export { mlp, type MlpOptions } from "./layers/mlp";
export { mlpDeep, type MlpDeepOptions } from "./layers/mlp-deep";
export { neuronForward } from "./layers/neuron";
export { TwoLayerNet, type TwoLayerNetOptions } from "./layers/two-layer-net";
export { convOutputSize, poolOutputSize } from "./layers/conv-arithmetic";
export { convParamCount, embeddingParamCount, recurrentParamCount, rnnParamCount, lstmParamCount, gruParamCount, multiHeadAttentionParamCount } from "./layers/param-counts";

// recurrent cells
export { rnnScalarStep, lstmScalarStep, type RnnScalarWeights, type LstmScalarWeights } from "./rnn/scalar-cells";
export { stackSteps, stepViews, stepOf, stepNorms } from "./rnn/sequence";
export { Recurrent, type RecurrentOptions, type RecurrentCache, type RecurrentGrads } from "./rnn/bptt";
export { RNN } from "./rnn/rnn";
export { LSTM, type LSTMCache, type LSTMGrads } from "./rnn/lstm";
export { GRU, type GRUCache, type GRUGrads } from "./rnn/gru";
export { RecurrentCell } from "./rnn/cell";
export { RNNCell } from "./rnn/rnn-cell";
export { LSTMCell } from "./rnn/lstm-cell";
export { GRUCell } from "./rnn/gru-cell";
export { SequenceDense, type SequenceDenseCache, type SequenceDenseGrads } from "./rnn/sequence-dense";
export { sequenceLossInto } from "./rnn/sequence-loss";

// attention
export { scaledDotProductAttention } from "./attention/attention";
export { sinusoidalPositionalEncoding } from "./attention/positional-encoding";

// gradient checking
export { finiteDifference, relativeError, gradCheckFn } from "./check/finite";
export { gradCheck, type GradCheckEntry, type GradCheckOptions } from "./check/grad-check";
export { denseLayers, gradNormsPerLayer, tensorStats, activationStats, DEFAULT_QUANTILES, type TensorStats } from "./check/layer-stats";

// training
export { BatchCursor, gatherColumns } from "./train/batches";
export { Trainer, train, type StepOptimizer, type TrainOptions, type TrainReport, type TrainStatus } from "./train/loop";

// optimizers, regularization, datasets (lib/optim, lib/regularize, lib/data)
export type { Optimizer } from "./optim/optimizer";
export { SGD } from "./optim/sgd";
export { Momentum, type MomentumForm, type MomentumOptions } from "./optim/momentum";
export { Nesterov } from "./optim/nesterov";
export { RMSProp, type RMSPropOptions } from "./optim/rmsprop";
export { Adagrad, type AdagradOptions } from "./optim/adagrad";
export { Adam, type AdamOptions } from "./optim/adam";
export { AdamW } from "./optim/adamw";
export { decayMask } from "./optim/decay-mask";
export { constantLr, stepDecay, exponentialDecay, cosineAnnealing, linearWarmup, type Schedule } from "./optim/schedules";
export { l1Penalty, l1Grad, l2Penalty, l2Grad, halfL2Penalty, halfL2Grad, elasticNetPenalty, elasticNetGrad, penalties, type Penalty, type Weights } from "./regularize/penalties";
export { softThreshold, proximalL1Step } from "./regularize/soft-threshold";
export { globalNorm, clipByNorm, clipByGlobalNorm, clipByValue, type Grad } from "./regularize/clip";
export { ClippedOptimizer, type ClipMode } from "./regularize/clipped-optimizer";
export type { Dataset, PointOptions } from "./data/dataset";
export { standardize, type Standardization } from "./data/standardize";
export { houseData, houseFeatures, type HouseData, type HouseFeature } from "./data/house-prices";
export { miniBatches, takeColumns } from "./data/mini-batches";
export { moons } from "./data/moons";
export { circles } from "./data/circles";
export { spiral } from "./data/spiral";
export { xor } from "./data/xor";
export { blobs } from "./data/blobs";
export { sineData, polynomialData, type CurveOptions } from "./data/regression-1d";
export { quadraticBowl, ravine, rosenbrock, beale, saddle, withGradientNoise, type Surface, type SurfacePoint } from "./data/surfaces";
export { oneHot, oneHotSequence } from "./data/one-hot";
export { copyTask, type CopyTaskOptions, type CopyTaskData } from "./data/copy-task";
export { sineSequence, type SineSequenceOptions, type SineSequenceData } from "./data/sine-sequence";
export { charCorpus, charVocabulary, encodeChars, decodeChars, charSequences, type CharSequenceOptions } from "./data/char-corpus";
