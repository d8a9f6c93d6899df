// Templates for chapter 4: one step of each optimizer, the stable learning rate, steps per epoch.
import { SGD, Momentum, RMSProp, Adam, AdamW, miniBatches, createRng, type Rng } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pick, pickInt, pickSigned, choose, settle, shown, EXACT } from "./types";

const PARAM = { abs: 1e-3, rel: 1e-3 };
const STEP = { abs: 1e-6, rel: 5e-3 };

/** θ after one step of `opt` from θ with gradient g (the engine's optimizer, one parameter). */
function stepOnce(opt: { step(p: Float64Array[], g: Float64Array[]): void }, theta: number, g: number): number {
  const p = Float64Array.of(theta);
  opt.step([p], [Float64Array.of(g)]);
  return p[0];
}

export const gdStep = defineGenerator(
  "gd-step",
  "gradient-descent",
  () => t("gen.gd-step.title"),
  (rng) => {
    const theta = pickSigned(rng, 0.5, 3),
      g = pickSigned(rng, 0.5, 4),
      lr = choose(rng, [0.05, 0.1, 0.2, 0.25, 0.5]);
    const answer = stepOnce(new SGD({ lr }), theta, g);
    return {
      prompt: t("gen.gd-step.prompt", { theta: fmt(theta), g: fmt(g), lr: fmt(lr) }),
      answer,
      tolerance: PARAM,
      solution: [`θ ← θ − η·∂J/∂θ`, `= ${fmt(theta)} − ${fmt(lr)}·${fp(g)}`, `= ${fmt(theta)} − ${fp(lr * g)} = ${fmt(answer)}`],
      mistakes: [
        { id: "gd-plus", label: t("gen.gd-step.mistake.gd-plus"), value: theta + lr * g },
        { id: "gd-no-lr", label: t("gen.gd-step.mistake.gd-no-lr"), value: theta - g },
      ],
      params: { theta, g, lr },
    };
  },
);

