// The table of contents of lib/conv/ (convolution and pooling on NCHW images): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { pairAt, dims4, window2d, type Pair, type Window2d } from "./geometry";
export { conv2d, conv2dInto, conv2dBackward, conv2dBackwardInto, conv2dOutputShape, type Conv2dOptions, type Conv2dGrads } from "./conv2d";
export { SpatialLayer, type SpatialCache, type SpatialGrads } from "./spatial-layer";
export { Conv2d, type Conv2dCache, type Conv2dLayerGrads, type Conv2dLayerOptions } from "./conv2d-layer";
export { pool2dOutputShape, type Pool2dOptions } from "./pool-geometry";
export { maxPool2d, maxPool2dInto, maxPool2dBackward, maxPool2dBackwardInto } from "./max-pool2d";
export { avgPool2d, avgPool2dInto, avgPool2dBackward, avgPool2dBackwardInto, type AvgPool2dOptions } from "./avg-pool2d";
export { MaxPool2d, type MaxPool2dCache, type Pool2dLayerOptions } from "./max-pool2d-layer";
export { AvgPool2d } from "./avg-pool2d-layer";
export { receptiveField, type FieldLayer } from "./receptive-field";
