// Templates for chapter 8: recurrent parameter counts and scalar RNN/LSTM steps.
import {
  rnnParamCount,
  lstmParamCount,
  gruParamCount,
  recurrentParamCount,
  rnnScalarStep,
  lstmScalarStep,
  type LstmScalarWeights,
} from "../../../lib";
import { defineGenerator, fmt, fp, pickSigned, choose, EXACT } from "./types";
import type { Topic } from "../schema";

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const BIAS_TEXT = {
  1: "one bias vector per gate block (the textbook cell)",
  2: "two bias vectors per gate block, b_ih and b_hh, as PyTorch stores them",
} as const;

function countTemplate(id: string, topic: Topic, name: string, blocks: 1 | 3 | 4, count: (nx: number, nh: number, b: 1 | 2) => number) {
  return defineGenerator(id, topic, `Parameters of ${name} layer`, (rng) => {
    const nx = choose(rng, [1, 3, 8, 10, 16, 32, 50, 100, 128]),
      nh = choose(rng, [4, 8, 16, 20, 32, 64, 128, 256]),
      biases = choose(rng, [1, 2] as const);
    const answer = count(nx, nh, biases);
    const block = nh * (nx + nh) + biases * nh;
    return {
      prompt: `${cap(name)} layer with input size n_x = ${nx} and hidden size n_h = ${nh}, counting ${BIAS_TEXT[biases]}. How many trainable parameters does it have?`,
      answer,
      tolerance: EXACT,
      solution: [
        `one gate block: W_x is ${nh}×${nx}, W_h is ${nh}×${nh}, plus ${biases}·${nh} bias entries: ${nh}·(${nx} + ${nh}) + ${biases * nh} = ${fmt(block)}`,
        blocks === 1 ? `total = ${fmt(answer)}` : `${blocks} blocks: ${blocks}·${fmt(block)} = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "recurrent-bias-convention",
          label:
            biases === 2
              ? "You counted one bias vector per block; PyTorch keeps two (b_ih and b_hh)."
              : "You counted two bias vectors per block (PyTorch's layout); the question asks for one.",
          value: count(nx, nh, biases === 2 ? 1 : 2),
        },
        {
          id: "recurrent-no-recurrent-weights",
          label: "You left out the recurrent matrix W_h (n_h × n_h).",
          value: blocks * (nh * nx + biases * nh),
        },
        ...(blocks !== 1
          ? [{ id: "recurrent-one-block", label: `${cap(name)} has ${blocks} gate blocks, each with its own weights.`, value: block }]
          : []),
        ...(blocks === 4
          ? [
              {
                id: "lstm-three-blocks",
                label: "That is a GRU's count (3 blocks); an LSTM has 4: input, forget, candidate, output.",
                value: recurrentParamCount(nx, nh, 3, biases),
              },
            ]
          : []),
        ...(blocks === 3
          ? [
              {
                id: "gru-four-blocks",
                label: "That is an LSTM's count (4 blocks); a GRU has 3: reset, update, candidate.",
                value: recurrentParamCount(nx, nh, 4, biases),
              },
            ]
          : []),
      ],
      params: { nx, nh, biases },
    };
  });
}

export const rnnParams = countTemplate("rnn-param-count", "rnn", "a vanilla RNN", 1, rnnParamCount);
export const lstmParams = countTemplate("lstm-param-count", "lstm", "an LSTM", 4, lstmParamCount);
export const gruParams = countTemplate("gru-param-count", "gru", "a GRU", 3, gruParamCount);

export const rnnTwoSteps = defineGenerator("rnn-two-steps", "rnn", "Two steps of a scalar RNN", (rng) => {
  const w = { wx: pickSigned(rng, 0.2, 1.5), wh: pickSigned(rng, 0.2, 1.5), b: pickSigned(rng, 0.1, 0.5) };
  const x1 = pickSigned(rng, 0.5, 2),
    x2 = pickSigned(rng, 0.5, 2);
  const h1 = rnnScalarStep(x1, 0, w),
    answer = rnnScalarStep(x2, h1, w);
  const lin1 = w.wx * x1 + w.b;
  return {
    prompt: `A one-unit RNN computes h_t = tanh(w_x·x_t + w_h·h_{t−1} + b) with w_x = ${fmt(w.wx)}, w_h = ${fmt(w.wh)}, b = ${fmt(w.b)} and h₀ = 0. The inputs are x₁ = ${fmt(x1)}, x₂ = ${fmt(x2)}. What is h₂?`,
    answer,
    solution: [
      `h₁ = tanh(${fmt(w.wx)}·${fp(x1)} + ${fp(w.b)}) = tanh(${fmt(lin1)}) = ${fmt(h1)}`,
      `h₂ = tanh(${fmt(w.wx)}·${fp(x2)} + ${fp(w.wh)}·${fp(h1)} + ${fp(w.b)}) = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "rnn-no-tanh",
        label: "You left out the tanh; every step squashes its sum through tanh.",
        value: w.wx * x2 + w.wh * lin1 + w.b,
      },
      {
        id: "rnn-no-recurrence",
        label: "You ignored h₁ in the second step; the state carries over through w_h.",
        value: Math.tanh(w.wx * x2 + w.b),
      },
    ],
    params: { ...w, x1, x2 },
  };
});

