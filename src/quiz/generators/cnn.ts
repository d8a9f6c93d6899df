// Templates for the convolutional-network primer and chapter: output sizes and parameter counts.
import { convOutputSize, poolOutputSize, convParamCount } from "../../../lib";
import { defineGenerator, fmt, pickInt, choose, EXACT } from "./types";

export const convOutput = defineGenerator("conv-output-size", "cnn", "Output size of a convolution", (rng) => {
  const k = choose(rng, [1, 3, 3, 5, 7]),
    padding = pickInt(rng, 0, 3),
    stride = choose(rng, [1, 1, 2, 2, 3]),
    dilation = rng.next() < 0.2 && k > 1 ? 2 : 1;
  const span = dilation * (k - 1) + 1;
  const n = Math.max(span + 1, pickInt(rng, 5, 64));
  const answer = convOutputSize(n, k, { padding, stride, dilation });
  const dil = dilation > 1 ? `, dilation ${dilation}` : "";
  return {
    prompt: `A ${n}×${n} input goes through a convolution with a ${k}×${k} kernel, padding ${padding}, stride ${stride}${dil}. What is the output's height (and width)?`,
    answer,
    tolerance: EXACT,
    solution: [
      ...(dilation > 1 ? [`a dilated kernel spans d(k − 1) + 1 = ${dilation}·${k - 1} + 1 = ${span} inputs`] : []),
      `out = ⌊(n + 2p − ${dilation > 1 ? "span" : "k"}) / s⌋ + 1 = ⌊(${n} + 2·${padding} − ${span}) / ${stride}⌋ + 1`,
      `= ⌊${fmt((n + 2 * padding - span) / stride)}⌋ + 1 = ${answer}`,
    ],
    mistakes: [
      {
        id: "conv-padding-once",
        label: "You counted the padding once; it is added on both sides, so n + 2p.",
        value: padding > 0 ? Math.floor((n + padding - span) / stride) + 1 : NaN,
      },
      {
        id: "conv-no-plus-one",
        label: "You forgot the + 1 (the first window position).",
        value: Math.floor((n + 2 * padding - span) / stride),
      },
      {
        id: "conv-no-stride",
        label: "You ignored the stride: divide (n + 2p − k) by s before adding 1.",
        value: stride > 1 ? n + 2 * padding - span + 1 : NaN,
      },
      {
        id: "conv-no-dilation",
        label: "You used k; a dilated kernel spans d(k − 1) + 1 inputs.",
        value: dilation > 1 ? Math.floor((n + 2 * padding - k) / stride) + 1 : NaN,
      },
    ],
    params: { n, k, padding, stride, dilation },
  };
});

export const convParams = defineGenerator("conv-param-count", "cnn", "Parameters of a convolution layer", (rng) => {
  const cIn = choose(rng, [1, 3, 16, 32, 64]),
    cOut = choose(rng, [8, 16, 32, 64, 128]),
    k = choose(rng, [1, 3, 5, 7]);
  const answer = convParamCount(cIn, cOut, k);
  return {
    prompt: `A convolution layer maps ${cIn} input channels to ${cOut} output channels with ${k}×${k} kernels and a bias per output channel. How many trainable parameters does it have?`,
    answer,
    tolerance: EXACT,
    solution: [
      `each output channel has a ${k}×${k}×${cIn} kernel: ${k * k * cIn} weights, plus 1 bias`,
      `${cOut}·(${k * k * cIn} + 1) = ${fmt(answer)}`,
    ],
    mistakes: [
      { id: "conv-params-no-bias", label: "You left out the biases, one per output channel.", value: cOut * cIn * k * k },
      {
        id: "conv-params-no-input-channels",
        label: "Each kernel spans all input channels: k·k·c_in weights per output channel.",
        value: cOut * k * k + cOut,
      },
      {
        id: "conv-params-bias-per-input",
        label: "There is one bias per output channel, not per input channel.",
        value: cOut * cIn * k * k + cIn,
      },
    ],
    params: { cIn, cOut, k },
  };
});

export const poolOutput = defineGenerator("pool-output-size", "cnn", "Output size of a pooling layer", (rng) => {
  const k = choose(rng, [2, 2, 3]),
    stride = choose(rng, [k, k, 1, 2]),
    n = pickInt(rng, Math.max(4, k), 33);
  const answer = poolOutputSize(n, k, stride);
  return {
    prompt: `Max pooling with a ${k}×${k} window and stride ${stride}, no padding, on a ${n}×${n} feature map. What is the output's height (and width)?`,
    answer,
    tolerance: EXACT,
    solution: [`out = ⌊(n − k) / s⌋ + 1 = ⌊(${n} − ${k}) / ${stride}⌋ + 1 = ${answer}`],
    mistakes: [
      { id: "pool-no-plus-one", label: "You forgot the + 1 (the first window position).", value: Math.floor((n - k) / stride) },
      {
        id: "pool-divide-by-window",
        label: "n/k holds only when the stride equals the window and divides n; use ⌊(n − k)/s⌋ + 1.",
        value: Math.floor(n / k),
      },
    ],
    params: { n, k, stride },
  };
});

/** The CNN templates. */
export const cnnGenerators = [convOutput, convParams, poolOutput];
