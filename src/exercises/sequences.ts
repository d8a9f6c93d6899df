// Exercises on normalisation and recurrent cells: batch norm's training-mode forward, one tanh RNN step, the gradient
// of W_h by backpropagation through time, and one LSTM step. Expected values come from the engine's BatchNorm, RNNCell,
// RNN (its BPTT) and LSTMCell, with examples as columns and one example per case for the recurrent ones.
import { BatchNorm, LSTMCell, RNN, RNNCell, Tensor, type Rng } from "../../lib";
import { type Exercise, mat, size, vec } from "./exercise";

const rowsOf = (t: Tensor): number[][] => Array.from({ length: t.rows }, (_, i) => Array.from({ length: t.cols }, (_, j) => t.get(i, j)));
const column = (v: readonly number[]) => Tensor.from(v.map((x) => [x]));
const flat = (t: Tensor) => Array.from(t.data);

/** Random weights of a recurrent cell with `gates` blocks: W_x [gates·H, I], W_h [gates·H, H], b [gates·H]. */
function cellWeights(rng: Rng, gates: number, I: number, H: number) {
  return { Wx: mat(rng, gates * H, I, 0.8), Wh: mat(rng, gates * H, H, 0.8), b: vec(rng, gates * H, 0.5) };
}

/** Loads W_x, W_h and b into an engine layer (b_hh zero: the course's one bias is PyTorch's b_ih + b_hh). */
function load(layer: { W_ih: Tensor; W_hh: Tensor; b_ih: Tensor; b_hh: Tensor }, w: ReturnType<typeof cellWeights>): void {
  layer.W_ih.data.set(w.Wx.flat());
  layer.W_hh.data.set(w.Wh.flat());
  layer.b_ih.data.set(w.b);
  layer.b_hh.data.fill(0);
}

