// The table of contents of lib/data/ (datasets): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { type Dataset, type SampleOptions, type PointOptions, pointSet, drawExamples } from "./dataset";
export { standardize, type Standardization } from "./standardize";
export { houseData, houseFeatures, type HouseData, type HouseFeature, type HouseOptions } from "./house-prices";
export { miniBatches, takeColumns } from "./mini-batches";
export { moons } from "./moons";
export { circles } from "./circles";
export { spiral } from "./spiral";
export { xor } from "./xor";
export { blobs } from "./blobs";
export { sineData, polynomialData, type CurveOptions } from "./regression-1d";
export { quadraticBowl, ravine, rosenbrock, beale, saddle, withGradientNoise, type Surface, type SurfacePoint } from "./surfaces";
export { oneHot, oneHotSequence } from "./one-hot";
export { copyTask, type CopyTaskOptions, type CopyTaskData } from "./copy-task";
export { sineSequence, type SineSequenceOptions, type SineSequenceData } from "./sine-sequence";
export { charCorpus, charVocabulary, encodeChars, decodeChars, charSequences, type CharSequenceOptions } from "./char-corpus";
export { charSplit, type CharSplitOptions, type CharWindows } from "./char-split";
export { digits, type DigitOptions, type DigitSet } from "./digits";
