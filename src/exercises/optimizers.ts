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

/** One case per set of hyperparameters, named by the message "exercise.<id>.case.steps" of exercise `id`. */
function stepCases(id: string, rng: Rng, make: (h: Hyper) => Optimizer, hypers: Hyper[]): Case[] {
  return hypers.map((h) => {
    const n = size(rng, 1, 4),
      steps = size(rng, 3, 5),
      theta = vec(rng, n),
      grads = Array.from({ length: steps }, () => vec(rng, n));
    const hyper = Object.entries(h)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    return {
      label: { key: `exercise.${id}.case.steps`, vars: { steps, n, hyper } },
      args: [theta, grads, h],
      expected: { theta: engineSteps(make(h), theta, grads) },
    };
  });
}

/** Runs the reader's step over the case's gradients with zeroed state, recording θ after each step. */
function runSteps(fn: (...a: unknown[]) => unknown, args: unknown[], moments: number): unknown {
  const [theta0, grads, h] = args as [number[], number[][], Hyper];
  const theta = [...theta0],
    state = Array.from({ length: moments }, () => theta.map(() => 0));
  return { theta: grads.map((g, t) => (fn(theta, [...g], ...state, t + 1, h), [...theta])) };
}

const adamBody = `    m[i] = h.beta1 * m[i] + (1 - h.beta1) * g[i];
    v[i] = h.beta2 * v[i] + (1 - h.beta2) * g[i] * g[i];
    const mHat = m[i] / (1 - h.beta1 ** t), vHat = v[i] / (1 - h.beta2 ** t);
    theta[i] -= (h.lr * mHat) / (Math.sqrt(vHat) + h.eps);`;

export const optimizerExercises: Exercise[] = [
  {
    id: "momentum-step",
    topics: ["momentum"],
    fn: "momentumStep",
    starter: `// theta, g, vel: number[] (same length); t: step number from 1; h: { lr, beta } → nothing (update in place)
function momentumStep(theta: number[], g: number[], vel: number[], t: number, h: { lr: number; beta: number }): void {
}`,
    solution: `function momentumStep(theta: number[], g: number[], vel: number[], t: number, h: { lr: number; beta: number }): void {
  for (let i = 0; i < theta.length; i++) {
    vel[i] = h.beta * vel[i] + g[i];
    theta[i] -= h.lr * vel[i];
  }
}`,
    cases: (rng) =>
      stepCases("momentum-step", rng, (h) => new Momentum({ lr: h.lr, beta: h.beta }), [
        { lr: 0.1, beta: 0.9 },
        { lr: 0.01, beta: 0.5 },
        { lr: 0.3, beta: 0.99 },
      ]),
    call: (fn, args) => runSteps(fn, args, 1),
  },
  {
    id: "adam-step",
    topics: ["adam"],
    fn: "adamStep",
    starter: `// theta, g, m, v: number[]; t: step from 1; h: { lr, beta1, beta2, eps } → nothing (update in place)
function adamStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                  h: { lr: number; beta1: number; beta2: number; eps: number }): void {
}`,
    solution: `function adamStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                  h: { lr: number; beta1: number; beta2: number; eps: number }): void {
  for (let i = 0; i < theta.length; i++) {
${adamBody}
  }
}`,
    cases: (rng) =>
      stepCases("adam-step", rng, (h) => new Adam({ lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps }), [
        { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
        { lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-8 },
        { lr: 0.05, beta1: 0.5, beta2: 0.9, eps: 1e-3 },
      ]),
    call: (fn, args) => runSteps(fn, args, 2),
  },
  {
    id: "adamw-step",
    topics: ["adamw"],
    fn: "adamwStep",
    starter: `// theta, g, m, v: number[]; t: step from 1; h: { lr, beta1, beta2, eps, weightDecay } → nothing (update in place)
function adamwStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                   h: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }): void {
}`,
    solution: `function adamwStep(theta: number[], g: number[], m: number[], v: number[], t: number,
                   h: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }): void {
  for (let i = 0; i < theta.length; i++) {
    theta[i] *= 1 - h.lr * h.weightDecay;
${adamBody}
  }
}`,
    cases: (rng) =>
      stepCases("adamw-step", rng, (h) => new AdamW({ lr: h.lr, beta1: h.beta1, beta2: h.beta2, eps: h.eps, weightDecay: h.weightDecay }), [
        { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 },
        { lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-8, weightDecay: 0.5 },
        { lr: 0.01, beta1: 0.9, beta2: 0.99, eps: 1e-6, weightDecay: 1 },
      ]),
    call: (fn, args) => runSteps(fn, args, 2),
  },
];
