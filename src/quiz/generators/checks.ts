// Templates for checking and following gradients: a central-difference check against the analytic derivative,
// and the factor by which backpropagation through time scales a gradient over k steps.
import { finiteDifference, tanh } from "../../../lib";
import { defineGenerator, fmt, fp, pick, pickInt, pickSigned, choose, shown } from "./types";

/** Asked to three decimals; a central difference differs from the derivative by a·h², at least 0.01 here. */
const THREE_DECIMALS = { abs: 0.0005, rel: 0 };

export const centralDifference = defineGenerator("central-difference", "gradient-check", "A central-difference gradient check", (rng) => {
  const a = choose(rng, [-2, -1, 1, 2, 3]),
    c = pickInt(rng, -4, 4),
    x = pickSigned(rng, 0.5, 2.5, 1),
    h = choose(rng, [0.1, 0.2, 0.25, 0.5]);
  const f = (t: number) => a * t ** 3 + c * t;
  // The engine's central difference, the same routine the course's gradient checks use.
  const answer = finiteDifference((v) => f(v[0]), Float64Array.of(x), h)[0];
  const analytic = 3 * a * x * x + c,
    up = f(x + h),
    down = f(x - h);
  const fText = c === 0 ? `${fmt(a)}·x³` : `${fmt(a)}·x³ ${c < 0 ? "−" : "+"} ${fmt(Math.abs(c))}·x`;
  return {
    prompt: `For f(x) = ${fText}, compute the central difference (f(x + h) − f(x − h)) / (2h) at x = ${fmt(x)} with h = ${fmt(h)}, to three decimals. (A gradient check compares it with the analytic derivative.)`,
    answer,
    tolerance: THREE_DECIMALS,
    solution: [
      `f(${fmt(x + h, 10)}) = ${fmt(up, 10)} and f(${fmt(x - h, 10)}) = ${fmt(down, 10)}`,
      `(${fmt(up, 10)} − ${fp(down, 10)}) / (2·${fmt(h)}) = ${fmt(answer, 6)}`,
      `Analytic: f′(x) = ${fmt(3 * a)}·x² ${c < 0 ? "−" : "+"} ${fmt(Math.abs(c))} = ${fmt(analytic, 6)}; for a cubic the central difference is off by exactly a·h² = ${fmt(a * h * h, 6)}, an O(h²) error.`,
    ],
    route: (shown(up, 10) - shown(down, 10)) / (2 * h),
    mistakes: [
      {
        id: "central-analytic",
        label: "That is the analytic derivative f′(x); the question asks for the central difference.",
        value: analytic,
      },
      {
        id: "central-forward",
        label: "You used the forward difference (f(x + h) − f(x)) / h; the central one uses x + h and x − h.",
        value: (up - f(x)) / h,
      },
      { id: "central-no-two", label: "You divided by h instead of 2h; the two points are 2h apart.", value: (up - down) / h },
    ],
    params: { a, c, x, h },
  };
});

export const bpttFactor = defineGenerator("bptt-factor", "rnn", "The BPTT factor over k steps", (rng) => {
  const w = pick(rng, 0.5, 2.5, 1),
    k = pickInt(rng, 3, 5),
    z = Array.from({ length: k }, () => pickSigned(rng, 0.1, 1.5, 1));
  // ∂h_k/∂h_0 of h_t = tanh(w·h_{t−1} + u·x_t + b) is the product of the per-step factors w·tanh′(z_t).
  const factors = z.map((zt) => w * tanh.df(zt));
  const answer = factors.reduce((p, f) => p * f, 1);
  return {
    prompt: `A one-unit RNN h_t = tanh(w·h_{t−1} + u·x_t + b) has recurrent weight w = ${fmt(w)}. Over ${k} steps its pre-activations were z = ${z.map((v) => fmt(v)).join(", ")}. What is ∂h_${k}/∂h_0, the factor backpropagation through time applies to a gradient over these ${k} steps?`,
    answer,
    solution: [
      `Each step contributes ∂h_t/∂h_{t−1} = w·tanh′(z_t) = w·(1 − tanh²(z_t)).`,
      ...z.map((zt, t) => `t = ${t + 1}: ${fmt(w)}·(1 − tanh²(${fmt(zt)})) = ${fmt(w)}·${fmt(tanh.df(zt), 5)} = ${fmt(factors[t], 5)}`),
      `∂h_${k}/∂h_0 = ${factors.map((f) => fp(f, 5)).join("·")} = ${fmt(answer)}`,
    ],
    route: factors.reduce((p, f) => p * shown(f, 5), 1),
    mistakes: [
      { id: "bptt-w-power", label: `You used w^${k} alone; each step also multiplies by the tanh slope 1 − tanh²(z_t).`, value: w ** k },
      {
        id: "bptt-no-w",
        label: "You multiplied only the tanh slopes; each step also multiplies by the recurrent weight w.",
        value: answer / w ** k,
      },
      {
        id: "bptt-one-minus-z2",
        label: "You used 1 − z_t²; the slope is 1 − tanh²(z_t).",
        value: z.reduce((p, zt) => p * w * (1 - zt * zt), 1),
      },
    ],
    params: { w, z },
  };
});

/** The gradient-checking and BPTT templates. */
export const checkGenerators = [centralDifference, bpttFactor];
