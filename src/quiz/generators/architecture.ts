// Templates for chapter 2's architecture section: parameter counts of dense layers and MLPs.
import { Dense, mlp, paramCount } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, pickInt, choose, EXACT } from "./types";

export const denseParamCount = defineGenerator(
  "dense-param-count",
  "architecture",
  () => t("gen.dense-param-count.title"),
  (rng) => {
    const nIn = choose(rng, [3, 4, 8, 10, 16, 32, 64, 100, 128, 256, 784]),
      nOut = choose(rng, [1, 2, 4, 10, 16, 32, 64, 128]);
    const answer = paramCount(new Dense(nIn, nOut));
    return {
      prompt: t("gen.dense-param-count.prompt", { nIn, nOut }),
      answer,
      tolerance: EXACT,
      solution: [
        t("gen.dense-param-count.solution.1", { nIn, nOut, weights: fmt(nIn * nOut) }),
        t("gen.dense-param-count.solution.2", { total: fmt(answer) }),
      ],
      mistakes: [
        { id: "dense-no-bias", label: t("gen.dense-param-count.mistake.dense-no-bias"), value: nIn * nOut },
        { id: "dense-bias-per-input", label: t("gen.dense-param-count.mistake.dense-bias-per-input"), value: nIn * nOut + nIn },
      ],
      params: { nIn, nOut },
    };
  },
);

export const mlpParamCount = defineGenerator(
  "mlp-param-count",
  "architecture",
  () => t("gen.mlp-param-count.title"),
  (rng) => {
    const depth = pickInt(rng, 3, 4);
    const sizes = [choose(rng, [2, 3, 4, 10, 20, 784])];
    for (let l = 1; l < depth - 1; l++) sizes.push(choose(rng, [4, 8, 16, 32, 64, 128]));
    sizes.push(choose(rng, [1, 2, 3, 10]));
    const answer = paramCount(mlp(sizes));
    const per = sizes.slice(1).map((n, l) => `${sizes[l]}·${n} + ${n} = ${fmt(sizes[l] * n + n)}`);
    const weights = sizes.slice(1).reduce((s, n, l) => s + sizes[l] * n, 0);
    return {
      prompt: t("gen.mlp-param-count.prompt", { sizes: sizes.join(" → ") }),
      answer,
      tolerance: EXACT,
      solution: [
        ...per.map((p, l) => t("gen.mlp-param-count.solution.layer", { layer: l + 1, terms: p })),
        t("gen.mlp-param-count.solution.total", { total: fmt(answer) }),
      ],
      mistakes: [
        { id: "mlp-no-bias", label: t("gen.mlp-param-count.mistake.mlp-no-bias"), value: weights },
        { id: "mlp-input-bias", label: t("gen.mlp-param-count.mistake.mlp-input-bias"), value: answer + sizes[0] },
      ],
      params: { sizes },
    };
  },
);

/** The architecture templates. */
export const architectureGenerators = [denseParamCount, mlpParamCount];
