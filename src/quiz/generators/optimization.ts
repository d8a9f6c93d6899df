// Templates for chapter 4: one step of each optimizer, the stable learning rate, steps per epoch.
import { SGD, Momentum, RMSProp, Adam, AdamW, miniBatches, createRng, type Rng } from "../../../lib";
import { defineGenerator, fmt, fp, pick, pickInt, pickSigned, choose, settle, shown, EXACT } from "./types";

const PARAM = { abs: 1e-3, rel: 1e-3 };
const STEP = { abs: 1e-6, rel: 5e-3 };

/** θ after one step of `opt` from θ with gradient g (the engine's optimizer, one parameter). */
function stepOnce(opt: { step(p: Float64Array[], g: Float64Array[]): void }, theta: number, g: number): number {
  const p = Float64Array.of(theta);
  opt.step([p], [Float64Array.of(g)]);
  return p[0];
}

export const gdStep = defineGenerator("gd-step", "gradient-descent", "One gradient-descent step", (rng) => {
  const theta = pickSigned(rng, 0.5, 3),
    g = pickSigned(rng, 0.5, 4),
    lr = choose(rng, [0.05, 0.1, 0.2, 0.25, 0.5]);
  const answer = stepOnce(new SGD({ lr }), theta, g);
  return {
    prompt: `A parameter θ = ${fmt(theta)} has gradient ∂J/∂θ = ${fmt(g)}. What is θ after one gradient-descent step with learning rate η = ${fmt(lr)}?`,
    answer,
    tolerance: PARAM,
    solution: [`θ ← θ − η·∂J/∂θ`, `= ${fmt(theta)} − ${fmt(lr)}·${fp(g)}`, `= ${fmt(theta)} − ${fp(lr * g)} = ${fmt(answer)}`],
    mistakes: [
      { id: "gd-plus", label: "You added the gradient step; descent moves against the gradient (θ − η·g).", value: theta + lr * g },
      { id: "gd-no-lr", label: "You subtracted the raw gradient; it must be multiplied by the learning rate η first.", value: theta - g },
    ],
    params: { theta, g, lr },
  };
});

