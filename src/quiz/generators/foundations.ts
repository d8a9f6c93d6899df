// Templates for the foundations: two linear layers collapsing into one, a 2-2-1 forward pass and the
// cosine similarity of two representation vectors.
import { Tensor, matmul, affine, sigmoid, tanh, relu, cosineSimilarity } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pickInt, pickSigned, choose, shown, EXACT } from "./types";

/** A nonzero integer from −high…high with |value| ≥ 1. */
const nonzero = (rng: Parameters<typeof pickInt>[0], high: number) => (rng.next() < 0.5 ? -1 : 1) * pickInt(rng, 1, high);
const row = (xs: ArrayLike<number>) => `[${Array.from(xs, (v) => fmt(v)).join(", ")}]`;
const matrix = (m: number[][]) => `[${m.map(row).join("; ")}]`;

export const linearCollapse = defineGenerator(
  "linear-collapse",
  "activations",
  () => t("gen.linear-collapse.title"),
  (rng) => {
    const W1 = [0, 1].map(() => [nonzero(rng, 3), nonzero(rng, 3)]),
      W2 = [0, 1].map(() => [nonzero(rng, 3), nonzero(rng, 3)]),
      b1 = [nonzero(rng, 3), nonzero(rng, 3)],
      b2 = [nonzero(rng, 3), nonzero(rng, 3)];
    const T1 = Tensor.from(W1),
      T2 = Tensor.from(W2);
    // With no activation, W2(W1x + b1) + b2 = (W2W1)x + (W2b1 + b2): the engine computes both parts.
    const W = matmul(T2, T1),
      b = affine(T2, Tensor.from([[b1[0]], [b1[1]]]), Tensor.from([[b2[0]], [b2[1]]])),
      reversed = matmul(T1, T2);
    const part = choose(rng, ["W", "b"] as const),
      i = rng.int(2),
      j = rng.int(2);
    const answer = part === "W" ? W.get(i, j) : b.data[i];
    const wTerms = `${fmt(W2[i][0])}·${fp(W1[0][j])} + ${fp(W2[i][1])}·${fp(W1[1][j])}`,
      bTerms = `${fmt(W2[i][0])}·${fp(b1[0])} + ${fp(W2[i][1])}·${fp(b1[1])} + ${fp(b2[i])}`;
    return {
      prompt: t(part === "W" ? "gen.linear-collapse.prompt.W" : "gen.linear-collapse.prompt.b", {
        W1: matrix(W1),
        b1: row(b1),
        W2: matrix(W2),
        b2: row(b2),
        i: i + 1,
        j: j + 1,
      }),
      answer,
      tolerance: EXACT,
      solution: [
        t("gen.linear-collapse.solution.1"),
        part === "W"
          ? t("gen.linear-collapse.solution.2.W", { i: i + 1, j: j + 1, terms: wTerms, entry: fmt(answer) })
          : t("gen.linear-collapse.solution.2.b", { i: i + 1, terms: bTerms, entry: fmt(answer) }),
      ],
      mistakes:
        part === "W"
          ? [
              {
                id: "collapse-order",
                label: t("gen.linear-collapse.mistake.collapse-order"),
                value: reversed.get(i, j),
              },
              {
                id: "collapse-elementwise",
                label: t("gen.linear-collapse.mistake.collapse-elementwise"),
                value: W2[i][j] * W1[i][j],
              },
            ]
          : [
              {
                id: "collapse-bias-unmapped",
                label: t("gen.linear-collapse.mistake.collapse-bias-unmapped"),
                value: b1[i] + b2[i],
              },
              { id: "collapse-bias-last-only", label: t("gen.linear-collapse.mistake.collapse-bias-last-only"), value: b2[i] },
              { id: "collapse-bias-no-b2", label: t("gen.linear-collapse.mistake.collapse-bias-no-b2"), value: answer - b2[i] },
            ],
      params: { W1: W1.flat(), W2: W2.flat(), b1, b2, part, i, j },
    };
  },
);

const HIDDEN = { relu, tanh, sigmoid } as const;