export const sequenceExercises: Exercise[] = [
  {
    id: "batchnorm-forward",
    topics: ["batch-norm"],
    fn: "batchNormForward",
    starter: `// X: number[][] (n features × m examples), gamma, beta: number[] (n), eps: number → Y: number[][] (n × m)
function batchNormForward(X: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return [];
}`,
    solution: `function batchNormForward(X: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return X.map((row, i) => {
    const m = row.length;
    const mu = row.reduce((s, x) => s + x, 0) / m;
    const v = row.reduce((s, x) => s + (x - mu) ** 2, 0) / m;
    return row.map((x) => (gamma[i] * (x - mu)) / Math.sqrt(v + eps) + beta[i]);
  });
}`,
    cases: (rng) =>
      [
        { eps: 1e-5, label: "plain" },
        { eps: 1e-5, label: "plain" },
        { eps: 0.5, label: "largeEps" },
        { eps: 1e-5, label: "nearlyConstant" },
      ].map(({ eps, label }, k) => {
        const n = size(rng, 1, 3),
          m = size(rng, 2, 5);
        const X = mat(rng, n, m, 2).map((row) => row.map((x) => x + 3));
        // A row that barely varies: its variance is far below ε, so where ε goes decides the result.
        if (k === 3) X[0] = X[0].map((x) => 1 + 1e-4 * x);
        const gamma = vec(rng, n).map((g) => 1 + 0.5 * g),
          beta = vec(rng, n);
        const bn = new BatchNorm(n, { eps });
        bn.gamma.data.set(gamma);
        bn.beta.data.set(beta);
        return {
          label: { key: `exercise.batchnorm-forward.case.${label}`, vars: { n, m, eps } },
          args: [X, gamma, beta, eps],
          expected: rowsOf(bn.forward(Tensor.from(X))),
        };
      }),
  },
  {
    id: "rnn-step",
    topics: ["rnn"],
    fn: "rnnStep",
    starter: `// Wx: H × I, Wh: H × H, b: number[] (H), x: number[] (I), hPrev: number[] (H) → h: number[] (H)
function rnnStep(Wx: number[][], Wh: number[][], b: number[], x: number[], hPrev: number[]): number[] {
  return [];
}`,
    solution: `function rnnStep(Wx: number[][], Wh: number[][], b: number[], x: number[], hPrev: number[]): number[] {
  return b.map((bi, i) => {
    const z = Wx[i].reduce((s, w, k) => s + w * x[k], bi) + Wh[i].reduce((s, w, j) => s + w * hPrev[j], 0);
    return Math.tanh(z);
  });
}`,
    cases: (rng) =>
      [1, 2, 3, 4].map(() => {
        const I = size(rng, 1, 3),
          H = size(rng, 2, 4);
        const w = cellWeights(rng, 1, I, H),
          x = vec(rng, I),
          hPrev = vec(rng, H, 0.7);
        const cell = new RNNCell(I, H);
        load(cell.layer, w);
        const h = flat(cell.forward(column(x), column(hPrev)));
        return { label: { key: "exercise.rnn-step.case.sizes", vars: { I, H } }, args: [w.Wx, w.Wh, w.b, x, hPrev], expected: h };
      }),
  },
  {
    id: "rnn-bptt",
    topics: ["rnn", "backpropagation"],
    fn: "rnnGradWh",
    starter: `// Wx: H × I, Wh: H × H, b: number[] (H), xs: T × I, h0: number[] (H), dh: T × H (direct loss gradient on h_1 … h_T)
// → dWh: number[][] (H × H)
function rnnGradWh(Wx: number[][], Wh: number[][], b: number[], xs: number[][], h0: number[], dh: number[][]): number[][] {
  return [];
}`,
    solution: `function rnnGradWh(Wx: number[][], Wh: number[][], b: number[], xs: number[][], h0: number[], dh: number[][]): number[][] {
  const H = h0.length, hs = [h0];
  for (const x of xs) {
    const h = hs[hs.length - 1];
    hs.push(b.map((bi, i) => Math.tanh(Wx[i].reduce((s, w, k) => s + w * x[k], bi) + Wh[i].reduce((s, w, j) => s + w * h[j], 0))));
  }
  const dWh = Wh.map((row) => row.map(() => 0));
  let carry: number[] = new Array(H).fill(0);
  for (let t = xs.length; t >= 1; t--) {
    const dz = hs[t].map((h, i) => (dh[t - 1][i] + carry[i]) * (1 - h * h));
    for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) dWh[i][j] += dz[i] * hs[t - 1][j];
    carry = hs[t - 1].map((_, j) => dz.reduce((s, d, i) => s + Wh[i][j] * d, 0));
  }
  return dWh;
}`,
    cases: (rng) =>
      [2, 3, 4].map((T) => {
        const I = size(rng, 1, 2),
          H = size(rng, 2, 3);
        const w = cellWeights(rng, 1, I, H),
          xs = mat(rng, T, I),
          h0 = vec(rng, H, 0.5),
          dh = mat(rng, T, H);
        const rnn = new RNN(I, H);
        load(rnn, w);
        rnn.forward(xs.map(column), column(h0));
        // One example (m = 1): the engine's 1/m in dW_hh is 1.
        rnn.backward(new Tensor([T, H, 1], Float64Array.from(dh.flat())));
        return {
          label: { key: "exercise.rnn-bptt.case.sizes", vars: { T, I, H } },
          args: [w.Wx, w.Wh, w.b, xs, h0, dh],
          expected: rowsOf(rnn.dW_hh),
        };
      }),
  },
  {
    id: "lstm-step",
    topics: ["lstm"],
    fn: "lstmStep",
    starter: `// Wx: 4H × I, Wh: 4H × H, b: number[] (4H), x: number[] (I), hPrev, cPrev: number[] (H) → { h: number[], c: number[] } (H each)
function lstmStep(Wx: number[][], Wh: number[][], b: number[], x: number[], hPrev: number[], cPrev: number[]) {
  return { h: [], c: [] };
}`,
    solution: `function lstmStep(Wx: number[][], Wh: number[][], b: number[], x: number[], hPrev: number[], cPrev: number[]) {
  const H = hPrev.length, sig = (z: number) => 1 / (1 + Math.exp(-z));
  const a = b.map((bi, r) => Wx[r].reduce((s, w, k) => s + w * x[k], bi) + Wh[r].reduce((s, w, j) => s + w * hPrev[j], 0));
  const c = cPrev.map((cp, k) => sig(a[H + k]) * cp + sig(a[k]) * Math.tanh(a[2 * H + k]));
  const h = c.map((ck, k) => sig(a[3 * H + k]) * Math.tanh(ck));
  return { h, c };
}`,
    cases: (rng) =>
      [1, 2, 3, 4].map(() => {
        const I = size(rng, 1, 3),
          H = size(rng, 1, 3);
        const w = cellWeights(rng, 4, I, H),
          x = vec(rng, I),
          hPrev = vec(rng, H, 0.5),
          cPrev = vec(rng, H);
        const cell = new LSTMCell(I, H);
        load(cell.layer, w);
        const h = flat(cell.forward(column(x), column(hPrev), column(cPrev)));
        return {
          label: { key: "exercise.lstm-step.case.sizes", vars: { I, H } },
          args: [w.Wx, w.Wh, w.b, x, hPrev, cPrev],
          expected: { h, c: flat(cell.c) },
        };
      }),
  },
];
