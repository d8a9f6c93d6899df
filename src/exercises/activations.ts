// Exercises on activations and losses: sigmoid, tanh and ReLU backward, a stable softmax, softmax
// cross-entropy and MSE. Expected values come from the engine's own activations and losses.
import { Tensor, mse, relu, sigmoid, softmax, softmaxCe, tanh } from "../../lib";
import { type Exercise, size, vec } from "./exercise";

/** The cases of an elementwise backward pass; exercise `id` names them "exercise.<id>.case.entries" and ".largeZ". */
const elementwise =
  (id: string, df: (z: number) => number): Exercise["cases"] =>
  (rng) =>
    [1, 2, 3, 4, 5, 6].map((k) => {
      const n = size(rng, 1, 6),
        z = vec(rng, n, k < 5 ? 2 : 8),
        dA = vec(rng, n);
      return {
        label: { key: `exercise.${id}.case.${k >= 5 ? "largeZ" : "entries"}`, vars: { n } },
        args: [z, dA],
        expected: z.map((x, i) => dA[i] * df(x)),
      };
    });

export const activationExercises: Exercise[] = [
  {
    id: "sigmoid-backward",
    topics: ["activations", "backpropagation"],
    fn: "sigmoidBackward",
    starter: `// z: number[] (pre-activations), dA: number[] (same length) → dZ: number[]
function sigmoidBackward(z: number[], dA: number[]): number[] {
  return [];
}`,
    solution: `function sigmoidBackward(z: number[], dA: number[]): number[] {
  return z.map((x, i) => {
    const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    return dA[i] * s * (1 - s);
  });
}`,
    cases: elementwise("sigmoid-backward", sigmoid.df),
  },
  {
    id: "tanh-backward",
    topics: ["activations", "backpropagation"],
    fn: "tanhBackward",
    starter: `// z: number[], dA: number[] (same length) → dZ: number[]
function tanhBackward(z: number[], dA: number[]): number[] {
  return [];
}`,
    solution: `function tanhBackward(z: number[], dA: number[]): number[] {
  return z.map((x, i) => dA[i] * (1 - Math.tanh(x) ** 2));
}`,
    cases: elementwise("tanh-backward", tanh.df),
  },
  {
    id: "relu-forward-backward",
    topics: ["activations", "backpropagation"],
    fn: "reluForwardBackward",
    starter: `// z: number[], dA: number[] → { A: number[], dZ: number[] }
function reluForwardBackward(z: number[], dA: number[]): { A: number[]; dZ: number[] } {
  return { A: [], dZ: [] };
}`,
    solution: `function reluForwardBackward(z: number[], dA: number[]) {
  return { A: z.map((x) => Math.max(0, x)), dZ: z.map((x, i) => (x > 0 ? dA[i] : 0)) };
}`,
    cases: (rng) =>
      [1, 2, 3, 4, 5].map((k) => {
        const n = size(rng, 2, 7),
          z = vec(rng, n).map((x, i) => (k === 5 && i === 0 ? 0 : x)),
          dA = vec(rng, n);
        return {
          label: {
            key: k === 5 ? "exercise.relu-forward-backward.case.zAtZero" : "exercise.relu-forward-backward.case.entries",
            vars: { n },
          },
          args: [z, dA],
          expected: { A: z.map(relu.f), dZ: z.map((x, i) => dA[i] * relu.df(x)) },
        };
      }),
  },
  {
    id: "softmax-stable",
    topics: ["activations"],
    fn: "stableSoftmax",
    starter: `// z: number[] (logits, length K ≥ 1) → p: number[] (length K, sums to 1)
function stableSoftmax(z: number[]): number[] {
  return [];
}`,
    solution: `function stableSoftmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}`,
    cases: (rng) =>
      [1, 2, 3, 4, 5].map((k) => {
        const z = vec(rng, size(rng, 1, 6), 2).map((x) => (k >= 4 ? x + (k === 4 ? 1000 : -1000) : x));
        const key = k === 4 ? "nearPlus" : k === 5 ? "nearMinus" : "logits";
        return { label: { key: `exercise.softmax-stable.case.${key}`, vars: { n: z.length } }, args: [z], expected: softmax(z) };
      }),
  },
  {
    id: "softmax-ce",
    topics: ["losses", "backpropagation"],
    fn: "softmaxCrossEntropy",
    starter: `// z: number[] (K logits), y: number (class index in 0..K-1) → { loss: number, dz: number[] }
function softmaxCrossEntropy(z: number[], y: number): { loss: number; dz: number[] } {
  return { loss: 0, dz: [] };
}`,
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
          label: { key: k === 5 ? "exercise.softmax-ce.case.largeLogits" : "exercise.softmax-ce.case.class", vars: { K, y } },
          args: [z, y],
          expected: { loss: r.loss, dz: Array.from(r.grad.data) },
        };
      }),
  },
  {
    id: "mse",
    topics: ["losses"],
    fn: "mseLoss",
    starter: `// yhat: number[], y: number[] (same length n) → { loss: number, grad: number[] }
function mseLoss(yhat: number[], y: number[]): { loss: number; grad: number[] } {
  return { loss: 0, grad: [] };
}`,
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
        return {
          label: { key: "exercise.mse.case.size", vars: { n } },
          args: [yhat, y],
          expected: { loss: r.loss, grad: Array.from(r.grad.data) },
        };
      }),
  },
];
