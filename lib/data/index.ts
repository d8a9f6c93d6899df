export { type Dataset, type PointOptions, pointSet } from "./dataset";
export { standardize, type Standardization } from "./standardize";
export { houseData, houseFeatures, type HouseData, type HouseFeature } from "./house-prices";
export { miniBatches, takeColumns } from "./mini-batches";
export { moons } from "./moons";
export { circles } from "./circles";
export { spiral } from "./spiral";
export { xor } from "./xor";
export { blobs } from "./blobs";
export { sineData, polynomialData, type CurveOptions } from "./regression-1d";
export {
  quadraticBowl, ravine, rosenbrock, beale, saddle, withGradientNoise, type Surface, type SurfacePoint,
} from "./surfaces";
