// Independent reference computations for every template, written from the formulas (plain Math, no engine),
// so a test compares the engine-backed answer against a second implementation.
// biome-ignore lint/suspicious/noExplicitAny: a template's parameters, read by name as each formula needs them
type P = Record<string, any>;
const sig = (z: number) => 1 / (1 + Math.exp(-z));
const softmax = (z: number[]) => {
  const m = Math.max(...z),
    e = z.map((v) => Math.exp(v - m)),
    s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function adamRef(p: P, opts: { lambda?: number; decoupled?: boolean; correct?: boolean } = {}) {
  const { lambda = 0, decoupled = false, correct = true } = opts;
  const g = p.g + (decoupled ? 0 : lambda * p.theta);
  const m = 0.9 * p.m + 0.1 * g,
    v = 0.999 * p.v + 0.001 * g * g;
  const mh = correct ? m / (1 - 0.9 ** p.t) : m,
    vh = correct ? v / (1 - 0.999 ** p.t) : v;
  return -(decoupled ? p.lr * lambda * p.theta : 0) - (p.lr * mh) / (Math.sqrt(vh) + 1e-8);
}

function conv(n: number, k: number, p: number, s: number, d = 1) {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

/** The expected answer of each template from its drawn parameters. */
export const reference: Record<string, (p: P) => number> = {
  "sigmoid-derivative": (p) => sig(p.z) * (1 - sig(p.z)),
  "tanh-derivative": (p) => 1 - Math.tanh(p.z) ** 2,
  "relu-derivative": (p) => (p.z > 0 ? 1 : p.alpha),
  "neuron-output": (p) => {
    const z = p.w[0] * p.x[0] + p.w[1] * p.x[1] + p.b;
    return p.activation === "sigmoid" ? sig(z) : p.activation === "tanh" ? Math.tanh(z) : Math.max(0, z);
  },
  "dense-param-count": (p) => (p.nIn + 1) * p.nOut,
  "mlp-param-count": (p) => p.sizes.slice(1).reduce((s: number, n: number, l: number) => s + (p.sizes[l] + 1) * n, 0),
  bce: (p) => -(p.y * Math.log(p.p) + (1 - p.y) * Math.log(1 - p.p)),
  mse: (p) => mean(p.yhat.map((v: number, i: number) => (v - p.y[i]) ** 2)),
  "softmax-prob": (p) => softmax(p.z)[p.k],
  "softmax-ce": (p) => -Math.log(softmax(p.z)[p.c]),
  "chain-rule": (p) => {
    const a1 = sig(p.w1 * p.x + p.b1),
      yhat = p.w2 * a1 + p.b2;
    return (yhat - p.y) * p.w2 * a1 * (1 - a1) * p.x;
  },
  "output-dz": (p) => sig(p.z) - p.y,
  "gd-step": (p) => p.theta - p.lr * p.g,
  "max-stable-lr": (p) => 2 / p.lambda,
  "steps-per-epoch": (p) => Math.ceil(p.m / p.batch),
  "momentum-pytorch": (p) => {
    const v1 = p.g1,
      v2 = p.beta * v1 + p.g2;
    return p.theta - p.lr * v1 - p.lr * v2;
  },
  "momentum-ema": (p) => {
    const v1 = (1 - p.beta) * p.g1,
      v2 = p.beta * v1 + (1 - p.beta) * p.g2;
    return p.theta - p.lr * v1 - p.lr * v2;
  },
  "rmsprop-step": (p) => {
    const s = p.beta * p.s + (1 - p.beta) * p.g * p.g;
    return (-p.lr * p.g) / (Math.sqrt(s) + p.eps);
  },
  "adam-step": (p) => adamRef(p),
  "adamw-step": (p) => adamRef(p, { lambda: p.lambda, decoupled: true }),
  "dropout-inverted": (p) => p.a / (1 - p.p),
  "dropout-test-scale": (p) => (1 - p.p) * p.a,
  "batch-norm": (p) => {
    const mu = mean(p.x),
      v = mean(p.x.map((x: number) => (x - mu) ** 2));
    return (p.gamma * (p.x[p.k] - mu)) / Math.sqrt(v + 1e-5) + p.beta;
  },
  "l2-step": (p) => (1 - 2 * p.lr * p.lambda) * p.w - p.lr * p.g,
  "soft-threshold": (p) => {
    const tau = p.lr * p.lambda;
    return Math.abs(p.w) <= tau ? 0 : p.w - Math.sign(p.w) * tau;
  },
  "clip-global-norm": (p) => {
    const n = Math.hypot(...p.g1, ...p.g2);
    return n > p.c ? p.c / n : 1;
  },
  "clip-by-value": (p) => Math.hypot(...p.g.map((v: number) => Math.max(-p.c, Math.min(p.c, v)))),
  "init-scale": (p) =>
    ({
      xavierUniform: Math.sqrt(6 / (p.fanIn + p.fanOut)),
      xavierNormal: Math.sqrt(2 / (p.fanIn + p.fanOut)),
      heUniform: Math.sqrt(6 / p.fanIn),
      heNormal: Math.sqrt(2 / p.fanIn),
    })[p.kind as string]!,
  "vanishing-bound": (p) => (0.25 * p.w) ** p.L,
  "exploding-growth": (p) => p.rho ** p.L,
  "residual-gradient": (p) => p.dF.reduce((s: number, d: number) => s * (1 + d), 1),
  "rnn-param-count": (p) => p.nh * p.nx + p.nh * p.nh + p.biases * p.nh,
  "lstm-param-count": (p) => 4 * (p.nh * p.nx + p.nh * p.nh + p.biases * p.nh),
  "gru-param-count": (p) => 3 * (p.nh * p.nx + p.nh * p.nh + p.biases * p.nh),
  "rnn-two-steps": (p) => {
    const h1 = Math.tanh(p.wx * p.x1 + p.b);
    return Math.tanh(p.wx * p.x2 + p.wh * h1 + p.b);
  },
  "lstm-cell-step": (p) => {
    const [fx, fh, fb, ix, ih, ib, gx, gh, gb, ox, oh, ob] = p.w;
    const f = sig(fx * p.x + fh * p.h + fb),
      i = sig(ix * p.x + ih * p.h + ib),
      g = Math.tanh(gx * p.x + gh * p.h + gb),
      o = sig(ox * p.x + oh * p.h + ob);
    const c = f * p.c + i * g;
    return p.ask === "c" ? c : o * Math.tanh(c);
  },
  "conv-output-size": (p) => conv(p.n, p.k, p.padding, p.stride, p.dilation),
  "conv-param-count": (p) => p.cOut * (p.cIn * p.k * p.k + 1),
  "pool-output-size": (p) => conv(p.n, p.k, 0, p.stride),
  "attention-weights": (p) => {
    const K = [
      [p.K[0], p.K[1]],
      [p.K[2], p.K[3]],
      [p.K[4], p.K[5]],
    ];
    const w = softmax(K.map((k) => (p.q[0] * k[0] + p.q[1] * k[1]) / Math.SQRT2));
    return p.ask === "weight" ? w[p.j] : w[0] * p.V[0] + w[1] * p.V[1] + w[2] * p.V[2];
  },
  "mha-param-count": (p) => 4 * p.d * p.d + 4 * p.d,
  "embedding-size": (p) => (p.V * p.d * 4) / 1e6,
  "vae-kl": (p) => p.mu.reduce((s: number, m: number, j: number) => s + 0.5 * (p.sigma[j] ** 2 + m * m - 1 - 2 * Math.log(p.sigma[j])), 0),
  "gan-discriminator-loss": (p) => -mean(p.real.map(Math.log)) - mean(p.fake.map((d: number) => Math.log(1 - d))),
  // W = W2·W1 and b = W2·b1 + b2, both 2 × 2 stored row by row.
  "linear-collapse": (p) =>
    p.part === "W"
      ? p.W2[2 * p.i] * p.W1[p.j] + p.W2[2 * p.i + 1] * p.W1[2 + p.j]
      : p.W2[2 * p.i] * p.b1[0] + p.W2[2 * p.i + 1] * p.b1[1] + p.b2[p.i],
  "forward-221": (p) => {
    const g = (z: number) => (p.activation === "relu" ? Math.max(0, z) : p.activation === "tanh" ? Math.tanh(z) : sig(z));
    const a1 = [0, 1].map((k) => g(p.W1[2 * k] * p.x[0] + p.W1[2 * k + 1] * p.x[1] + p.b1[k]));
    return sig(p.w2[0] * a1[0] + p.w2[1] * a1[1] + p.b2);
  },
  "cosine-similarity": (p) => {
    const dot = p.u.reduce((s: number, a: number, i: number) => s + a * p.v[i], 0);
    return dot / Math.hypot(...p.u) / Math.hypot(...p.v);
  },
  // For a cubic the central difference is exact algebra: f'(x) + a·h².
  "central-difference": (p) => 3 * p.a * p.x * p.x + p.c + p.a * p.h * p.h,
  "bptt-factor": (p) => p.z.reduce((s: number, z: number) => s * p.w * (1 - Math.tanh(z) ** 2), 1),
};

/** The wrong values of the mistakes the brief names, computed independently: [template, mistake id, value]. */
export const namedMistakes: [string, string, (p: P) => number][] = [
  ["adam-step", "adam-no-bias-correction", (p) => adamRef(p, { correct: false })],
  [
    "chain-rule",
    "chain-no-sigmoid-prime",
    (p) => {
      const a1 = sig(p.w1 * p.x + p.b1);
      return (p.w2 * a1 + p.b2 - p.y) * p.w2 * p.x;
    },
  ],
  ["adamw-step", "adamw-l2-in-gradient", (p) => adamRef(p, { lambda: p.lambda, decoupled: false })],
  ["conv-output-size", "conv-padding-once", (p) => Math.floor((p.n + p.padding - p.dilation * (p.k - 1) - 1) / p.stride) + 1],
  [
    "rmsprop-step",
    "rmsprop-eps-inside",
    (p) => {
      const s = p.beta * p.s + (1 - p.beta) * p.g * p.g;
      return (-p.lr * p.g) / Math.sqrt(s + p.eps);
    },
  ],
  ["dropout-test-scale", "dropout-test-times-p", (p) => p.p * p.a],
  ["dropout-inverted", "dropout-scale-by-p", (p) => p.a / p.p],
  ["init-scale", "init-variance-for-std", (p) => reference["init-scale"](p) ** 2],
  ["lstm-param-count", "recurrent-bias-convention", (p) => 4 * (p.nh * p.nx + p.nh * p.nh + (3 - p.biases) * p.nh)],
  [
    "output-dz",
    "dz-no-sigmoid-prime",
    (p) => {
      const a = sig(p.z);
      return -p.y / a + (1 - p.y) / (1 - a);
    },
  ],
];
