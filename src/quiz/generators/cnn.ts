// Templates for the convolutional-network primer and chapter: output sizes and parameter counts.
import { convOutputSize, poolOutputSize, convParamCount } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, pickInt, choose, EXACT } from "./types";

export const convOutput = defineGenerator(
  "conv-output-size",
  "cnn",
  () => t("gen.conv-output-size.title"),
  (rng) => {
    const k = choose(rng, [1, 3, 3, 5, 7]),
      padding = pickInt(rng, 0, 3),
      stride = choose(rng, [1, 1, 2, 2, 3]),
      dilation = rng.next() < 0.2 && k > 1 ? 2 : 1;
    const span = dilation * (k - 1) + 1;
    const n = Math.max(span + 1, pickInt(rng, 5, 64));
    const answer = convOutputSize(n, k, { padding, stride, dilation });
    return {
      prompt: t(dilation > 1 ? "gen.conv-output-size.prompt.dilated" : "gen.conv-output-size.prompt", { n, k, padding, stride, dilation }),
      answer,
      tolerance: EXACT,
      solution: [
        ...(dilation > 1 ? [t("gen.conv-output-size.solution.span", { dilation, kMinusOne: k - 1, span })] : []),
        t(dilation > 1 ? "gen.conv-output-size.solution.out-dilated" : "gen.conv-output-size.solution.out", { n, padding, span, stride }),
        `= ⌊${fmt((n + 2 * padding - span) / stride)}⌋ + 1 = ${answer}`,
      ],
      mistakes: [
        {
          id: "conv-padding-once",
          label: t("gen.conv-output-size.mistake.conv-padding-once"),
          value: padding > 0 ? Math.floor((n + padding - span) / stride) + 1 : NaN,
        },
        {
          id: "conv-no-plus-one",
          label: t("gen.conv-output-size.mistake.conv-no-plus-one"),
          value: Math.floor((n + 2 * padding - span) / stride),
        },
        {
          id: "conv-no-stride",
          label: t("gen.conv-output-size.mistake.conv-no-stride"),
          value: stride > 1 ? n + 2 * padding - span + 1 : NaN,
        },
        {
          id: "conv-no-dilation",
          label: t("gen.conv-output-size.mistake.conv-no-dilation"),
          value: dilation > 1 ? Math.floor((n + 2 * padding - k) / stride) + 1 : NaN,
        },
      ],
      params: { n, k, padding, stride, dilation },
    };
  },
);

export const convParams = defineGenerator(
  "conv-param-count",
  "cnn",
  () => t("gen.conv-param-count.title"),
  (rng) => {
    const cIn = choose(rng, [1, 3, 16, 32, 64]),
      cOut = choose(rng, [8, 16, 32, 64, 128]),
      k = choose(rng, [1, 3, 5, 7]);
    const answer = convParamCount(cIn, cOut, k);
    return {
      prompt: t("gen.conv-param-count.prompt", { cIn, cOut, k }),
      answer,
      tolerance: EXACT,
      solution: [t("gen.conv-param-count.solution.1", { k, cIn, weights: k * k * cIn }), `${cOut}·(${k * k * cIn} + 1) = ${fmt(answer)}`],
      mistakes: [
        { id: "conv-params-no-bias", label: t("gen.conv-param-count.mistake.conv-params-no-bias"), value: cOut * cIn * k * k },
        {
          id: "conv-params-no-input-channels",
          label: t("gen.conv-param-count.mistake.conv-params-no-input-channels"),
          value: cOut * k * k + cOut,
        },
        {
          id: "conv-params-bias-per-input",
          label: t("gen.conv-param-count.mistake.conv-params-bias-per-input"),
          value: cOut * cIn * k * k + cIn,
        },
      ],
      params: { cIn, cOut, k },
    };
  },
);

export const poolOutput = defineGenerator(
  "pool-output-size",
  "cnn",
  () => t("gen.pool-output-size.title"),
  (rng) => {
    const k = choose(rng, [2, 2, 3]),
      stride = choose(rng, [k, k, 1, 2]),
      n = pickInt(rng, Math.max(4, k), 33);
    const answer = poolOutputSize(n, k, stride);
    return {
      prompt: t("gen.pool-output-size.prompt", { k, stride, n }),
      answer,
      tolerance: EXACT,
      solution: [t("gen.pool-output-size.solution.1", { n, k, stride, out: answer })],
      mistakes: [
        { id: "pool-no-plus-one", label: t("gen.pool-output-size.mistake.pool-no-plus-one"), value: Math.floor((n - k) / stride) },
        {
          id: "pool-divide-by-window",
          label: t("gen.pool-output-size.mistake.pool-divide-by-window"),
          value: Math.floor(n / k),
        },
      ],
      params: { n, k, stride },
    };
  },
);

/** The CNN templates. */
export const cnnGenerators = [convOutput, convParams, poolOutput];
