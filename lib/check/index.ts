// The table of contents of lib/check/ (gradient checking and layer statistics): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { finiteDifference, relativeError, gradCheckFn } from "./finite";
export { gradCheck, type GradCheckEntry, type GradCheckOptions } from "./grad-check";
export { partitionAt } from "./partition";
export { denseLayers, gradNormsPerLayer, tensorStats, activationStats, DEFAULT_QUANTILES, type TensorStats } from "./layer-stats";
