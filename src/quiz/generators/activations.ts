// Templates for chapter 2: activation derivatives and one neuron's output.
import { sigmoid, tanh, relu, createLeakyRelu, neuronForward } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pick, pickSigned, choose } from "./types";

export const sigmoidDerivative = defineGenerator(
  "sigmoid-derivative",
  "activations",
  () => t("gen.sigmoid-derivative.title"),
  (rng) => {
    const z = pickSigned(rng, 0.2, 4, 1);
    const s = sigmoid.f(z),
      answer = sigmoid.df(z);
    return {
      prompt: t("gen.sigmoid-derivative.prompt", { z: fmt(z) }),
      answer,
      solution: [
        `σ(z) = 1 / (1 + e^(−z)) = 1 / (1 + ${fmt(Math.exp(-z))}) = ${fmt(s)}`,
        `σ′(z) = σ(z)·(1 − σ(z)) = ${fmt(s)}·${fmt(1 - s)} = ${fmt(answer)}`,
      ],
      mistakes: [
        { id: "sigmoid-value", label: t("gen.sigmoid-derivative.mistake.sigmoid-value"), value: s },
        { id: "sigmoid-z-one-minus-z", label: t("gen.sigmoid-derivative.mistake.sigmoid-z-one-minus-z"), value: z * (1 - z) },
      ],
      params: { z },
    };
  },
);

export const tanhDerivative = defineGenerator(
  "tanh-derivative",
  "activations",
  () => t("gen.tanh-derivative.title"),
  (rng) => {
    const z = pickSigned(rng, 0.1, 2.5, 1);
    const th = tanh.f(z),
      answer = tanh.df(z);
    return {
      prompt: t("gen.tanh-derivative.prompt", { z: fmt(z) }),
      answer,
      solution: [`tanh(${fmt(z)}) = ${fmt(th)}`, `tanh′(z) = 1 − tanh²(z) = 1 − ${fmt(th * th)} = ${fmt(answer)}`],
      mistakes: [
        { id: "tanh-one-minus-z2", label: t("gen.tanh-derivative.mistake.tanh-one-minus-z2"), value: 1 - z * z },
        { id: "tanh-value", label: t("gen.tanh-derivative.mistake.tanh-value"), value: th },
        { id: "tanh-no-square", label: t("gen.tanh-derivative.mistake.tanh-no-square"), value: 1 - th },
      ],
      params: { z },
    };
  },
);

export const reluDerivative = defineGenerator(
  "relu-derivative",
  "activations",
  () => t("gen.relu-derivative.title"),
  (rng) => {
    const alpha = choose(rng, [0, 0.01, 0.1, 0.2, 0.3]),
      z = rng.next() < 0.75 ? -pick(rng, 0.1, 3) : pick(rng, 0.1, 3);
    const g = alpha === 0 ? relu : createLeakyRelu(alpha);
    const answer = g.df(z);
    return {
      prompt:
        alpha === 0
          ? t("gen.relu-derivative.prompt.relu", { z: fmt(z) })
          : t("gen.relu-derivative.prompt.leaky", { alpha: fmt(alpha), z: fmt(z) }),
      answer,
      tolerance: { abs: 1e-9, rel: 1e-6 },
      solution: [
        z > 0
          ? t("gen.relu-derivative.solution.1.positive")
          : alpha === 0
            ? t("gen.relu-derivative.solution.1.relu-negative")
            : t("gen.relu-derivative.solution.1.leaky-negative", { alpha: fmt(alpha) }),
      ],
      mistakes: [
        {
          id: "relu-leaky-zero",
          label: t("gen.relu-derivative.mistake.relu-leaky-zero"),
          value: z < 0 && alpha > 0 ? 0 : NaN,
        },
        { id: "relu-output-not-slope", label: t("gen.relu-derivative.mistake.relu-output-not-slope"), value: g.f(z) },
        { id: "relu-sign", label: t("gen.relu-derivative.mistake.relu-sign"), value: z < 0 ? 1 : NaN },
      ],
      params: { alpha, z },
    };
  },
);

const ACTS = { sigmoid, tanh, relu } as const;

export const neuronOutput = defineGenerator(
  "neuron-output",
  "neurons",
  () => t("gen.neuron-output.title"),
  (rng) => {
    const w = [pickSigned(rng, 0.1, 2), pickSigned(rng, 0.1, 2)],
      x = [pickSigned(rng, 0.5, 3), pickSigned(rng, 0.5, 3)],
      b = pickSigned(rng, 0.1, 1.5);
    const name = choose(rng, ["sigmoid", "tanh", "relu"] as const);
    const { z, a } = neuronForward(w, x, b, ACTS[name]);
    return {
      prompt: t("gen.neuron-output.prompt", {
        w: w.map((v) => fmt(v)).join(", "),
        b: fmt(b),
        activation: name,
        x: x.map((v) => fmt(v)).join(", "),
      }),
      answer: a,
      solution: [`z = ${fmt(w[0])}·${fp(x[0])} + ${fp(w[1])}·${fp(x[1])} + ${fp(b)} = ${fmt(z)}`, `a = ${name}(${fmt(z)}) = ${fmt(a)}`],
      mistakes: [
        { id: "neuron-no-bias", label: t("gen.neuron-output.mistake.neuron-no-bias"), value: neuronForward(w, x, 0, ACTS[name]).a },
        { id: "neuron-no-activation", label: t("gen.neuron-output.mistake.neuron-no-activation"), value: z },
      ],
      params: { w, x, b, activation: name },
    };
  },
);

/** The activation templates. */
export const activationGenerators = [sigmoidDerivative, tanhDerivative, reluDerivative, neuronOutput];
