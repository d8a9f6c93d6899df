// Templates for checking and following gradients: a central-difference check against the analytic derivative,
// and the factor by which backpropagation through time scales a gradient over k steps.
import { finiteDifference, tanh } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pick, pickInt, pickSigned, choose, shown } from "./types";

/** Asked to three decimals; a central difference differs from the derivative by a·h², at least 0.01 here. */
const THREE_DECIMALS = { abs: 0.0005, rel: 0 };

export const centralDifference = defineGenerator(
  "central-difference",
  "gradient-check",
  () => t("gen.central-difference.title"),
  (rng) => {
    const a = choose(rng, [-2, -1, 1, 2, 3]),
      c = pickInt(rng, -4, 4),
      x = pickSigned(rng, 0.5, 2.5, 1),
      h = choose(rng, [0.1, 0.2, 0.25, 0.5]);
    const f = (v: number) => a * v ** 3 + c * v;
    // The engine's central difference, the same routine the course's gradient checks use.
    const answer = finiteDifference((v) => f(v[0]), Float64Array.of(x), h)[0];
    const analytic = 3 * a * x * x + c,
      up = f(x + h),
      down = f(x - h);
    const fText = c === 0 ? `${fmt(a)}·x³` : `${fmt(a)}·x³ ${c < 0 ? "−" : "+"} ${fmt(Math.abs(c))}·x`;
    return {
      prompt: t("gen.central-difference.prompt", { f: fText, x: fmt(x), h: fmt(h) }),
      answer,
      tolerance: THREE_DECIMALS,
      solution: [
        t("gen.central-difference.solution.1", { xUp: fmt(x + h, 10), up: fmt(up, 10), xDown: fmt(x - h, 10), down: fmt(down, 10) }),
        `(${fmt(up, 10)} − ${fp(down, 10)}) / (2·${fmt(h)}) = ${fmt(answer, 6)}`,
        t("gen.central-difference.solution.3", {
          a3: fmt(3 * a),
          sign: c < 0 ? "−" : "+",
          c: fmt(Math.abs(c)),
          analytic: fmt(analytic, 6),
          error: fmt(a * h * h, 6),
        }),
      ],
      route: (shown(up, 10) - shown(down, 10)) / (2 * h),
      mistakes: [
        {
          id: "central-analytic",
          label: t("gen.central-difference.mistake.central-analytic"),
          value: analytic,
        },
        {
          id: "central-forward",
          label: t("gen.central-difference.mistake.central-forward"),
          value: (up - f(x)) / h,
        },
        { id: "central-no-two", label: t("gen.central-difference.mistake.central-no-two"), value: (up - down) / h },
      ],
      params: { a, c, x, h },
    };
  },
);

export const bpttFactor = defineGenerator(
  "bptt-factor",
  "rnn",
  () => t("gen.bptt-factor.title"),
  (rng) => {
    const w = pick(rng, 0.5, 2.5, 1),
      k = pickInt(rng, 3, 5),
      z = Array.from({ length: k }, () => pickSigned(rng, 0.1, 1.5, 1));
    // ∂h_k/∂h_0 of h_t = tanh(w·h_{t−1} + u·x_t + b) is the product of the per-step factors w·tanh′(z_t).
    const factors = z.map((zt) => w * tanh.df(zt));
    const answer = factors.reduce((p, f) => p * f, 1);
    return {
      prompt: t("gen.bptt-factor.prompt", { w: fmt(w), k, z: z.map((v) => fmt(v)).join(", ") }),
      answer,
      solution: [
        t("gen.bptt-factor.solution.1"),
        ...z.map((zt, s) => `t = ${s + 1}: ${fmt(w)}·(1 − tanh²(${fmt(zt)})) = ${fmt(w)}·${fmt(tanh.df(zt), 5)} = ${fmt(factors[s], 5)}`),
        `∂h_${k}/∂h_0 = ${factors.map((f) => fp(f, 5)).join("·")} = ${fmt(answer)}`,
      ],
      route: factors.reduce((p, f) => p * shown(f, 5), 1),
      mistakes: [
        { id: "bptt-w-power", label: t("gen.bptt-factor.mistake.bptt-w-power", { k }), value: w ** k },
        {
          id: "bptt-no-w",
          label: t("gen.bptt-factor.mistake.bptt-no-w"),
          value: answer / w ** k,
        },
        {
          id: "bptt-one-minus-z2",
          label: t("gen.bptt-factor.mistake.bptt-one-minus-z2"),
          value: z.reduce((p, zt) => p * w * (1 - zt * zt), 1),
        },
      ],
      params: { w, z },
    };
  },
);

/** The gradient-checking and BPTT templates. */
export const checkGenerators = [centralDifference, bpttFactor];