export const maxStableLr = defineGenerator(
  "max-stable-lr",
  "gradient-descent",
  () => t("gen.max-stable-lr.title"),
  (rng) => {
    const lambda = choose(rng, [0.5, 1, 2, 4, 5, 8, 10, 16, 20, 25]);
    // The engine finds the boundary: bisect η, running SGD on f = ½λx² (gradient λx) and checking |x| does not grow.
    const grows = (lr: number) => {
      const opt = new SGD({ lr }),
        x = Float64Array.of(1),
        g = new Float64Array(1);
      for (let k = 0; k < 50; k++) {
        g[0] = lambda * x[0];
        opt.step([x], [g]);
      }
      return Math.abs(x[0]) > 1;
    };
    let lo = 0,
      hi = 10 / lambda;
    for (let k = 0; k < 80; k++) {
      const mid = (lo + hi) / 2;
      if (grows(mid)) hi = mid;
      else lo = mid;
    }
    const answer = lo;
    return {
      prompt: t("gen.max-stable-lr.prompt", { lambda: fmt(lambda) }),
      answer,
      tolerance: { abs: 1e-6, rel: 5e-3 },
      solution: [
        t("gen.max-stable-lr.solution.1", { lambda: fmt(lambda) }),
        t("gen.max-stable-lr.solution.2", { lambda: fmt(lambda) }),
        `η_max = 2/λ = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "lr-optimal-not-max",
          label: t("gen.max-stable-lr.mistake.lr-optimal-not-max"),
          value: 1 / lambda,
        },
        { id: "lr-times-lambda", label: t("gen.max-stable-lr.mistake.lr-times-lambda"), value: 2 * lambda },
      ],
      params: { lambda },
    };
  },
);

export const stepsPerEpoch = defineGenerator(
  "steps-per-epoch",
  "sgd",
  () => t("gen.steps-per-epoch.title"),
  (rng) => {
    const m = choose(rng, [1000, 1500, 2500, 5000, 10000, 50000, 60000]) + pickInt(rng, 0, 3) * choose(rng, [7, 13, 100]);
    const batch = choose(rng, [16, 32, 64, 100, 128, 256]);
    const answer = miniBatches(m, batch, createRng(1)).length;
    return {
      prompt: t("gen.steps-per-epoch.prompt", { m: fmt(m), batch }),
      answer,
      tolerance: EXACT,
      solution: [t("gen.steps-per-epoch.solution.1", { m: fmt(m), batch, ratio: fmt(m / batch), steps: answer })],
      mistakes: [
        {
          id: "epoch-floor",
          label: t("gen.steps-per-epoch.mistake.epoch-floor"),
          value: Math.floor(m / batch),
        },
        { id: "epoch-times", label: t("gen.steps-per-epoch.mistake.epoch-times"), value: m * batch },
      ],
      params: { m, batch },
    };
  },
);

function momentumTemplate(form: "pytorch" | "ema") {
  const id = form === "pytorch" ? "momentum-pytorch" : "momentum-ema";
  return defineGenerator(
    id,
    "momentum",
    () => t(form === "pytorch" ? "gen.momentum-pytorch.title" : "gen.momentum-ema.title"),
    (rng) => {
      const theta = pickSigned(rng, 0.5, 3),
        g1 = pickSigned(rng, 0.5, 3),
        g2 = pickSigned(rng, 0.5, 3);
      const lr = choose(rng, [0.1, 0.2, 0.5]),
        beta = choose(rng, [0.5, 0.8, 0.9]);
      const run = (f: "pytorch" | "ema") => {
        const opt = new Momentum({ lr, beta, form: f }),
          p = Float64Array.of(theta);
        opt.step([p], [Float64Array.of(g1)]);
        opt.step([p], [Float64Array.of(g2)]);
        return p[0];
      };
      const answer = run(form);
      const c = form === "ema" ? 1 - beta : 1;
      const v1 = c * g1;
      return {
        prompt: t(form === "ema" ? "gen.momentum-ema.prompt" : "gen.momentum-pytorch.prompt", {
          lr: fmt(lr),
          beta: fmt(beta),
          theta: fmt(theta),
          g1: fmt(g1),
          g2: fmt(g2),
        }),
        answer,
        tolerance: PARAM,
        solution: [
          form === "ema" ? `v₁ = (1 − ${fmt(beta)})·${fp(g1)} = ${fmt(v1)}` : `v₁ = ${fmt(g1)}`,
          `θ₁ = ${fmt(theta)} − ${fmt(lr)}·${fp(v1)} = ${fmt(theta - lr * v1)}`,
          form === "ema"
            ? `v₂ = ${fmt(beta)}·${fp(v1)} + (1 − ${fmt(beta)})·${fp(g2)} = ${fmt(settle(beta * v1, c * g2))}`
            : `v₂ = ${fmt(beta)}·${fp(v1)} + ${fp(g2)} = ${fmt(settle(beta * v1, g2))}`,
          `θ₂ = ${fmt(theta - lr * v1)} − ${fmt(lr)}·${fp(settle(beta * v1, c * g2))} = ${fmt(answer)}`,
        ],
        mistakes: [
          form === "ema"
            ? {
                id: "momentum-pytorch-form",
                label: t("gen.momentum-ema.mistake.momentum-pytorch-form"),
                value: run("pytorch"),
              }
            : {
                id: "momentum-ema-form",
                label: t("gen.momentum-pytorch.mistake.momentum-ema-form"),
                value: run("ema"),
              },
          form === "ema"
            ? {
                id: "momentum-none",
                label: t("gen.momentum-ema.mistake.momentum-none"),
                value: theta - lr * (g1 + g2) * c,
              }
            : {
                id: "momentum-none",
                label: t("gen.momentum-pytorch.mistake.momentum-none"),
                value: theta - lr * (g1 + g2),
              },
        ],
        params: { theta, g1, g2, lr, beta, form },
      };
    },
  );
}
export const momentumPytorch = momentumTemplate("pytorch");
export const momentumEma = momentumTemplate("ema");

export const rmspropStep = defineGenerator(
  "rmsprop-step",
  "rmsprop",
  () => t("gen.rmsprop-step.title"),
  (rng) => {
    const g = pickSigned(rng, 0.02, 0.3, 2),
      s = pick(rng, 0.001, 0.02, 3),
      lr = choose(rng, [0.01, 0.05, 0.1]),
      beta = choose(rng, [0.9, 0.99]),
      eps = 0.01;
    const run = (epsInside: boolean, state = s) => {
      const opt = new RMSProp({ lr, alpha: beta, eps, epsInside });
      opt.s[0] = Float64Array.of(state);
      return stepOnce(opt, 0, g);
    };
    const answer = run(false);
    const sNew = beta * s + (1 - beta) * g * g;
    return {
      prompt: t("gen.rmsprop-step.prompt", { lr: fmt(lr), beta: fmt(beta), eps: fmt(eps), s: fmt(s), g: fmt(g) }),
      answer,
      tolerance: STEP,
      solution: [
        `s = ${fmt(beta)}·${fmt(s)} + ${fmt(1 - beta)}·${fp(g)}² = ${fmt(sNew, 5)}`,
        `√s = ${fmt(Math.sqrt(sNew), 5)};  √s + ε = ${fmt(Math.sqrt(sNew) + eps, 5)}`,
        `Δθ = −${fmt(lr)}·${fp(g)} / ${fmt(Math.sqrt(sNew) + eps, 5)} = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "rmsprop-eps-inside",
          label: t("gen.rmsprop-step.mistake.rmsprop-eps-inside"),
          value: run(true),
        },
        {
          id: "rmsprop-old-s",
          label: t("gen.rmsprop-step.mistake.rmsprop-old-s"),
          value: (-lr * g) / (Math.sqrt(s) + eps),
        },
        {
          id: "rmsprop-no-one-minus-beta",
          label: t("gen.rmsprop-step.mistake.rmsprop-no-one-minus-beta"),
          value: (-lr * g) / (Math.sqrt(beta * s + g * g) + eps),
        },
      ],
      params: { g, s, lr, beta, eps },
    };
  },
);