export const forward221 = defineGenerator(
  "forward-221",
  "forward-pass",
  () => t("gen.forward-221.title"),
  (rng) => {
    const x = [pickSigned(rng, 0.5, 2, 1), pickSigned(rng, 0.5, 2, 1)],
      W1 = [0, 1].map(() => [pickSigned(rng, 0.1, 1.5, 1), pickSigned(rng, 0.1, 1.5, 1)]),
      b1 = [pickSigned(rng, 0.1, 1, 1), pickSigned(rng, 0.1, 1, 1)],
      w2 = [pickSigned(rng, 0.2, 2, 1), pickSigned(rng, 0.2, 2, 1)],
      b2 = pickSigned(rng, 0.1, 1, 1);
    const name = choose(rng, ["relu", "tanh", "sigmoid"] as const),
      g = HIDDEN[name];
    const X = Tensor.from([[x[0]], [x[1]]]);
    // Runs the network with the engine's affine maps; `hidden` and `out` switch the activations for the mistakes.
    const run = (hidden: boolean, out: boolean, bias1 = b1) => {
      const Z1 = affine(Tensor.from(W1), X, Tensor.from([[bias1[0]], [bias1[1]]]));
      const A1 = Array.from(Z1.data, (z) => (hidden ? g.f(z) : z));
      const z2 = affine(Tensor.from([w2]), Tensor.from([[A1[0]], [A1[1]]]), Tensor.from([[b2]])).data[0];
      return { Z1: Array.from(Z1.data), A1, z2, a2: out ? sigmoid.f(z2) : z2 };
    };
    const r = run(true, true);
    const z2Shown = w2[0] * shown(r.A1[0]) + w2[1] * shown(r.A1[1]) + b2;
    return {
      prompt: t("gen.forward-221.prompt", { W1: matrix(W1), b1: row(b1), activation: name, w2: row(w2), b2: fmt(b2), x: row(x) }),
      answer: r.a2,
      solution: [
        ...[0, 1].map(
          (k) =>
            `z¹${k === 0 ? "₁" : "₂"} = ${fmt(W1[k][0])}·${fp(x[0])} + ${fp(W1[k][1])}·${fp(x[1])} + ${fp(b1[k])} = ${fmt(r.Z1[k])}, a¹${k === 0 ? "₁" : "₂"} = ${name}(${fmt(r.Z1[k])}) = ${fmt(r.A1[k])}`,
        ),
        `z² = ${fmt(w2[0])}·${fp(shown(r.A1[0]))} + ${fp(w2[1])}·${fp(shown(r.A1[1]))} + ${fp(b2)} = ${fmt(r.z2)}`,
        `a² = σ(${fmt(r.z2)}) = ${fmt(r.a2)}`,
      ],
      route: sigmoid.f(z2Shown),
      mistakes: [
        {
          id: "forward-no-hidden-activation",
          label: t("gen.forward-221.mistake.forward-no-hidden-activation", { activation: name }),
          value: run(false, true).a2,
        },
        { id: "forward-no-output-sigmoid", label: t("gen.forward-221.mistake.forward-no-output-sigmoid"), value: r.z2 },
        { id: "forward-no-hidden-bias", label: t("gen.forward-221.mistake.forward-no-hidden-bias"), value: run(true, true, [0, 0]).a2 },
      ],
      params: { x, W1: W1.flat(), b1, w2, b2, activation: name },
    };
  },
);

/** A cosine lies in [−1, 1]; near 0 a relative tolerance would ask for more digits than the prompt does. */
const THREE_DECIMALS = { abs: 0.0015, rel: 0 };

export const cosineSimilarityQ = defineGenerator(
  "cosine-similarity",
  "deep-learning",
  () => t("gen.cosine-similarity.title"),
  (rng) => {
    const u = [nonzero(rng, 4), nonzero(rng, 4), nonzero(rng, 4)],
      v = [nonzero(rng, 4), nonzero(rng, 4), nonzero(rng, 4)];
    const answer = cosineSimilarity(u, v);
    const dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2],
      uu = u.reduce((s, a) => s + a * a, 0),
      vv = v.reduce((s, a) => s + a * a, 0);
    const squares = (w: number[]) => w.map((a) => `${fp(a)}²`).join(" + ");
    return {
      prompt: t("gen.cosine-similarity.prompt", { u: row(u), v: row(v) }),
      answer,
      tolerance: THREE_DECIMALS,
      solution: [
        `u·v = ${fmt(u[0])}·${fp(v[0])} + ${fp(u[1])}·${fp(v[1])} + ${fp(u[2])}·${fp(v[2])} = ${fmt(dot)}`,
        `‖u‖ = √(${squares(u)}) = √${fmt(uu)} = ${fmt(Math.sqrt(uu))}, ‖v‖ = √(${squares(v)}) = √${fmt(vv)} = ${fmt(Math.sqrt(vv))}`,
        `cos(u, v) = ${fmt(dot)} / (${fmt(Math.sqrt(uu))}·${fmt(Math.sqrt(vv))}) = ${fmt(answer)}`,
      ],
      route: dot / (shown(Math.sqrt(uu)) * shown(Math.sqrt(vv))),
      mistakes: [
        { id: "cosine-dot-only", label: t("gen.cosine-similarity.mistake.cosine-dot-only"), value: dot },
        {
          id: "cosine-no-sqrt",
          label: t("gen.cosine-similarity.mistake.cosine-no-sqrt"),
          value: dot / (uu * vv),
        },
        {
          id: "cosine-one-norm",
          label: t("gen.cosine-similarity.mistake.cosine-one-norm"),
          value: dot / Math.sqrt(uu),
        },
      ],
      params: { u, v },
    };
  },
);

/** The foundation templates. */
export const foundationGenerators = [linearCollapse, forward221, cosineSimilarityQ];
