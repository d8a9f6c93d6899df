// Templates for chapter 5: dropout scaling, batch normalisation, L2 and L1 steps.
import { Dropout, BatchNorm, Tensor, SGD, l2Grad, softThreshold, createRng } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pick, pickSigned, choose, settle, shown } from "./types";

export const dropoutInverted = defineGenerator(
  "dropout-inverted",
  "dropout",
  () => t("gen.dropout-inverted.title"),
  (rng) => {
    const p = choose(rng, [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6]),
      a = pick(rng, 0.5, 3);
    // The engine's Dropout (inverted): run it on a row of copies of a and read a kept entry.
    const drop = new Dropout(p, { rng: createRng(7) });
    const out = drop.forward(Tensor.from([Array.from({ length: 64 }, () => a)]));
    const answer = out.data.find((v) => v !== 0) ?? NaN;
    return {
      prompt: t("gen.dropout-inverted.prompt", { p: fmt(p), a: fmt(a) }),
      answer,
      solution: [
        t("gen.dropout-inverted.solution.1", { keep: fmt(1 - p) }),
        t("gen.dropout-inverted.solution.2", { a: fmt(a), keep: fmt(1 - p), out: fmt(answer) }),
        t("gen.dropout-inverted.solution.3"),
      ],
      mistakes: [
        {
          id: "dropout-scale-by-p",
          label: t("gen.dropout-inverted.mistake.dropout-scale-by-p"),
          value: a / p,
        },
        {
          id: "dropout-multiply-keep",
          label: t("gen.dropout-inverted.mistake.dropout-multiply-keep"),
          value: a * (1 - p),
        },
        { id: "dropout-unscaled", label: t("gen.dropout-inverted.mistake.dropout-unscaled"), value: a },
      ],
      params: { p, a },
    };
  },
);

export const dropoutTestScale = defineGenerator(
  "dropout-test-scale",
  "dropout",
  () => t("gen.dropout-test-scale.title"),
  (rng) => {
    const p = choose(rng, [0.1, 0.2, 0.25, 0.3, 0.4, 0.6, 0.7]),
      a = pick(rng, 0.5, 3);
    // The training output r·a with r ~ Bernoulli(1 − p) has expectation (1 − p)·a; the engine's inverted Dropout
    // gives E = a, so the original convention is (1 − p) times the engine's eval output.
    const drop = new Dropout(p).eval();
    const answer = (1 - p) * drop.forward(Tensor.from([[a]])).data[0];
    return {
      prompt: t("gen.dropout-test-scale.prompt", { p: fmt(p), a: fmt(a) }),
      answer,
      solution: [
        t("gen.dropout-test-scale.solution.1"),
        t("gen.dropout-test-scale.solution.2", { keep: fmt(1 - p), a: fmt(a), out: fmt(answer) }),
      ],
      mistakes: [
        {
          id: "dropout-test-times-p",
          label: t("gen.dropout-test-scale.mistake.dropout-test-times-p"),
          value: p * a,
        },
        {
          id: "dropout-test-unscaled",
          label: t("gen.dropout-test-scale.mistake.dropout-test-unscaled"),
          value: a,
        },
        {
          id: "dropout-test-inverted",
          label: t("gen.dropout-test-scale.mistake.dropout-test-inverted"),
          value: a / (1 - p),
        },
      ],
      params: { p, a },
    };
  },
);

/** "first" … "fourth", for the example batch norm asks about. */
const ORDINALS = ["gen.batch-norm.ordinal.1", "gen.batch-norm.ordinal.2", "gen.batch-norm.ordinal.3", "gen.batch-norm.ordinal.4"] as const;

