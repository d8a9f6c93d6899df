// Exercises on layers and training tricks: a dense layer forward and backward in the course's shapes
// (examples are columns), inverted dropout, the L2 penalty's gradient, clipping by global norm, attention,
// initialiser scales and a gradient check. Expected values come from the engine.
import {
  Tensor,
  addColumn,
  clipByGlobalNorm,
  finiteDifference,
  initScale,
  l2Grad,
  matmul,
  mul,
  scale,
  scaledDotProductAttention,
  sumColumns,
  transpose,
} from "../../lib";
import { type Exercise, mat, size, vec } from "./exercise";

const rowsOf = (t: Tensor): number[][] => Array.from({ length: t.rows }, (_, i) => Array.from({ length: t.cols }, (_, j) => t.get(i, j)));
const column = (b: number[]) => Tensor.from(b.map((x) => [x]));

export const layerExercises: Exercise[] = [
  {
    id: "dense-forward",
    topics: ["forward-pass"],
    fn: "denseForward",
    starter: `// W: number[][] (n_out × n_in), b: number[] (n_out), A_prev: number[][] (n_in × m) → Z: number[][] (n_out × m)
function denseForward(W: number[][], b: number[], A_prev: number[][]): number[][] {
  return [];
}`,
    solution: `function denseForward(W: number[][], b: number[], A_prev: number[][]): number[][] {
  const m = A_prev[0].length;
  return W.map((row, i) => Array.from({ length: m }, (_, j) => row.reduce((s, w, k) => s + w * A_prev[k][j], b[i])));
}`,
    cases: (rng) =>
      [1, 2, 3, 4].map(() => {
        const nOut = size(rng, 1, 4),
          nIn = size(rng, 1, 4),
          m = size(rng, 1, 5);
        const W = mat(rng, nOut, nIn),
          b = vec(rng, nOut),
          A = mat(rng, nIn, m);
        const Z = addColumn(matmul(Tensor.from(W), Tensor.from(A)), column(b));
        return { label: { key: "exercise.dense-forward.case.shapes", vars: { nOut, nIn, m } }, args: [W, b, A], expected: rowsOf(Z) };
      }),
  },
  {
    id: "dense-backward",
    topics: ["backpropagation"],
    fn: "denseBackward",
    starter: `// W: n_out × n_in, A_prev: n_in × m, dZ: n_out × m → { dW: n_out × n_in, db: number[] (n_out), dA_prev: n_in × m }
function denseBackward(W: number[][], A_prev: number[][], dZ: number[][]) {
  return { dW: [], db: [], dA_prev: [] };
}`,
    solution: `function denseBackward(W: number[][], A_prev: number[][], dZ: number[][]) {
  const m = dZ[0].length;
  const dW = dZ.map((row) => A_prev.map((a) => row.reduce((s, d, j) => s + d * a[j], 0) / m));
  const db = dZ.map((row) => row.reduce((s, d) => s + d, 0) / m);
  const dA_prev = A_prev.map((_, k) => Array.from({ length: m }, (_, j) => W.reduce((s, w, i) => s + w[k] * dZ[i][j], 0)));
  return { dW, db, dA_prev };
}`,
    cases: (rng) =>
      [1, 2, 3, 4].map(() => {
        const nOut = size(rng, 1, 4),
          nIn = size(rng, 1, 4),
          m = size(rng, 2, 5);
        const W = mat(rng, nOut, nIn),
          A = mat(rng, nIn, m),
          dZ = mat(rng, nOut, m);
        const tW = Tensor.from(W),
          tA = Tensor.from(A),
          tdZ = Tensor.from(dZ);
        const expected = {
          dW: rowsOf(scale(matmul(tdZ, transpose(tA)), 1 / m)),
          db: Array.from(scale(sumColumns(tdZ), 1 / m).data),
          dA_prev: rowsOf(matmul(transpose(tW), tdZ)),
        };
        return { label: { key: "exercise.dense-backward.case.shapes", vars: { nOut, nIn, m } }, args: [W, A, dZ], expected };
      }),
  },
  {
    id: "dropout-inverted",
    topics: ["dropout"],
    fn: "dropout",
    starter: `// A: number[], mask: number[] (0 or 1), p: number (drop probability), dOut: number[] → { out: number[], dA: number[] }
function dropout(A: number[], mask: number[], p: number, dOut: number[]) {
  return { out: [], dA: [] };
}`,
    solution: `function dropout(A: number[], mask: number[], p: number, dOut: number[]) {
  return { out: A.map((a, i) => (a * mask[i]) / (1 - p)), dA: dOut.map((d, i) => (d * mask[i]) / (1 - p)) };
}`,
    cases: (rng) =>
      [0.1, 0.3, 0.5, 0.8].map((p) => {
        const n = size(rng, 3, 8),
          A = vec(rng, n),
          d = vec(rng, n),
          mask = A.map(() => 1 - rng.bernoulli(p));
        const keep = Tensor.from([mask]);
        const expected = {
          out: Array.from(scale(mul(Tensor.from([A]), keep), 1 / (1 - p)).data),
          dA: Array.from(scale(mul(Tensor.from([d]), keep), 1 / (1 - p)).data),
        };
        return { label: { key: "exercise.dropout-inverted.case.units", vars: { p, n } }, args: [A, mask, p, d], expected };
      }),
  },
  {
    id: "l2-gradient",
    topics: ["l1-l2"],
    fn: "penalisedGradient",
    starter: `// w: number[], dJ: number[] (same length), lambda: number → number[]
function penalisedGradient(w: number[], dJ: number[], lambda: number): number[] {
  return [];
}`,
    solution: `function penalisedGradient(w: number[], dJ: number[], lambda: number): number[] {
  return w.map((x, i) => dJ[i] + 2 * lambda * x);
}`,
    cases: (rng) =>
      [0.01, 0.1, 0.5].map((lambda) => {
        const n = size(rng, 2, 6),
          w = vec(rng, n),
          dJ = vec(rng, n),
          g = l2Grad(w, lambda);
        return {
          label: { key: "exercise.l2-gradient.case.weights", vars: { lambda, n } },
          args: [w, dJ, lambda],
          expected: dJ.map((d, i) => d + g[i]),
        };
      }),
  },
  {
    id: "clip-global-norm",
    topics: ["clipping", "exploding-gradients"],
    fn: "clipGlobalNorm",
    starter: `// grads: number[][] (one array per parameter), maxNorm: number → number[][] (same shapes)
function clipGlobalNorm(grads: number[][], maxNorm: number): number[][] {
  return [];
}`,
    solution: `function clipGlobalNorm(grads: number[][], maxNorm: number): number[][] {
  const norm = Math.sqrt(grads.reduce((s, g) => s + g.reduce((t, x) => t + x * x, 0), 0));
  const c = Math.min(1, maxNorm / (norm + 1e-6));
  return grads.map((g) => g.map((x) => x * c));
}`,
    cases: (rng) =>
      [0.5, 1, 5, 100].map((maxNorm) => {
        const grads = Array.from({ length: size(rng, 2, 3) }, () => vec(rng, size(rng, 1, 4), 2));
        const copies = grads.map((g) => Float64Array.from(g));
        clipByGlobalNorm(copies, maxNorm);
        return {
          label: { key: "exercise.clip-global-norm.case.arrays", vars: { count: grads.length, maxNorm } },
          args: [grads, maxNorm],
          expected: copies.map((c) => Array.from(c)),
        };
      }),
  },
  {
    id: "attention",
    topics: ["attention"],
    fn: "attention",
    starter: `// Q: n_q × d_k, K: n_k × d_k, V: n_k × d_v (rows) → output: n_q × d_v
function attention(Q: number[][], K: number[][], V: number[][]): number[][] {
  return [];
}`,
    solution: `function attention(Q: number[][], K: number[][], V: number[][]): number[][] {
  const s = 1 / Math.sqrt(K[0].length);
  return Q.map((q) => {
    const scores = K.map((k) => q.reduce((a, x, j) => a + x * k[j], 0) * s);
    const m = Math.max(...scores), e = scores.map((x) => Math.exp(x - m)), z = e.reduce((a, b) => a + b, 0);
    return V[0].map((_, c) => e.reduce((a, w, j) => a + (w / z) * V[j][c], 0));
  });
}`,
    cases: (rng) =>
      [1, 2, 3, 4].map(() => {
        const nq = size(rng, 1, 3),
          nk = size(rng, 1, 4),
          dk = size(rng, 2, 4),
          dv = size(rng, 1, 3);
        const Q = mat(rng, nq, dk, 2),
          K = mat(rng, nk, dk, 2),
          V = mat(rng, nk, dv);
        return {
          label: { key: "exercise.attention.case.sizes", vars: { nq, nk, dk } },
          args: [Q, K, V],
          expected: scaledDotProductAttention(Q, K, V).output,
        };
      }),
  },
  {
    id: "init-std",
    topics: ["initialization"],
    fn: "initStd",
    starter: `// kind: "xavier" | "he", fanIn: number, fanOut: number → std: number
function initStd(kind: "xavier" | "he", fanIn: number, fanOut: number): number {
  return 0;
}`,
    solution: `function initStd(kind: "xavier" | "he", fanIn: number, fanOut: number): number {
  return kind === "xavier" ? Math.sqrt(2 / (fanIn + fanOut)) : Math.sqrt(2 / fanIn);
}`,
    cases: (rng) =>
      [0, 1, 2, 3].map((k) => {
        const kind = k % 2 === 0 ? "xavier" : "he",
          fanIn = size(rng, 2, 800),
          fanOut = size(rng, 2, 800);
        return {
          label: { key: "exercise.init-std.case.fans", vars: { kind, fanIn, fanOut } },
          args: [kind, fanIn, fanOut],
          expected: initScale(kind === "he" ? "heNormal" : "xavierNormal", fanIn, fanOut),
        };
      }),
  },
  {
    id: "grad-check",
    topics: ["gradient-check"],
    fn: "numericalGradient",
    starter: `// f: (x: number[]) => number, x: number[], h: number → number[] (same length as x)
function numericalGradient(f: (x: number[]) => number, x: number[], h: number): number[] {
  return [];
}`,
    solution: `function numericalGradient(f: (x: number[]) => number, x: number[], h: number): number[] {
  return x.map((xi, i) => {
    x[i] = xi + h; const up = f(x);
    x[i] = xi - h; const down = f(x);
    x[i] = xi;
    return (up - down) / (2 * h);
  });
}`,
    cases: (rng) =>
      [1, 2, 3].map((k) => {
        const n = size(rng, 2, 4),
          x = vec(rng, n),
          c = vec(rng, n),
          h = 1e-3;
        // A cubic term makes a one-sided difference miss by about h, far past the tolerance.
        const f = (v: ArrayLike<number>) => Array.from(v).reduce((s, vi, i) => s + c[i] * vi ** 3 + k * vi * vi, 0);
        return {
          label: { key: "exercise.grad-check.case.cubic", vars: { n, h } },
          args: [f, x, h],
          expected: Array.from(finiteDifference(f, Float64Array.from(x), h)),
        };
      }),
  },
];
