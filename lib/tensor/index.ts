// The table of contents of lib/tensor/ (tensors: the flat Float64Array container and the loops over it): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { Tensor, shapeSize, assertSameShape, assertSameLayout, sameShape, shapeError } from "./tensor";
export { matmul, matmulInto, type MatmulOptions } from "./matmul";
export { transpose, transposeInto } from "./transpose";
export { addColumn, addColumnInto } from "./broadcast";
export { affine, affineInto } from "./affine";
export { add, addInto, sub, subInto, mul, mulInto, scale, scaleInto, map, mapInto } from "./elementwise";
export { sum, mean, sumColumns, sumColumnsInto, sumRows, sumRowsInto } from "./reduce";
export { argmaxColumns, argmaxColumn } from "./argmax";
export { norm2 } from "./norm";
export { cosineSimilarity } from "./cosine";
export { gemmKernel, WASM_MIN_WORK } from "./wasm-gemm";
