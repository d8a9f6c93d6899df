// Exercises on optimizer steps: momentum (PyTorch form), Adam with bias correction, AdamW's decoupled decay.
// The reader's step updates θ and its state in place; a case runs several steps on the same gradients the
// engine's optimizer gets, and compares θ after every step (`theta[t − 1]` in feedback is θ after step t).
import { Adam, AdamW, Momentum, type Optimizer, type Rng } from "../../lib";
import { type Case, type Exercise, size, vec } from "./exercise";

type Hyper = { lr: number; beta1?: number; beta2?: number; eps?: number; weightDecay?: number; beta?: number };

/** θ after each of the engine's steps over `grads`. */
function engineSteps(opt: Optimizer, theta: number[], grads: number[][]): number[][] {
  const p = Float64Array.from(theta);
  return grads.map((g) => {
    opt.step([p], [Float64Array.from(g)]);
    return Array.from(p);
  });
}

function stepCases(rng: Rng, make: (h: Hyper) => Optimizer, hypers: Hyper[]): Case[] {
  return hypers.map((h) => {
    const n = size(rng, 1, 4),
      steps = size(rng, 3, 5),
      theta = vec(rng, n),
      grads = Array.from({ length: steps }, () => vec(rng, n));
    const label = `${steps} steps on ${n} parameters, ${Object.entries(h)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`;
    return { label, args: [theta, grads, h], expected: { theta: engineSteps(make(h), theta, grads) } };
  });
}

/** Runs the reader's step over the case's gradients with zeroed state, recording θ after each step. */
function runSteps(fn: (...a: unknown[]) => unknown, args: unknown[], moments: number): unknown {
  const [theta0, grads, h] = args as [number[], number[][], Hyper];
  const theta = [...theta0],
    state = Array.from({ length: moments }, () => theta.map(() => 0));
  return { theta: grads.map((g, t) => (fn(theta, [...g], ...state, t + 1, h), [...theta])) };
}

const adamHints: [string, string, string] = [
  "Two running averages: m of the gradient, v of its square, both starting at 0.",
  "Because they start at 0, early averages are too small: divide m by 1 − β₁ᵗ and v by 1 − β₂ᵗ (t counts from 1).",
  "m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − lr·m̂/(√v̂ + ε) with m̂, v̂ bias-corrected.",
];

const adamBody = `    m[i] = h.beta1 * m[i] + (1 - h.beta1) * g[i];
    v[i] = h.beta2 * v[i] + (1 - h.beta2) * g[i] * g[i];
    const mHat = m[i] / (1 - h.beta1 ** t), vHat = v[i] / (1 - h.beta2 ** t);
    theta[i] -= (h.lr * mHat) / (Math.sqrt(vHat) + h.eps);`;

export const optimizerExercises: Exercise[] = [
  {
    id: "momentum-step",
    title: "One step of SGD with momentum",
    topics: ["momentum"],
    statement:
      "Update `theta` and the velocity `vel` in place for one step with gradient `g`, in PyTorch's form (the velocity accumulates raw gradients; the learning rate multiplies the velocity).",
    fn: "momentumStep",
    starter: `// theta, g, vel: number[] (same length); t: step number from 1; h: { lr, beta } → nothing (update in place)
function momentumStep(theta: number[], g: number[], vel: number[], t: number, h: { lr: number; beta: number }): void {
}`,
    hints: [
      "The velocity remembers past gradients, decayed by β each step.",
      "PyTorch: v ← βv + g (no 1 − β factor), then θ ← θ − lr·v.",
      "For each i: vel[i] = beta·vel[i] + g[i]; theta[i] -= lr·vel[i].",
    ],
    solution: `function momentumStep(theta: number[], g: number[], vel: number[], t: number, h: { lr: number; beta: number }): void {
  for (let i = 0; i < theta.length; i++) {
    vel[i] = h.beta * vel[i] + g[i];
    theta[i] -= h.lr * vel[i];
  }
}`,
    cases: (rng) =>
      stepCases(rng, (h) => new Momentum({ lr: h.lr, beta: h.beta }), [
        { lr: 0.1, beta: 0.9 },
        { lr: 0.01, beta: 0.5 },
        { lr: 0.3, beta: 0.99 },
      ]),
    call: (fn, args) => runSteps(fn, args, 1),
  },
  {
    id: "adam-step",
    title: "One Adam step with bias correction",
    topics: ["adam"],
    statement:
      "Update `theta` and the moment estimates `m`, `v` in place for step number `t` (from 1) with gradient `g`, as PyTorch's Adam does (ε added after the square root).",
    fn: "adamStep",
    starter: `// theta, g, m, v: number[]; t: step from 1; h: { lr, beta1, beta2, eps } → nothing (update in place)
function adamStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                  h: { lr: number; beta1: number; beta2: number; eps: number }): void {
}`,
    hints: adamHints,
    solution: `function adamStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                  h: { lr: number; beta1: number; beta2: number; eps: number }): void {
  for (let i = 0; i < theta.length; i++) {
${adamBody}
  }
}`,
    cases: (rng) =>
      stepCases(rng, (h) => new Adam({ lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps }), [
        { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
        { lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-8 },
        { lr: 0.05, beta1: 0.5, beta2: 0.9, eps: 1e-3 },
      ]),
    call: (fn, args) => runSteps(fn, args, 2),
  },
  {
    id: "adamw-step",
    title: "One AdamW step (decoupled weight decay)",
    topics: ["adamw"],
    statement:
      "As the Adam step, with weight decay λ applied AdamW's way: θ shrinks by the factor 1 − lr·λ before the Adam update, and the decay never enters m or v.",
    fn: "adamwStep",
    starter: `// theta, g, m, v: number[]; t: step from 1; h: { lr, beta1, beta2, eps, weightDecay } → nothing (update in place)
function adamwStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                   h: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }): void {
}`,
    hints: [
      "Decoupled means the decay is not added to the gradient.",
      "Adam with L2 adds λθ to g, so the decay gets divided by √v̂; AdamW shrinks θ directly.",
      "First θ[i] *= 1 − lr·λ, then the usual bias-corrected Adam update with the raw gradient.",
    ],
    solution: `function adamwStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                   h: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }): void {
  for (let i = 0; i < theta.length; i++) {
    theta[i] *= 1 - h.lr * h.weightDecay;
${adamBody}
  }
}`,
    cases: (rng) =>
      stepCases(rng, (h) => new AdamW({ lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay }), [
        { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 },
        { lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-8, weightDecay: 0.5 },
        { lr: 0.01, beta1: 0.9, beta2: 0.99, eps: 1e-6, weightDecay: 1 },
      ]),
    call: (fn, args) => runSteps(fn, args, 2),
  },
];
