// The table of contents of lib/rnn/ (recurrent cells and layers with backpropagation through time): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { rnnScalarStep, lstmScalarStep, type RnnScalarWeights, type LstmScalarWeights } from "./scalar-cells";
export { stackSteps, stepViews, stepOf, stepNorms } from "./sequence";
export { Recurrent, type RecurrentOptions, type RecurrentCache, type RecurrentGrads } from "./bptt";
export { RNN } from "./rnn";
export { LSTM, type LSTMCache, type LSTMGrads } from "./lstm";
export { GRU, type GRUCache, type GRUGrads } from "./gru";
export { RecurrentCell } from "./cell";
export { RNNCell } from "./rnn-cell";
export { LSTMCell } from "./lstm-cell";
export { GRUCell } from "./gru-cell";
export { SequenceDense, type SequenceDenseCache, type SequenceDenseGrads } from "./sequence-dense";
export { sequenceLossInto, sequenceLoss } from "./sequence-loss";
