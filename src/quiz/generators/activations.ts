// Templates for chapter 2: activation derivatives and one neuron's output.
import { sigmoid, tanh, relu, createLeakyRelu, neuronForward } from "../../../lib";
import { defineGenerator, fmt, fp, pick, pickSigned, choose } from "./types";

export const sigmoidDerivative = defineGenerator("sigmoid-derivative", "activations", "The sigmoid's derivative σ′(z)", (rng) => {
  const z = pickSigned(rng, 0.2, 4, 1);
  const s = sigmoid.f(z),
    answer = sigmoid.df(z);
  return {
    prompt: `What is the derivative of the sigmoid, σ′(z), at z = ${fmt(z)}?`,
    answer,
    solution: [
      `σ(z) = 1 / (1 + e^(−z)) = 1 / (1 + ${fmt(Math.exp(-z))}) = ${fmt(s)}`,
      `σ′(z) = σ(z)·(1 − σ(z)) = ${fmt(s)}·${fmt(1 - s)} = ${fmt(answer)}`,
    ],
    mistakes: [
      { id: "sigmoid-value", label: "That is σ(z) itself; the derivative is σ(z)·(1 − σ(z)).", value: s },
      { id: "sigmoid-z-one-minus-z", label: "You computed z·(1 − z); the formula σ(1 − σ) takes σ(z), not z.", value: z * (1 - z) },
    ],
    params: { z },
  };
});

export const tanhDerivative = defineGenerator("tanh-derivative", "activations", "The tanh derivative", (rng) => {
  const z = pickSigned(rng, 0.1, 2.5, 1);
  const t = tanh.f(z),
    answer = tanh.df(z);
  return {
    prompt: `What is the derivative of tanh at z = ${fmt(z)}?`,
    answer,
    solution: [`tanh(${fmt(z)}) = ${fmt(t)}`, `tanh′(z) = 1 − tanh²(z) = 1 − ${fmt(t * t)} = ${fmt(answer)}`],
    mistakes: [
      { id: "tanh-one-minus-z2", label: "You computed 1 − z²; the derivative is 1 − tanh²(z).", value: 1 - z * z },
      { id: "tanh-value", label: "That is tanh(z) itself, not its derivative 1 − tanh²(z).", value: t },
      { id: "tanh-no-square", label: "You forgot the square: tanh′ = 1 − tanh(z)².", value: 1 - t },
    ],
    params: { z },
  };
});

export const reluDerivative = defineGenerator("relu-derivative", "activations", "ReLU and leaky ReLU derivatives", (rng) => {
  const alpha = choose(rng, [0, 0.01, 0.1, 0.2, 0.3]),
    z = rng.next() < 0.75 ? -pick(rng, 0.1, 3) : pick(rng, 0.1, 3);
  const g = alpha === 0 ? relu : createLeakyRelu(alpha);
  const answer = g.df(z),
    name = alpha === 0 ? "ReLU" : `leaky ReLU with slope α = ${fmt(alpha)}`;
  return {
    prompt: `What is the derivative of ${name} at z = ${fmt(z)}?`,
    answer,
    tolerance: { abs: 1e-9, rel: 1e-6 },
    solution: [
      z > 0
        ? `z > 0, so the function is z there and its slope is 1.`
        : alpha === 0
          ? `z < 0, so ReLU is 0 there and its slope is 0.`
          : `z < 0, so the function is α·z there and its slope is α = ${fmt(alpha)}.`,
    ],
    mistakes: [
      {
        id: "relu-leaky-zero",
        label: "Leaky ReLU keeps slope α for negative z; only plain ReLU has slope 0 there.",
        value: z < 0 && alpha > 0 ? 0 : NaN,
      },
      { id: "relu-output-not-slope", label: "That is the function's value, not its slope.", value: g.f(z) },
      { id: "relu-sign", label: "The slope for negative z is α (or 0 for ReLU), not −1 or 1.", value: z < 0 ? 1 : NaN },
    ],
    params: { alpha, z },
  };
});

const ACTS = { sigmoid, tanh, relu } as const;

export const neuronOutput = defineGenerator("neuron-output", "neurons", "One neuron's output", (rng) => {
  const w = [pickSigned(rng, 0.1, 2), pickSigned(rng, 0.1, 2)],
    x = [pickSigned(rng, 0.5, 3), pickSigned(rng, 0.5, 3)],
    b = pickSigned(rng, 0.1, 1.5);
  const name = choose(rng, ["sigmoid", "tanh", "relu"] as const);
  const { z, a } = neuronForward(w, x, b, ACTS[name]);
  return {
    prompt: `A neuron has weights w = [${w.map((v) => fmt(v)).join(", ")}], bias b = ${fmt(b)} and activation ${name}. What is its output a = g(w·x + b) for the input x = [${x.map((v) => fmt(v)).join(", ")}]?`,
    answer: a,
    solution: [`z = ${fmt(w[0])}·${fp(x[0])} + ${fp(w[1])}·${fp(x[1])} + ${fp(b)} = ${fmt(z)}`, `a = ${name}(${fmt(z)}) = ${fmt(a)}`],
    mistakes: [
      { id: "neuron-no-bias", label: "You left out the bias b.", value: neuronForward(w, x, 0, ACTS[name]).a },
      { id: "neuron-no-activation", label: "You stopped at the weighted sum z; the neuron's output is g(z).", value: z },
    ],
    params: { w, x, b, activation: name },
  };
});

/** The activation templates. */
export const activationGenerators = [sigmoidDerivative, tanhDerivative, reluDerivative, neuronOutput];