export const maxStableLr = defineGenerator("max-stable-lr", "gradient-descent", "Largest stable learning rate on a quadratic", (rng) => {
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
    prompt: `Gradient descent minimises f(x) = ½·${fmt(lambda)}·x². Above which learning rate η does it diverge?`,
    answer,
    tolerance: { abs: 1e-6, rel: 5e-3 },
    solution: [
      `f′(x) = ${fmt(lambda)}x, so one step gives x ← x − η·${fmt(lambda)}x = (1 − ${fmt(lambda)}η)·x.`,
      `The iterates shrink while |1 − ${fmt(lambda)}η| < 1, that is 0 < η < 2/${fmt(lambda)}.`,
      `η_max = 2/λ = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "lr-optimal-not-max",
        label: "1/λ is the step that lands on the minimum in one move; steps up to 2/λ still converge (oscillating).",
        value: 1 / lambda,
      },
      { id: "lr-times-lambda", label: "You multiplied by λ; the bound is 2 divided by the curvature λ.", value: 2 * lambda },
    ],
    params: { lambda },
  };
});

export const stepsPerEpoch = defineGenerator("steps-per-epoch", "sgd", "Mini-batch steps per epoch", (rng) => {
  const m = choose(rng, [1000, 1500, 2500, 5000, 10000, 50000, 60000]) + pickInt(rng, 0, 3) * choose(rng, [7, 13, 100]);
  const batch = choose(rng, [16, 32, 64, 100, 128, 256]);
  const answer = miniBatches(m, batch, createRng(1)).length;
  return {
    prompt: `A training set has m = ${fmt(m)} examples and the mini-batch size is ${batch}. How many optimizer steps make one epoch (the last batch is kept even if smaller)?`,
    answer,
    tolerance: EXACT,
    solution: [`steps = ⌈m / B⌉ = ⌈${fmt(m)} / ${batch}⌉ = ⌈${fmt(m / batch)}⌉ = ${answer}`],
    mistakes: [
      {
        id: "epoch-floor",
        label: "You rounded down, which drops the last, smaller batch; with drop_last = False it is one more step.",
        value: Math.floor(m / batch),
      },
      { id: "epoch-times", label: "You multiplied m by B; the number of steps is m divided by B.", value: m * batch },
    ],
    params: { m, batch },
  };
});

function momentumTemplate(form: "pytorch" | "ema") {
  const id = form === "pytorch" ? "momentum-pytorch" : "momentum-ema";
  return defineGenerator(
    id,
    "momentum",
    form === "pytorch" ? "Two momentum steps (PyTorch form)" : "Two momentum steps (moving-average form)",
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
      const rule = form === "ema" ? `v ← β·v + (1 − β)·g,  θ ← θ − η·v` : `v ← β·v + g,  θ ← θ − η·v`;
      return {
        prompt: `Momentum in the form ${rule}, with η = ${fmt(lr)}, β = ${fmt(beta)}, starting from θ = ${fmt(theta)} and v = 0. The gradients of the first two steps are g₁ = ${fmt(g1)} and g₂ = ${fmt(g2)}. What is θ after the two steps?`,
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
                label: "You used PyTorch's form v ← βv + g; this question's moving average scales g by (1 − β).",
                value: run("pytorch"),
              }
            : {
                id: "momentum-ema-form",
                label: "You scaled g by (1 − β) as in the moving-average form; PyTorch's form adds g unscaled.",
                value: run("ema"),
              },
          form === "ema"
            ? {
                id: "momentum-none",
                label:
                  "You dropped the velocity: each step moved by η·(1 − β)·g of its own gradient only; the average carries g₁ into the second step.",
                value: theta - lr * (g1 + g2) * c,
              }
            : {
                id: "momentum-none",
                label: "You took two plain gradient steps (η·g each); the velocity carries the first gradient into the second step.",
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

export const rmspropStep = defineGenerator("rmsprop-step", "rmsprop", "One RMSProp step", (rng) => {
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
    prompt: `RMSProp: s ← β·s + (1 − β)·g²,  θ ← θ − η·g / (√s + ε), with η = ${fmt(lr)}, β = ${fmt(beta)} and ε = ${fmt(eps)} (large on purpose, so its place matters). The running average is s = ${fmt(s)} and the new gradient is g = ${fmt(g)}. By how much does θ change (θ_new − θ_old)?`,
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
        label: "You put ε inside the square root, √(s + ε); this question (and PyTorch) adds ε after the root.",
        value: run(true),
      },
      {
        id: "rmsprop-old-s",
        label: "You divided by the old running average; update s with the new g² first.",
        value: (-lr * g) / (Math.sqrt(s) + eps),
      },
      {
        id: "rmsprop-no-one-minus-beta",
        label: "You added g² without the factor (1 − β).",
        value: (-lr * g) / (Math.sqrt(beta * s + g * g) + eps),
      },
    ],
    params: { g, s, lr, beta, eps },
  };
});

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

export const adamStep = defineGenerator("adam-step", "adam", "One Adam step from a given state", (rng) => {
  const s = adamState(rng),
    theta = pickSigned(rng, 0.5, 2);
  const answer = adamDelta(s, theta, {});
  const sol = adamSolution(s, s.g);
  return {
    prompt: `Adam with η = ${fmt(s.lr)}, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ is about to take step t = ${s.t}. Its moments from the previous step are m = ${fmt(s.m)} and v = ${fmt(s.v)}; the new gradient is g = ${fmt(s.g)}. By how much does θ change in this step (θ_t − θ_{t−1})?`,
    answer,
    tolerance: STEP,
    solution: [...sol.lines, `Δθ = −η·m̂ / (√v̂ + ε) = ${fmt(answer)}`],
    mistakes: [
      {
        id: "adam-no-bias-correction",
        label: "You forgot the bias correction: divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ before the step.",
        value: adamDelta(s, theta, { biasCorrection: false }),
      },
      {
        id: "adam-no-sqrt",
        label: "You divided by v̂ instead of its square root √v̂.",
        value: (-s.lr * (0.9 * s.m + 0.1 * s.g)) / (1 - 0.9 ** s.t) / ((0.999 * s.v + 0.001 * s.g ** 2) / (1 - 0.999 ** s.t) + 1e-8),
      },
      {
        id: "adam-sign",
        label: "You got the step's sign wrong: θ changes by −η·m̂/(√v̂ + ε), against the moving average m̂.",
        value: -answer,
      },
    ],
    params: { ...s, theta },
  };
});

export const adamwStep = defineGenerator("adamw-step", "adamw", "One AdamW step (decoupled weight decay)", (rng) => {
  const s = adamState(rng),
    theta = pickSigned(rng, 0.5, 3),
    lambda = choose(rng, [0.05, 0.1, 0.2, 0.5]);
  const answer = adamDelta(s, theta, { weightDecay: lambda, decoupled: true });
  const sol = adamSolution(s, s.g);
  return {
    prompt: `AdamW with η = ${fmt(s.lr)}, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ and weight decay λ = ${fmt(lambda)} (PyTorch's form: θ ← θ·(1 − ηλ), then the Adam step) is about to take step t = ${s.t}. The weight is θ = ${fmt(theta)}, the moments are m = ${fmt(s.m)}, v = ${fmt(s.v)}, and the gradient of the loss (without any penalty) is g = ${fmt(s.g)}. By how much does θ change in this step?`,
    answer,
    tolerance: STEP,
    solution: [
      `decay: −η·λ·θ = −${fmt(s.lr)}·${fmt(lambda)}·${fp(theta)} = ${fmt(-s.lr * lambda * theta, 5)}`,
      ...sol.lines,
      `Adam part: −η·m̂/(√v̂ + ε) = ${fmt(sol.step, 5)}`,
      `Δθ = ${fmt(-s.lr * lambda * theta, 5)} + (${fmt(sol.step, 5)}) = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "adamw-l2-in-gradient",
        label: "You added λθ to the gradient (L2 inside Adam); AdamW decays the weight directly, outside the adaptive step.",
        value: adamDelta(s, theta, { weightDecay: lambda, decoupled: false }),
      },
      {
        id: "adamw-decay-without-lr",
        label: "You subtracted λθ without multiplying by η; PyTorch's AdamW shrinks θ by the factor (1 − ηλ).",
        value: -lambda * theta + sol.step,
      },
      {
        id: "adamw-no-bias-correction",
        label: "You forgot the bias correction of m and v.",
        value: adamDelta(s, theta, { weightDecay: lambda, decoupled: true, biasCorrection: false }),
      },
    ],
    params: { ...s, theta, lambda },
  };
});

/** The chapter 4 templates. */
export const optimizationGenerators = [gdStep, maxStableLr, stepsPerEpoch, momentumPytorch, momentumEma, rmspropStep, adamStep, adamwStep];
