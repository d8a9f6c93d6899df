// Templates for the attention and embeddings primer (interview chapter) and chapter 10.
import { scaledDotProductAttention, multiHeadAttentionParamCount, embeddingParamCount, softmax } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pickInt, choose, EXACT } from "./types";

export const attentionQ = defineGenerator(
  "attention-weights",
  "attention",
  () => t("gen.attention-weights.title"),
  (rng) => {
    const d = 2,
      q = [pickInt(rng, -2, 2) || 1, pickInt(rng, -2, 2)];
    const K = Array.from({ length: 3 }, () => [pickInt(rng, -2, 2), pickInt(rng, -2, 2)]);
    const V = Array.from({ length: 3 }, () => [pickInt(rng, -3, 5)]);
    const ask = choose(rng, ["weight", "output"] as const),
      j = rng.int(3);
    const r = scaledDotProductAttention([q], K, V);
    const answer = ask === "weight" ? r.weights[0][j] : r.output[0][0];
    const dots = K.map((k) => q[0] * k[0] + q[1] * k[1]);
    const plain = softmax(dots),
      byD = softmax(dots.map((s) => s / d));
    const pick = (w: number[]) => (ask === "weight" ? w[j] : w.reduce((s, wj, i) => s + wj * V[i][0], 0));
    return {
      prompt: t(ask === "weight" ? "gen.attention-weights.prompt.weight" : "gen.attention-weights.prompt.output", {
        q: q.map((v) => fmt(v)).join(", "),
        keys: K.map((k, i) => `k${"₁₂₃"[i]} = [${k.map((v) => fmt(v)).join(", ")}]`).join(", "),
        v: V.map((v) => fmt(v[0])).join(", "),
        j: j + 1,
      }),
      answer,
      solution: [
        `q·k = [${dots.map((v) => fmt(v)).join(", ")}]`,
        t("gen.attention-weights.solution.2", { scores: r.scores[0].map((v) => fmt(v)).join(", ") }),
        t("gen.attention-weights.solution.3", { weights: r.weights[0].map((v) => fmt(v)).join(", ") }),
        ask === "output"
          ? t("gen.attention-weights.solution.4.output", {
              terms: r.weights[0].map((w, i) => `${fmt(w)}·${fp(V[i][0])}`).join(" + "),
              output: fmt(answer),
            })
          : t("gen.attention-weights.solution.4.weight", { j: j + 1, weight: fmt(answer) }),
      ],
      mistakes: [
        { id: "attention-no-scaling", label: t("gen.attention-weights.mistake.attention-no-scaling"), value: pick(plain) },
        { id: "attention-divide-by-d", label: t("gen.attention-weights.mistake.attention-divide-by-d"), value: pick(byD) },
      ],
      params: { q, K: K.flat(), V: V.flat(), ask, j },
    };
  },
);

export const mhaParams = defineGenerator(
  "mha-param-count",
  "attention",
  () => t("gen.mha-param-count.title"),
  (rng) => {
    const d = choose(rng, [64, 128, 256, 512, 768, 1024]),
      h = choose(
        rng,
        [2, 4, 8, 12, 16].filter((x) => d % x === 0),
      );
    const answer = multiHeadAttentionParamCount(d);
    return {
      prompt: t("gen.mha-param-count.prompt", { d, h, headWidth: d / h }),
      answer,
      tolerance: EXACT,
      solution: [
        t("gen.mha-param-count.solution.1"),
        t("gen.mha-param-count.solution.2"),
        `4·(d² + d) = 4·(${d * d} + ${d}) = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "mha-per-head",
          label: t("gen.mha-param-count.mistake.mha-per-head"),
          value: h * answer,
        },
        { id: "mha-no-output-projection", label: t("gen.mha-param-count.mistake.mha-no-output-projection"), value: 3 * (d * d + d) },
        { id: "mha-no-bias", label: t("gen.mha-param-count.mistake.mha-no-bias"), value: 4 * d * d },
      ],
      params: { d, h },
    };
  },
);

export const embeddingSize = defineGenerator(
  "embedding-size",
  "embeddings",
  () => t("gen.embedding-size.title"),
  (rng) => {
    const V = choose(rng, [5000, 10000, 30000, 32000, 50000, 50257]),
      d = choose(rng, [64, 128, 256, 300, 512, 768]);
    const count = embeddingParamCount(V, d),
      answer = (count * 4) / 1e6;
    return {
      prompt: t("gen.embedding-size.prompt", { V: fmt(V), d }),
      answer,
      tolerance: { abs: 0.01, rel: 5e-3 },
      unit: t("gen.embedding-size.unit"),
      solution: [
        t("gen.embedding-size.solution.1", { V: fmt(V), d, entries: fmt(count) }),
        t("gen.embedding-size.solution.2", { entries: fmt(count), bytes: fmt(count * 4), megabytes: fmt(answer) }),
      ],
      mistakes: [
        {
          id: "embedding-no-bytes",
          label: t("gen.embedding-size.mistake.embedding-no-bytes"),
          value: count / 1e6,
        },
        { id: "embedding-bits", label: t("gen.embedding-size.mistake.embedding-bits"), value: (count * 32) / 1e6 },
      ],
      params: { V, d },
    };
  },
);

/** The attention and embedding templates. */
export const attentionGenerators = [attentionQ, mhaParams, embeddingSize];
