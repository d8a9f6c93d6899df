// Exercises on activations and losses: sigmoid, tanh and ReLU backward, a stable softmax, softmax
// cross-entropy and MSE. Expected values come from the engine's own activations and losses.
import { Tensor, mse, relu, sigmoid, softmax, softmaxCe, tanh } from "../../lib";
import { type Exercise, size, vec } from "./exercise";

const elementwise =
  (id: string, df: (z: number) => number): Exercise["cases"] =>
  (rng) =>
    [1, 2, 3, 4, 5, 6].map((k) => {
      const n = size(rng, 1, 6),
        z = vec(rng, n, k < 5 ? 2 : 8),
        dA = vec(rng, n);
      return {
        label: `${id} case with ${n} entries${k >= 5 ? " and large |z|" : ""}`,
        args: [z, dA],
        expected: z.map((x, i) => dA[i] * df(x)),
      };
    });

export const activationExercises: Exercise[] = [
  {
    id: "sigmoid-backward",
    title: "Sigmoid backward",
    topics: ["activations", "backpropagation"],
    statement:
      "Given the pre-activations `z` and the upstream gradient `dA` (same length), return `dZ`, the gradient of the loss with respect to `z`, where A = σ(z).",
    fn: "sigmoidBackward",
    starter: `// z: number[] (pre-activations), dA: number[] (same length) → dZ: number[]
function sigmoidBackward(z: number[], dA: number[]): number[] {
  return [];
}`,
    hints: [
      "The chain rule: dZ = dA · dA/dZ, entry by entry.",
      "σ′(z) = σ(z)(1 − σ(z)). Evaluate it at σ(z), not at z itself.",
      "Compute s = σ(z) with a branch so exp never overflows, then return dA[i]·s·(1 − s) for each i.",
    ],
    solution: `function sigmoidBackward(z: number[], dA: number[]): number[] {
  return z.map((x, i) => {
    const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    return dA[i] * s * (1 - s);
  });
}`,
    cases: elementwise("sigmoid", sigmoid.df),
  },
  {
    id: "tanh-backward",
    title: "Tanh backward",
    topics: ["activations", "backpropagation"],
    statement: "Given `z` and the upstream gradient `dA`, return `dZ` for A = tanh(z).",
    fn: "tanhBackward",
    starter: `// z: number[], dA: number[] (same length) → dZ: number[]
function tanhBackward(z: number[], dA: number[]): number[] {
  return [];
}`,
    hints: [
      "Multiply the upstream gradient by the local derivative, entry by entry.",
      "tanh′(z) = 1 − tanh(z)².",
      "For each i: a = Math.tanh(z[i]); dZ[i] = dA[i]·(1 − a²).",
    ],
    solution: `function tanhBackward(z: number[], dA: number[]): number[] {
  return z.map((x, i) => dA[i] * (1 - Math.tanh(x) ** 2));
}`,
    cases: elementwise("tanh", tanh.df),
  },
  {
    id: "relu-forward-backward",
    title: "ReLU forward and backward",
    topics: ["activations", "backpropagation"],
    statement:
      "Return `{ A, dZ }`: A = max(0, z) and the gradient dZ given the upstream `dA`. Use the course's convention: the derivative at z = 0 is 0.",
    fn: "reluForwardBackward",
    starter: `// z: number[], dA: number[] → { A: number[], dZ: number[] }
function reluForwardBackward(z: number[], dA: number[]): { A: number[]; dZ: number[] } {
  return { A: [], dZ: [] };
}`,
    hints: [
      "ReLU lets a positive entry through and zeroes the rest.",
      "Its derivative is 1 where z > 0 and 0 elsewhere, including z = 0.",
      "A[i] = max(0, z[i]); dZ[i] = z[i] > 0 ? dA[i] : 0.",
    ],
    solution: `function reluForwardBackward(z: number[], dA: number[]) {
  return { A: z.map((x) => Math.max(0, x)), dZ: z.map((x, i) => (x > 0 ? dA[i] : 0)) };
}`,
    cases: (rng) =>
      [1, 2, 3, 4, 5].map((k) => {
        const n = size(rng, 2, 7),
          z = vec(rng, n).map((x, i) => (k === 5 && i === 0 ? 0 : x)),
          dA = vec(rng, n);
        return {
          label: `${n} entries${k === 5 ? ", z[0] = 0" : ""}`,
          args: [z, dA],
          expected: { A: z.map(relu.f), dZ: z.map((x, i) => dA[i] * relu.df(x)) },
        };
      }),
  },
  {
    id: "softmax-stable",
    title: "Numerically stable softmax",
    topics: ["activations"],
    statement: "Return softmax(z): the exponentials of `z` divided by their sum. It must stay finite for logits as large as ±1000.",
    fn: "stableSoftmax",
    starter: `// z: number[] (logits, length K ≥ 1) → p: number[] (length K, sums to 1)
function stableSoftmax(z: number[]): number[] {
  return [];
}`,
    hints: [
      "Math.exp(1000) is Infinity, and Infinity/Infinity is NaN.",
      "softmax(z) = softmax(z − c) for any constant c.",
      "Subtract max(z) from every logit, exponentiate, divide by the sum.",
    ],
    solution: `function stableSoftmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}`,
    cases: (rng) =>
      [1, 2, 3, 4, 5].map((k) => {
        const z = vec(rng, size(rng, 1, 6), 2).map((x) => (k >= 4 ? x + (k === 4 ? 1000 : -1000) : x));
        return { label: k >= 4 ? `logits near ${k === 4 ? "+" : "−"}1000` : `${z.length} logits`, args: [z], expected: softmax(z) };
      }),
  },
  {
    id: "softmax-ce",
    title: "Softmax cross-entropy, forward and backward",
    topics: ["losses", "backpropagation"],
    statement:
      "For one example with logits `z` (length K) and its class index `y`, return `{ loss, dz }`: the cross-entropy of softmax(z) against class y, and its gradient with respect to the logits.",
    fn: "softmaxCrossEntropy",
    starter: `// z: number[] (K logits), y: number (class index in 0..K-1) → { loss: number, dz: number[] }
function softmaxCrossEntropy(z: number[], y: number): { loss: number; dz: number[] } {
  return { loss: 0, dz: [] };
}`,
    hints: [
      "The loss is −log p_y with p = softmax(z); compute log p_y without forming p_y when logits are large.",
      "log p_y = z_y − log Σ exp(z_k): use the max trick inside the log-sum-exp.",
      "p = stable softmax(z); loss = log Σ exp(z_k − m) + m − z_y; dz = p − onehot(y).",
    ],
    solution: `function softmaxCrossEntropy(z: number[], y: number) {
  const m = Math.max(...z);
  const s = z.reduce((a, x) => a + Math.exp(x - m), 0);
  const p = z.map((x) => Math.exp(x - m) / s);
  return { loss: Math.log(s) + m - z[y], dz: p.map((pk, k) => pk - (k === y ? 1 : 0)) };
}`,
    cases: (rng) =>
      [1, 2, 3, 4, 5].map((k) => {
        const K = size(rng, 2, 6),
          z = vec(rng, K, k === 5 ? 400 : 2),
          y = rng.int(K);
        const r = softmaxCe(Tensor.from(z.map((x) => [x])), Tensor.from([[y]]));
        return {
          label: `K = ${K}, class ${y}${k === 5 ? ", logits in the hundreds" : ""}`,
          args: [z, y],
          expected: { loss: r.loss, dz: Array.from(r.grad.data) },
        };
      }),
  },
  {
    id: "mse",
    title: "Mean squared error and its gradient",
    topics: ["losses"],
    statement: "Return `{ loss, grad }` for the mean over all n entries of (ŷ − y)², and its gradient with respect to ŷ.",
    fn: "mseLoss",
    starter: `// yhat: number[], y: number[] (same length n) → { loss: number, grad: number[] }
function mseLoss(yhat: number[], y: number[]): { loss: number; grad: number[] } {
  return { loss: 0, grad: [] };
}`,
    hints: [
      "The mean divides by n, so the gradient carries 1/n too.",
      "d/dŷ (ŷ − y)² = 2(ŷ − y).",
      "loss = Σ(ŷ − y)²/n; grad[i] = 2(ŷ[i] − y[i])/n.",
    ],
    solution: `function mseLoss(yhat: number[], y: number[]) {
  const n = yhat.length;
  return { loss: yhat.reduce((s, p, i) => s + (p - y[i]) ** 2, 0) / n, grad: yhat.map((p, i) => (2 * (p - y[i])) / n) };
}`,
    cases: (rng) =>
      [1, 2, 3, 4].map(() => {
        const n = size(rng, 2, 7),
          yhat = vec(rng, n),
          y = vec(rng, n);
        const r = mse(Tensor.from([yhat]), Tensor.from([y]));
        return { label: `n = ${n}`, args: [yhat, y], expected: { loss: r.loss, grad: Array.from(r.grad.data) } };
      }),
  },
];
