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
    title: "Batch norm forward (training mode)",
    topics: ["batch-norm"],
    statement:
      "Features are rows and examples are columns. Given `X` (n × m), the scale `gamma` and shift `beta` (length n) and `eps`, return Y as torch.nn.BatchNorm1d computes it in training mode: each feature normalised with the mean and variance of its own row over the batch.",
    fn: "batchNormForward",
    starter: `// X: number[][] (n features × m examples), gamma, beta: number[] (n), eps: number → Y: number[][] (n × m)
function batchNormForward(X: number[][], gamma: number[], beta: number[], eps: number): number[][] {
  return [];
}`,
    hints: [
      "One mean and one variance per feature, taken across the examples of the batch.",
      "Normalising uses the biased variance (divide by m, not m − 1), and ε goes inside the square root.",
      "For row i: μ = mean of X[i]; σ² = mean of (X[i][j] − μ)²; Y[i][j] = gamma[i]·(X[i][j] − μ)/√(σ² + eps) + beta[i].",
    ],
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
        { eps: 1e-5, label: "" },
        { eps: 1e-5, label: "" },
        { eps: 0.5, label: ", large ε" },
        { eps: 1e-5, label: ", a nearly constant feature" },
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
        return { label: `X ${n}×${m}, ε = ${eps}${label}`, args: [X, gamma, beta, eps], expected: rowsOf(bn.forward(Tensor.from(X))) };
      }),
  },
  {
    id: "rnn-step",
    title: "One step of a tanh RNN",
    topics: ["rnn"],
    statement:
      "Given `Wx` (H × I), `Wh` (H × H), `b` (length H), the input `x` (length I) and the previous state `hPrev` (length H), return the new state h = tanh(Wx·x + Wh·hPrev + b).",
    fn: "rnnStep",
    starter: `// Wx: H × I, Wh: H × H, b: number[] (H), x: number[] (I), hPrev: number[] (H) → h: number[] (H)
function rnnStep(Wx: number[][], Wh: number[][], b: number[], x: number[], hPrev: number[]): number[] {
  return [];
}`,
    hints: [
      "The new state mixes the input and the old state, then squashes the sum.",
      "Row i of Wh meets the whole of hPrev: (Wh·hPrev)[i] = Σ_j Wh[i][j]·hPrev[j].",
      "For each i: z = Σ_k Wx[i][k]·x[k] + Σ_j Wh[i][j]·hPrev[j] + b[i]; h[i] = Math.tanh(z).",
    ],
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
        return { label: `I = ${I}, H = ${H}`, args: [w.Wx, w.Wh, w.b, x, hPrev], expected: h };
      }),
  },
  {
    id: "rnn-bptt",
    title: "Backpropagation through time for W_h",
    topics: ["rnn", "backpropagation"],
    statement:
      "A tanh RNN, h_t = tanh(Wx·x_t + Wh·h_{t−1} + b), runs over the inputs `xs` (T × I) from `h0`. A loss on every step sends `dh[t]`, the gradient on h_{t+1} from that step's loss alone. Return ∂L/∂Wh (H × H), summed over the steps.",
    fn: "rnnGradWh",
    starter: `// Wx: H × I, Wh: H × H, b: number[] (H), xs: T × I, h0: number[] (H), dh: T × H (direct loss gradient on h_1 … h_T)
// → dWh: number[][] (H × H)
function rnnGradWh(Wx: number[][], Wh: number[][], b: number[], xs: number[][], h0: number[], dh: number[][]): number[][] {
  return [];
}`,
    hints: [
      "Run the forward pass first and keep every state h_0 … h_T: the backward pass needs them.",
      "Going back from t = T, the gradient on h_t is its own dh plus what h_{t+1} sends back through Whᵀ; multiply by 1 − h_t² to reach the pre-activation.",
      "dz_t = (dh_t + carry) ⊙ (1 − h_t²); dWh += dz_t·h_{t−1}ᵀ; carry = Whᵀ·dz_t; loop t from T down to 1.",
    ],
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
        return { label: `T = ${T} steps, I = ${I}, H = ${H}`, args: [w.Wx, w.Wh, w.b, xs, h0, dh], expected: rowsOf(rnn.dW_hh) };
      }),
  },
  {
    id: "lstm-step",
    title: "One LSTM step",
    topics: ["lstm"],
    statement:
      "The weights stack four gates in PyTorch's order i, f, g, o: rows 0…H−1 of `Wx` (4H × I), `Wh` (4H × H) and `b` (4H) belong to the input gate, then the forget gate, the candidate g, the output gate. Given `x`, `hPrev` and `cPrev`, return `{ h, c }` for one step of torch.nn.LSTMCell.",
    fn: "lstmStep",
    starter: `// Wx: 4H × I, Wh: 4H × H, b: number[] (4H), x: number[] (I), hPrev, cPrev: number[] (H) → { h: number[], c: number[] } (H each)
function lstmStep(Wx: number[][], Wh: number[][], b: number[], x: number[], hPrev: number[], cPrev: number[]) {
  return { h: [], c: [] };
}`,
    hints: [
      "One matrix product gives all four pre-activations; block k of H rows belongs to gate k of i, f, g, o.",
      "i, f and o go through a sigmoid, g through tanh; the cell keeps f of the old memory and adds i of the candidate.",
      "a = Wx·x + Wh·hPrev + b; i = σ(a[0:H]), f = σ(a[H:2H]), g = tanh(a[2H:3H]), o = σ(a[3H:4H]); c = f⊙cPrev + i⊙g; h = o⊙tanh(c).",
    ],
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
        return { label: `I = ${I}, H = ${H}`, args: [w.Wx, w.Wh, w.b, x, hPrev, cPrev], expected: { h, c: flat(cell.c) } };
      }),
  },
];
