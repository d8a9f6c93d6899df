// Templates for the foundations: two linear layers collapsing into one, a 2-2-1 forward pass and the
// cosine similarity of two representation vectors.
import { Tensor, matmul, affine, sigmoid, tanh, relu, cosineSimilarity } from "../../../lib";
import { defineGenerator, fmt, fp, pickInt, pickSigned, choose, shown, EXACT } from "./types";

/** A nonzero integer from −high…high with |value| ≥ 1. */
const nonzero = (rng: Parameters<typeof pickInt>[0], high: number) => (rng.next() < 0.5 ? -1 : 1) * pickInt(rng, 1, high);
const row = (xs: ArrayLike<number>) => `[${Array.from(xs, (v) => fmt(v)).join(", ")}]`;
const matrix = (m: number[][]) => `[${m.map(row).join("; ")}]`;

export const linearCollapse = defineGenerator("linear-collapse", "activations", "Two linear layers collapse into one", (rng) => {
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
  const asked =
    part === "W" ? `the entry in row ${i + 1}, column ${j + 1} of the collapsed weight matrix W` : `entry ${i + 1} of the collapsed bias b`;
  const wTerms = `${fmt(W2[i][0])}·${fp(W1[0][j])} + ${fp(W2[i][1])}·${fp(W1[1][j])}`,
    bTerms = `${fmt(W2[i][0])}·${fp(b1[0])} + ${fp(W2[i][1])}·${fp(b1[1])} + ${fp(b2[i])}`;
  return {
    prompt: `Two linear layers with no activation between them: h = W₁x + b₁ with W₁ = ${matrix(W1)}, b₁ = ${row(b1)}, then y = W₂h + b₂ with W₂ = ${matrix(W2)}, b₂ = ${row(b2)} (rows separated by ";"). They equal one linear layer y = Wx + b. What is ${asked}?`,
    answer,
    tolerance: EXACT,
    solution: [
      "Substitute: y = W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂), so W = W₂W₁ and b = W₂b₁ + b₂.",
      part === "W"
        ? `W[${i + 1},${j + 1}] = row ${i + 1} of W₂ · column ${j + 1} of W₁ = ${wTerms} = ${fmt(answer)}`
        : `b[${i + 1}] = row ${i + 1} of W₂ · b₁ + b₂[${i + 1}] = ${bTerms} = ${fmt(answer)}`,
    ],
    mistakes:
      part === "W"
        ? [
            {
              id: "collapse-order",
              label: "You multiplied in the wrong order: the first layer acts first, so W = W₂W₁, not W₁W₂.",
              value: reversed.get(i, j),
            },
            {
              id: "collapse-elementwise",
              label: "You multiplied entry by entry; W is the matrix product W₂W₁.",
              value: W2[i][j] * W1[i][j],
            },
          ]
        : [
            {
              id: "collapse-bias-unmapped",
              label: "You added b₁ without passing it through W₂: the bias is W₂b₁ + b₂.",
              value: b1[i] + b2[i],
            },
            { id: "collapse-bias-last-only", label: "You kept only b₂; the first layer's bias also passes through W₂.", value: b2[i] },
            { id: "collapse-bias-no-b2", label: "You left out b₂: the bias is W₂b₁ + b₂.", value: answer - b2[i] },
          ],
    params: { W1: W1.flat(), W2: W2.flat(), b1, b2, part, i, j },
  };
});

const HIDDEN = { relu, tanh, sigmoid } as const;

export const forward221 = defineGenerator("forward-221", "forward-pass", "The forward pass of a 2-2-1 network", (rng) => {
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
    prompt: `A 2-2-1 network has hidden weights W¹ = ${matrix(W1)} (rows are units), biases b¹ = ${row(b1)} and activation ${name}; the output unit has weights w² = ${row(w2)}, bias b² = ${fmt(b2)} and a sigmoid. What is the output a² for the input x = ${row(x)}?`,
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
        label: `You skipped the hidden ${name}: a¹ = ${name}(z¹), not z¹.`,
        value: run(false, true).a2,
      },
      { id: "forward-no-output-sigmoid", label: "You stopped at z²; the output unit applies a sigmoid.", value: r.z2 },
      { id: "forward-no-hidden-bias", label: "You left out the hidden biases b¹.", value: run(true, true, [0, 0]).a2 },
    ],
    params: { x, W1: W1.flat(), b1, w2, b2, activation: name },
  };
});

/** A cosine lies in [−1, 1]; near 0 a relative tolerance would ask for more digits than the prompt does. */
const THREE_DECIMALS = { abs: 0.0015, rel: 0 };

export const cosineSimilarityQ = defineGenerator("cosine-similarity", "deep-learning", "Cosine similarity of two vectors", (rng) => {
  const u = [nonzero(rng, 4), nonzero(rng, 4), nonzero(rng, 4)],
    v = [nonzero(rng, 4), nonzero(rng, 4), nonzero(rng, 4)];
  const answer = cosineSimilarity(u, v);
  const dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2],
    uu = u.reduce((s, a) => s + a * a, 0),
    vv = v.reduce((s, a) => s + a * a, 0);
  const squares = (w: number[]) => w.map((a) => `${fp(a)}²`).join(" + ");
  return {
    prompt: `Two embeddings are u = ${row(u)} and v = ${row(v)}. What is their cosine similarity (three decimals)?`,
    answer,
    tolerance: THREE_DECIMALS,
    solution: [
      `u·v = ${fmt(u[0])}·${fp(v[0])} + ${fp(u[1])}·${fp(v[1])} + ${fp(u[2])}·${fp(v[2])} = ${fmt(dot)}`,
      `‖u‖ = √(${squares(u)}) = √${fmt(uu)} = ${fmt(Math.sqrt(uu))}, ‖v‖ = √(${squares(v)}) = √${fmt(vv)} = ${fmt(Math.sqrt(vv))}`,
      `cos(u, v) = ${fmt(dot)} / (${fmt(Math.sqrt(uu))}·${fmt(Math.sqrt(vv))}) = ${fmt(answer)}`,
    ],
    route: dot / (shown(Math.sqrt(uu)) * shown(Math.sqrt(vv))),
    mistakes: [
      { id: "cosine-dot-only", label: "That is the dot product u·v; divide it by ‖u‖·‖v‖.", value: dot },
      {
        id: "cosine-no-sqrt",
        label: "You divided by the squared lengths ‖u‖²·‖v‖²; the lengths are their square roots.",
        value: dot / (uu * vv),
      },
      {
        id: "cosine-one-norm",
        label: "You divided by one length only; cosine similarity divides by both ‖u‖ and ‖v‖.",
        value: dot / Math.sqrt(uu),
      },
    ],
    params: { u, v },
  };
});

/** The foundation templates. */
export const foundationGenerators = [linearCollapse, forward221, cosineSimilarityQ];