/**
 * The state Adam is in before step t, as a real run leaves it: earlier gradients of the same scale as the
 * current one (half to twice its size, either sign) run through the engine's Adam, and its moments m and
 * v shown to 4 figures (what the learner sees is what is used).
 */
function adamState(rng: Rng) {
  const t = pickInt(rng, 1, 5),
    g = pickSigned(rng, 0.1, 2, 2),
    lr = choose(rng, [0.001, 0.01, 0.1]);
  const past = Array.from({ length: t - 1 }, () => pickSigned(rng, 0.5 * Math.abs(g), 2 * Math.abs(g), 2) || g);
  const run = new Adam({ lr }),
    p = Float64Array.of(0);
  for (const gp of past) run.step([p], [Float64Array.of(gp)]);
  const m = t === 1 ? 0 : shown(run.m[0][0]),
    v = t === 1 ? 0 : shown(run.v[0][0]);
  return { t, g, lr, m, v, past, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
}

/** The change of θ in one Adam/AdamW step of the engine from a given state. */
function adamDelta(
  s: ReturnType<typeof adamState>,
  theta: number,
  o: { weightDecay?: number; decoupled?: boolean; biasCorrection?: boolean },
) {
  const opt = o.decoupled
    ? new AdamW({ lr: s.lr, weightDecay: o.weightDecay ?? 0, biasCorrection: o.biasCorrection })
    : new Adam({ lr: s.lr, weightDecay: o.weightDecay ?? 0, biasCorrection: o.biasCorrection });
  opt.m[0] = Float64Array.of(s.m);
  opt.v[0] = Float64Array.of(s.v);
  opt.t = s.t - 1;
  return stepOnce(opt, theta, s.g) - theta;
}

function adamSolution(s: ReturnType<typeof adamState>, g: number) {
  const m = 0.9 * s.m + 0.1 * g,
    v = 0.999 * s.v + 0.001 * g * g,
    mh = m / (1 - 0.9 ** s.t),
    vh = v / (1 - 0.999 ** s.t);
  return {
    lines: [
      `m = 0.9·${fp(s.m)} + 0.1·${fp(g)} = ${fmt(m, 5)}`,
      `v = 0.999·${fmt(s.v)} + 0.001·${fp(g)}² = ${fmt(v, 5)}`,
      `m̂ = m / (1 − 0.9^${s.t}) = ${fmt(m, 5)} / ${fmt(1 - 0.9 ** s.t, 5)} = ${fmt(mh, 5)}`,
      `v̂ = v / (1 − 0.999^${s.t}) = ${fmt(v, 5)} / ${fmt(1 - 0.999 ** s.t, 5)} = ${fmt(vh, 5)}`,
    ],
    step: (-s.lr * mh) / (Math.sqrt(vh) + 1e-8),
  };
}

export const adamStep = defineGenerator(
  "adam-step",
  "adam",
  () => t("gen.adam-step.title"),
  (rng) => {
    const s = adamState(rng),
      theta = pickSigned(rng, 0.5, 2);
    const answer = adamDelta(s, theta, {});
    const sol = adamSolution(s, s.g);
    return {
      prompt: t("gen.adam-step.prompt", { lr: fmt(s.lr), t: s.t, m: fmt(s.m), v: fmt(s.v), g: fmt(s.g) }),
      answer,
      tolerance: STEP,
      solution: [...sol.lines, `Δθ = −η·m̂ / (√v̂ + ε) = ${fmt(answer)}`],
      mistakes: [
        {
          id: "adam-no-bias-correction",
          label: t("gen.adam-step.mistake.adam-no-bias-correction"),
          value: adamDelta(s, theta, { biasCorrection: false }),
        },
        {
          id: "adam-no-sqrt",
          label: t("gen.adam-step.mistake.adam-no-sqrt"),
          value: (-s.lr * (0.9 * s.m + 0.1 * s.g)) / (1 - 0.9 ** s.t) / ((0.999 * s.v + 0.001 * s.g ** 2) / (1 - 0.999 ** s.t) + 1e-8),
        },
        {
          id: "adam-sign",
          label: t("gen.adam-step.mistake.adam-sign"),
          value: -answer,
        },
      ],
      params: { ...s, theta },
    };
  },
);

export const adamwStep = defineGenerator(
  "adamw-step",
  "adamw",
  () => t("gen.adamw-step.title"),
  (rng) => {
    const s = adamState(rng),
      theta = pickSigned(rng, 0.5, 3),
      lambda = choose(rng, [0.05, 0.1, 0.2, 0.5]);
    const answer = adamDelta(s, theta, { weightDecay: lambda, decoupled: true });
    const sol = adamSolution(s, s.g);
    return {
      prompt: t("gen.adamw-step.prompt", {
        lr: fmt(s.lr),
        lambda: fmt(lambda),
        t: s.t,
        theta: fmt(theta),
        m: fmt(s.m),
        v: fmt(s.v),
        g: fmt(s.g),
      }),
      answer,
      tolerance: STEP,
      solution: [
        t("gen.adamw-step.solution.decay", { lr: fmt(s.lr), lambda: fmt(lambda), theta: fp(theta), decay: fmt(-s.lr * lambda * theta, 5) }),
        ...sol.lines,
        t("gen.adamw-step.solution.adam-part", { step: fmt(sol.step, 5) }),
        `Δθ = ${fmt(-s.lr * lambda * theta, 5)} + (${fmt(sol.step, 5)}) = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "adamw-l2-in-gradient",
          label: t("gen.adamw-step.mistake.adamw-l2-in-gradient"),
          value: adamDelta(s, theta, { weightDecay: lambda, decoupled: false }),
        },
        {
          id: "adamw-decay-without-lr",
          label: t("gen.adamw-step.mistake.adamw-decay-without-lr"),
          value: -lambda * theta + sol.step,
        },
        {
          id: "adamw-no-bias-correction",
          label: t("gen.adamw-step.mistake.adamw-no-bias-correction"),
          value: adamDelta(s, theta, { weightDecay: lambda, decoupled: true, biasCorrection: false }),
        },
      ],
      params: { ...s, theta, lambda },
    };
  },
);

/** The chapter 4 templates. */
export const optimizationGenerators = [gdStep, maxStableLr, stepsPerEpoch, momentumPytorch, momentumEma, rmspropStep, adamStep, adamwStep];