export const lstmStep = defineGenerator("lstm-cell-step", "lstm", "One scalar LSTM cell step", (rng) => {
  const gate = () => ({ wx: pickSigned(rng, 0.1, 1), wh: pickSigned(rng, 0.1, 1), b: pickSigned(rng, 0, 1) });
  const w: LstmScalarWeights = { f: gate(), i: gate(), g: gate(), o: gate() };
  const x = pickSigned(rng, 0.5, 2),
    h = pickSigned(rng, 0.1, 0.9),
    c = pickSigned(rng, 0.2, 2);
  const ask = choose(rng, ["c", "h"] as const);
  const r = lstmScalarStep(x, h, c, w);
  const answer = r[ask];
  const line = (k: keyof LstmScalarWeights, fn: string) =>
    `${k} = ${fn}(${fmt(w[k].wx)}·${fp(x)} + ${fp(w[k].wh)}·${fp(h)} + ${fp(w[k].b)}) = ${fmt(r[k])}`;
  const table = (["f", "i", "g", "o"] as const)
    .map((k) => `${k}: w_x = ${fmt(w[k].wx)}, w_h = ${fmt(w[k].wh)}, b = ${fmt(w[k].b)}`)
    .join("; ");
  return {
    prompt: `A one-unit LSTM cell has gate weights (${table}); f, i, o use σ and the candidate g uses tanh. With x = ${fmt(x)}, h_{t−1} = ${fmt(h)} and c_{t−1} = ${fmt(c)}, what is ${ask === "c" ? "the new cell state c_t" : "the new hidden state h_t"}?`,
    answer,
    solution: [
      line("f", "σ"),
      line("i", "σ"),
      line("g", "tanh"),
      line("o", "σ"),
      `c_t = f·c_{t−1} + i·g = ${fmt(r.f)}·${fp(c)} + ${fp(r.i)}·${fp(r.g)} = ${fmt(r.c)}`,
      ...(ask === "h" ? [`h_t = o·tanh(c_t) = ${fmt(r.o)}·${fp(Math.tanh(r.c))} = ${fmt(r.h)}`] : []),
    ],
    mistakes:
      ask === "c"
        ? [
            {
              id: "lstm-no-forget-gate",
              label: "You kept all of c_{t−1}; the forget gate scales it: c_t = f·c_{t−1} + i·g.",
              value: c + r.i * r.g,
            },
            {
              id: "lstm-gates-swapped",
              label: "You swapped the gates: f multiplies the old cell state, i the candidate.",
              value: r.i * c + r.f * r.g,
            },
          ]
        : [
            { id: "lstm-h-no-tanh", label: "You used o·c_t; the hidden state is o·tanh(c_t).", value: r.o * r.c },
            { id: "lstm-h-no-output-gate", label: "You left out the output gate: h_t = o·tanh(c_t).", value: Math.tanh(r.c) },
          ],
    params: { x, h, c, ask, w: [w.f.wx, w.f.wh, w.f.b, w.i.wx, w.i.wh, w.i.b, w.g.wx, w.g.wh, w.g.b, w.o.wx, w.o.wh, w.o.b] },
  };
});

/** The recurrent-network templates. */
export const rnnGenerators = [rnnParams, lstmParams, gruParams, rnnTwoSteps, lstmStep];
