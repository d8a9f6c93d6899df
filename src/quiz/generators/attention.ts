// Templates for the attention and embeddings primer (interview chapter) and chapter 10.
import { scaledDotProductAttention, multiHeadAttentionParamCount, embeddingParamCount, softmax } from "../../../lib";
import { defineGenerator, fmt, fp, pickInt, choose, EXACT } from "./types";

export const attentionQ = defineGenerator("attention-weights", "attention", "Scaled dot-product attention for one query", (rng) => {
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
    prompt: `One query q = [${q.map((v) => fmt(v)).join(", ")}] attends over three keys ${K.map((k, i) => `k${"₁₂₃"[i]} = [${k.map((v) => fmt(v)).join(", ")}]`).join(", ")} with values v = [${V.map((v) => fmt(v[0])).join(", ")}], using softmax(q·kᵀ/√d) with d = 2. What is ${ask === "weight" ? `the attention weight on key ${j + 1}` : "the output (the weighted sum of the values)"}?`,
    answer,
    solution: [
      `q·k = [${dots.map((v) => fmt(v)).join(", ")}]`,
      `scaled by 1/√2: [${r.scores[0].map((v) => fmt(v)).join(", ")}]`,
      `softmax: [${r.weights[0].map((v) => fmt(v)).join(", ")}]`,
      ...(ask === "output"
        ? [`output = ${r.weights[0].map((w, i) => `${fmt(w)}·${fp(V[i][0])}`).join(" + ")} = ${fmt(answer)}`]
        : [`weight on key ${j + 1} = ${fmt(answer)}`]),
    ],
    mistakes: [
      { id: "attention-no-scaling", label: "You left out the division by √d before the softmax.", value: pick(plain) },
      { id: "attention-divide-by-d", label: "The scores are divided by √d, not by d.", value: pick(byD) },
    ],
    params: { q, K: K.flat(), V: V.flat(), ask, j },
  };
});

export const mhaParams = defineGenerator("mha-param-count", "attention", "Parameters of multi-head attention", (rng) => {
  const d = choose(rng, [64, 128, 256, 512, 768, 1024]),
    h = choose(
      rng,
      [2, 4, 8, 12, 16].filter((x) => d % x === 0),
    );
  const answer = multiHeadAttentionParamCount(d);
  return {
    prompt: `A multi-head self-attention layer has model width d = ${d} and ${h} heads (each head of width ${d / h}), with biases on the Q, K, V and output projections. How many trainable parameters does it have?`,
    answer,
    tolerance: EXACT,
    solution: [
      `the heads split d, so Q, K, V together are three d×d matrices plus three biases of length d`,
      `the output projection is another d×d matrix plus a bias`,
      `4·(d² + d) = 4·(${d * d} + ${d}) = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "mha-per-head",
        label: "The heads share the d×d projections (each head uses a d/h slice); they do not multiply the count by h.",
        value: h * answer,
      },
      { id: "mha-no-output-projection", label: "You forgot the output projection W_O (another d×d + d).", value: 3 * (d * d + d) },
      { id: "mha-no-bias", label: "You left out the four bias vectors.", value: 4 * d * d },
    ],
    params: { d, h },
  };
});

export const embeddingSize = defineGenerator("embedding-size", "embeddings", "Size of an embedding table", (rng) => {
  const V = choose(rng, [5000, 10000, 30000, 32000, 50000, 50257]),
    d = choose(rng, [64, 128, 256, 300, 512, 768]);
  const count = embeddingParamCount(V, d),
    answer = (count * 4) / 1e6;
  return {
    prompt: `An embedding table maps a vocabulary of ${fmt(V)} tokens to vectors of size ${d}, stored as 32-bit floats. How many megabytes (10⁶ bytes) does it take?`,
    answer,
    tolerance: { abs: 0.01, rel: 5e-3 },
    unit: "MB",
    solution: [`entries = V·d = ${fmt(V)}·${d} = ${fmt(count)}`, `bytes = 4·${fmt(count)} = ${fmt(count * 4)} = ${fmt(answer)} MB`],
    mistakes: [
      {
        id: "embedding-no-bytes",
        label: "That is the number of entries in millions; each 32-bit float takes 4 bytes.",
        value: count / 1e6,
      },
      { id: "embedding-bits", label: "You counted bits (32 per entry); a megabyte counts bytes (4 per entry).", value: (count * 32) / 1e6 },
    ],
    params: { V, d },
  };
});

/** The attention and embedding templates. */
export const attentionGenerators = [attentionQ, mhaParams, embeddingSize];
