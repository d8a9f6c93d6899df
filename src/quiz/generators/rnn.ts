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
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pickSigned, choose, EXACT } from "./types";
import type { Topic } from "../schema";

/**
 * A parameter-count template for one kind of recurrent layer. The messages that name the layer are its own
 * ("gen.<id>.title", "gen.<id>.prompt.one-bias" / ".two-biases", "gen.<id>.mistake.recurrent-one-block"); the rest
 * are shared by the three layers ("gen.recurrent-param-count.…").
 */
function countTemplate(id: string, topic: Topic, blocks: 1 | 3 | 4, count: (nx: number, nh: number, b: 1 | 2) => number) {
  return defineGenerator(
    id,
    topic,
    () => t(`gen.${id}.title`),
    (rng) => {
      const nx = choose(rng, [1, 3, 8, 10, 16, 32, 50, 100, 128]),
        nh = choose(rng, [4, 8, 16, 20, 32, 64, 128, 256]),
        biases = choose(rng, [1, 2] as const);
      const answer = count(nx, nh, biases);
      const block = nh * (nx + nh) + biases * nh;
      return {
        prompt: t(`gen.${id}.prompt.${biases === 2 ? "two-biases" : "one-bias"}`, { nx, nh }),
        answer,
        tolerance: EXACT,
        solution: [
          t("gen.recurrent-param-count.solution.1", { nh, nx, biases, biasEntries: biases * nh, block: fmt(block) }),
          blocks === 1
            ? t("gen.recurrent-param-count.solution.2.one-block", { total: fmt(answer) })
            : t("gen.recurrent-param-count.solution.2.blocks", { blocks, block: fmt(block), total: fmt(answer) }),
        ],
        mistakes: [
          {
            id: "recurrent-bias-convention",
            label:
              biases === 2
                ? t("gen.recurrent-param-count.mistake.recurrent-bias-convention.two-biases")
                : t("gen.recurrent-param-count.mistake.recurrent-bias-convention.one-bias"),
            value: count(nx, nh, biases === 2 ? 1 : 2),
          },
          {
            id: "recurrent-no-recurrent-weights",
            label: t("gen.recurrent-param-count.mistake.recurrent-no-recurrent-weights"),
            value: blocks * (nh * nx + biases * nh),
          },
          ...(blocks !== 1
            ? [{ id: "recurrent-one-block", label: t(`gen.${id}.mistake.recurrent-one-block`, { blocks }), value: block }]
            : []),
          ...(blocks === 4
            ? [
                {
                  id: "lstm-three-blocks",
                  label: t("gen.lstm-param-count.mistake.lstm-three-blocks"),
                  value: recurrentParamCount(nx, nh, 3, biases),
                },
              ]
            : []),
          ...(blocks === 3
            ? [
                {
                  id: "gru-four-blocks",
                  label: t("gen.gru-param-count.mistake.gru-four-blocks"),
                  value: recurrentParamCount(nx, nh, 4, biases),
                },
              ]
            : []),
        ],
        params: { nx, nh, biases },
      };
    },
  );
}

export const rnnParams = countTemplate("rnn-param-count", "rnn", 1, rnnParamCount);
export const lstmParams = countTemplate("lstm-param-count", "lstm", 4, lstmParamCount);
export const gruParams = countTemplate("gru-param-count", "gru", 3, gruParamCount);

export const rnnTwoSteps = defineGenerator(
  "rnn-two-steps",
  "rnn",
  () => t("gen.rnn-two-steps.title"),
  (rng) => {
    const w = { wx: pickSigned(rng, 0.2, 1.5), wh: pickSigned(rng, 0.2, 1.5), b: pickSigned(rng, 0.1, 0.5) };
    const x1 = pickSigned(rng, 0.5, 2),
      x2 = pickSigned(rng, 0.5, 2);
    const h1 = rnnScalarStep(x1, 0, w),
      answer = rnnScalarStep(x2, h1, w);
    const lin1 = w.wx * x1 + w.b;
    return {
      prompt: t("gen.rnn-two-steps.prompt", { wx: fmt(w.wx), wh: fmt(w.wh), b: fmt(w.b), x1: fmt(x1), x2: fmt(x2) }),
      answer,
      solution: [
        `h₁ = tanh(${fmt(w.wx)}·${fp(x1)} + ${fp(w.b)}) = tanh(${fmt(lin1)}) = ${fmt(h1)}`,
        `h₂ = tanh(${fmt(w.wx)}·${fp(x2)} + ${fp(w.wh)}·${fp(h1)} + ${fp(w.b)}) = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "rnn-no-tanh",
          label: t("gen.rnn-two-steps.mistake.rnn-no-tanh"),
          value: w.wx * x2 + w.wh * lin1 + w.b,
        },
        {
          id: "rnn-no-recurrence",
          label: t("gen.rnn-two-steps.mistake.rnn-no-recurrence"),
          value: Math.tanh(w.wx * x2 + w.b),
        },
      ],
      params: { ...w, x1, x2 },
    };
  },
);

export const lstmStep = defineGenerator(
  "lstm-cell-step",
  "lstm",
  () => t("gen.lstm-cell-step.title"),
  (rng) => {
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
      prompt: t(ask === "c" ? "gen.lstm-cell-step.prompt.c" : "gen.lstm-cell-step.prompt.h", { table, x: fmt(x), h: fmt(h), c: fmt(c) }),
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
                label: t("gen.lstm-cell-step.mistake.lstm-no-forget-gate"),
                value: c + r.i * r.g,
              },
              {
                id: "lstm-gates-swapped",
                label: t("gen.lstm-cell-step.mistake.lstm-gates-swapped"),
                value: r.i * c + r.f * r.g,
              },
            ]
          : [
              { id: "lstm-h-no-tanh", label: t("gen.lstm-cell-step.mistake.lstm-h-no-tanh"), value: r.o * r.c },
              { id: "lstm-h-no-output-gate", label: t("gen.lstm-cell-step.mistake.lstm-h-no-output-gate"), value: Math.tanh(r.c) },
            ],
      params: { x, h, c, ask, w: [w.f.wx, w.f.wh, w.f.b, w.i.wx, w.i.wh, w.i.b, w.g.wx, w.g.wh, w.g.b, w.o.wx, w.o.wh, w.o.b] },
    };
  },
);

/** The recurrent-network templates. */
export const rnnGenerators = [rnnParams, lstmParams, gruParams, rnnTwoSteps, lstmStep];