export const batchNorm = defineGenerator(
  "batch-norm",
  "batch-norm",
  () => t("gen.batch-norm.title"),
  (rng) => {
    const x = Array.from({ length: 4 }, () => pickSigned(rng, 0, 5, 0) || 1);
    if (new Set(x).size === 1) x[0] += 2;
    const gamma = pick(rng, 0.5, 2),
      beta = pickSigned(rng, 0, 1),
      k = rng.int(4),
      eps = 1e-5;
    const bn = new BatchNorm(1, { eps });
    bn.gamma.data[0] = gamma;
    bn.beta.data[0] = beta;
    const answer = bn.forward(Tensor.from([x])).data[k];
    const mu = x.reduce((a, b) => a + b, 0) / 4,
      v = x.reduce((s, xi) => s + (xi - mu) ** 2, 0) / 4;
    const xh = (x[k] - mu) / Math.sqrt(v + eps);
    return {
      prompt: t("gen.batch-norm.prompt", {
        x: x.map((xi) => fmt(xi)).join(", "),
        gamma: fmt(gamma),
        beta: fmt(beta),
        ordinal: t(ORDINALS[k]),
        xk: fmt(x[k]),
      }),
      // NOTE: an absolute floor, so an answer near 0 worked without ε (or from the rounded x̂ shown below) passes.
      answer,
      tolerance: { abs: 1e-3, rel: 5e-3 },
      route: gamma * shown((x[k] - shown(mu)) / Math.sqrt(shown(v)), 4) + beta,
      solution: [
        `μ = (${x.map((xi, i) => (i === 0 ? fmt(xi) : fp(xi))).join(" + ")}) / 4 = ${fmt(mu)}`,
        `σ² = (1/4)·Σ(xᵢ − μ)² = ${fmt(v)}`,
        `x̂ = (${fmt(x[k])} − ${fp(mu)}) / √(${fmt(v)} + ε) = ${fmt(xh)}`,
        `y = γ·x̂ + β = ${fmt(gamma)}·${fp(xh)} + ${fp(beta)} = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "bn-unbiased-variance",
          label: t("gen.batch-norm.mistake.bn-unbiased-variance"),
          value: (gamma * (x[k] - mu)) / Math.sqrt((v * 4) / 3 + eps) + beta,
        },
        { id: "bn-no-affine", label: t("gen.batch-norm.mistake.bn-no-affine"), value: xh },
        {
          id: "bn-variance-not-std",
          label: t("gen.batch-norm.mistake.bn-variance-not-std"),
          value: (gamma * (x[k] - mu)) / (v + eps) + beta,
        },
      ],
      params: { x, gamma, beta, k },
    };
  },
);

export const l2Step = defineGenerator(
  "l2-step",
  "l1-l2",
  () => t("gen.l2-step.title"),
  (rng) => {
    const w = pickSigned(rng, 0.5, 3),
      g = pickSigned(rng, 0.1, 2),
      lambda = choose(rng, [0.01, 0.05, 0.1, 0.2]),
      lr = choose(rng, [0.1, 0.2, 0.5]);
    const w0 = Float64Array.of(w),
      grad = Float64Array.of(g + l2Grad([w], lambda)[0]);
    new SGD({ lr }).step([w0], [grad]);
    const answer = w0[0];
    return {
      prompt: t("gen.l2-step.prompt", { lambda: fmt(lambda), w: fmt(w), g: fmt(g), lr: fmt(lr) }),
      answer,
      tolerance: { abs: 1e-4, rel: 1e-4 },
      solution: [
        t("gen.l2-step.solution.1", { lambda: fmt(lambda), w: fp(w), penalty: fmt(2 * lambda * w) }),
        t("gen.l2-step.solution.2", { g: fmt(g), penalty: fp(2 * lambda * w), total: fmt(settle(g, 2 * lambda * w)) }),
        t("gen.l2-step.solution.3", { w: fmt(w), lr: fmt(lr), total: fp(settle(g, 2 * lambda * w)), out: fmt(answer) }),
      ],
      mistakes: [
        {
          id: "l2-no-factor-two",
          label: t("gen.l2-step.mistake.l2-no-factor-two"),
          value: w - lr * (g + lambda * w),
        },
        {
          id: "l2-decay-without-lr",
          label: t("gen.l2-step.mistake.l2-decay-without-lr"),
          value: w - lr * g - 2 * lambda * w,
        },
        { id: "l2-no-penalty", label: t("gen.l2-step.mistake.l2-no-penalty"), value: w - lr * g },
      ],
      params: { w, g, lambda, lr },
    };
  },
);

export const softThresholdStep = defineGenerator(
  "soft-threshold",
  "l1-l2",
  () => t("gen.soft-threshold.title"),
  (rng) => {
    const lr = choose(rng, [0.1, 0.2, 0.5, 1]),
      lambda = choose(rng, [0.1, 0.2, 0.3, 0.5]),
      tau = lr * lambda;
    const w = rng.next() < 0.35 ? pickSigned(rng, 0.01, Math.max(0.02, tau * 0.9), 2) : pickSigned(rng, tau + 0.05, tau + 2, 2);
    const answer = softThreshold(w, tau);
    return {
      prompt: t("gen.soft-threshold.prompt", { lambda: fmt(lambda), lr: fmt(lr), w: fmt(w) }),
      answer,
      tolerance: { abs: 1e-6, rel: 1e-4 },
      solution: [
        t("gen.soft-threshold.solution.1", { tau: fmt(tau) }),
        Math.abs(w) <= tau
          ? t("gen.soft-threshold.solution.2.zero", { absW: fmt(Math.abs(w)) })
          : t("gen.soft-threshold.solution.2.shrink", { out: fmt(answer) }),
      ],
      mistakes: [
        // With η = 1 the threshold is λ itself, and a weight that stays on its side of zero moves exactly as a
        // subgradient step would: those mistakes cannot show then.
        {
          id: "l1-threshold-lambda",
          label: t("gen.soft-threshold.mistake.l1-threshold-lambda"),
          value: lr !== 1 ? softThreshold(w, lambda) : NaN,
        },
        {
          id: "l1-subgradient-overshoot",
          label: t("gen.soft-threshold.mistake.l1-subgradient-overshoot"),
          value: Math.abs(w) <= tau ? w - tau * Math.sign(w) : NaN,
        },
        { id: "l1-l2-shrink", label: t("gen.soft-threshold.mistake.l1-l2-shrink"), value: w * (1 - tau) },
      ],
      params: { w, lr, lambda },
    };
  },
);

/** The regularization templates. */
export const regularizationGenerators = [dropoutInverted, dropoutTestScale, batchNorm, l2Step, softThresholdStep];
