// Every scalar activation, one export line per file. The menu `activations` (index.ts) is built from
// this list, so adding an activation is its file plus its line here. An exported Activation's export
// name must equal its `name` (a test checks it).
export { linear } from "./linear";
export { sigmoid } from "./sigmoid";
export { tanh } from "./tanh";
export { relu } from "./relu";
export { leakyRelu, createLeakyRelu } from "./leaky-relu";
export { elu, createElu } from "./elu";
export { gelu, geluTanh } from "./gelu";
export { softplus } from "./softplus";
