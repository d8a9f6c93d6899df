// The table of contents of lib/train/ (the training loop): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { BatchCursor, gatherColumns } from "./batches";
export { Trainer, train, type StepOptimizer, type TrainOptions, type TrainReport, type TrainStatus } from "./loop";
