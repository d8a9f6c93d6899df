// Templates for chapter 5: dropout scaling, batch normalisation, L2 and L1 steps.
import { Dropout, BatchNorm, Tensor, SGD, l2Grad, softThreshold, createRng } from "../../../lib";
import { defineGenerator, fmt, fp, pick, pickSigned, choose, settle, shown } from "./types";

export const dropoutInverted = defineGenerator("dropout-inverted", "dropout", "Inverted dropout: a kept unit's training output", (rng) => {
  const p = choose(rng, [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6]),
    a = pick(rng, 0.5, 3);
  // The engine's Dropout (inverted): run it on a row of copies of a and read a kept entry.
  const drop = new Dropout(p, { rng: createRng(7) });
  const out = drop.forward(Tensor.from([Array.from({ length: 64 }, () => a)]));
  const answer = out.data.find((v) => v !== 0) ?? NaN;
  return {
    prompt: `Inverted dropout with drop probability p = ${fmt(p)} (each unit is zeroed with probability p during training). A unit's activation is a = ${fmt(a)} and it is kept. What value does it pass on during training?`,
    answer,
    solution: [
      `keep probability 1 − p = ${fmt(1 - p)}`,
      `kept units are divided by 1 − p so the expected value stays a: ${fmt(a)} / ${fmt(1 - p)} = ${fmt(answer)}`,
      `(at test time inverted dropout does nothing)`,
    ],
    mistakes: [
      {
        id: "dropout-scale-by-p",
        label: "You divided by p, the drop probability; inverted dropout divides by the keep probability 1 − p.",
        value: a / p,
      },
      {
        id: "dropout-multiply-keep",
        label: "You multiplied by 1 − p; that is the test-time scaling of the original (non-inverted) dropout.",
        value: a * (1 - p),
      },
      { id: "dropout-unscaled", label: "You passed a unchanged; inverted dropout rescales kept units by 1/(1 − p).", value: a },
    ],
    params: { p, a },
  };
});

export const dropoutTestScale = defineGenerator("dropout-test-scale", "dropout", "Original dropout: the test-time activation", (rng) => {
  const p = choose(rng, [0.1, 0.2, 0.25, 0.3, 0.4, 0.6, 0.7]),
    a = pick(rng, 0.5, 3);
  // The training output r·a with r ~ Bernoulli(1 − p) has expectation (1 − p)·a; the engine's inverted Dropout
  // gives E = a, so the original convention is (1 − p) times the engine's eval output.
  const drop = new Dropout(p).eval();
  const answer = (1 - p) * drop.forward(Tensor.from([[a]])).data[0];
  return {
    prompt: `The original (non-inverted) dropout zeroes each unit with probability p = ${fmt(p)} during training and leaves kept units unscaled. At test time every unit is kept. A unit's activation is a = ${fmt(a)}: what should it pass on at test time so its expected value matches training?`,
    answer,
    solution: [
      `in training the unit outputs a with probability 1 − p and 0 otherwise: E = (1 − p)·a`,
      `so at test time scale by 1 − p = ${fmt(1 - p)}: ${fmt(1 - p)}·${fmt(a)} = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "dropout-test-times-p",
        label: "You scaled by p, the drop probability; the expectation uses the keep probability 1 − p.",
        value: p * a,
      },
      {
        id: "dropout-test-unscaled",
        label: "Unscaled test outputs are larger than the training ones on average; scale by 1 − p.",
        value: a,
      },
      {
        id: "dropout-test-inverted",
        label: "Dividing by 1 − p is inverted dropout's training step, not the original's test-time rule.",
        value: a / (1 - p),
      },
    ],
    params: { p, a },
  };
});

export const batchNorm = defineGenerator("batch-norm", "batch-norm", "Batch-normalise a batch of four", (rng) => {
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
    prompt: `Batch normalisation of one feature over the batch x = [${x.map((xi) => fmt(xi)).join(", ")}] with γ = ${fmt(gamma)}, β = ${fmt(beta)}, ε = 10⁻⁵ (training mode, biased variance). What is the output for the ${["first", "second", "third", "fourth"][k]} example, x = ${fmt(x[k])}?`,
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
        label: "You divided by m − 1; batch norm normalises with the biased variance (divide by m).",
        value: (gamma * (x[k] - mu)) / Math.sqrt((v * 4) / 3 + eps) + beta,
      },
      { id: "bn-no-affine", label: "You stopped at x̂; the layer then scales by γ and shifts by β.", value: xh },
      {
        id: "bn-variance-not-std",
        label: "You divided by the variance; normalise by the standard deviation √(σ² + ε).",
        value: (gamma * (x[k] - mu)) / (v + eps) + beta,
      },
    ],
    params: { x, gamma, beta, k },
  };
});

export const l2Step = defineGenerator("l2-step", "l1-l2", "One SGD step with an L2 penalty", (rng) => {
  const w = pickSigned(rng, 0.5, 3),
    g = pickSigned(rng, 0.1, 2),
    lambda = choose(rng, [0.01, 0.05, 0.1, 0.2]),
    lr = choose(rng, [0.1, 0.2, 0.5]);
  const w0 = Float64Array.of(w),
    grad = Float64Array.of(g + l2Grad([w], lambda)[0]);
  new SGD({ lr }).step([w0], [grad]);
  const answer = w0[0];
  return {
    prompt: `The loss is J(w) + λ·w² with λ = ${fmt(lambda)}. At w = ${fmt(w)} the data gradient is ∂J/∂w = ${fmt(g)}. What is w after one SGD step with η = ${fmt(lr)}?`,
    answer,
    tolerance: { abs: 1e-4, rel: 1e-4 },
    solution: [
      `the penalty adds 2λw = 2·${fmt(lambda)}·${fp(w)} = ${fmt(2 * lambda * w)} to the gradient`,
      `total gradient = ${fmt(g)} + ${fp(2 * lambda * w)} = ${fmt(settle(g, 2 * lambda * w))}`,
      `w ← ${fmt(w)} − ${fmt(lr)}·${fp(settle(g, 2 * lambda * w))} = ${fmt(answer)}  (the same as (1 − 2ηλ)·w − η·∂J/∂w)`,
    ],
    mistakes: [
      {
        id: "l2-no-factor-two",
        label: "The derivative of λw² is 2λw; you used λw (that is the ½λw² convention).",
        value: w - lr * (g + lambda * w),
      },
      {
        id: "l2-decay-without-lr",
        label: "The penalty's gradient is multiplied by η like the rest: w − η(∂J/∂w + 2λw).",
        value: w - lr * g - 2 * lambda * w,
      },
      { id: "l2-no-penalty", label: "You left the penalty's gradient out.", value: w - lr * g },
    ],
    params: { w, g, lambda, lr },
  };
});

export const softThresholdStep = defineGenerator("soft-threshold", "l1-l2", "The L1 proximal step (soft threshold)", (rng) => {
  const lr = choose(rng, [0.1, 0.2, 0.5, 1]),
    lambda = choose(rng, [0.1, 0.2, 0.3, 0.5]),
    tau = lr * lambda;
  const w = rng.next() < 0.35 ? pickSigned(rng, 0.01, Math.max(0.02, tau * 0.9), 2) : pickSigned(rng, tau + 0.05, tau + 2, 2);
  const answer = softThreshold(w, tau);
  return {
    prompt: `A proximal (ISTA) step for the penalty λ·|w| with λ = ${fmt(lambda)} and step size η = ${fmt(lr)} soft-thresholds the weight. What does w = ${fmt(w)} become?`,
    answer,
    tolerance: { abs: 1e-6, rel: 1e-4 },
    solution: [
      `threshold τ = η·λ = ${fmt(tau)}`,
      Math.abs(w) <= tau
        ? `|w| = ${fmt(Math.abs(w))} ≤ τ, so w becomes exactly 0`
        : `|w| > τ, so w moves τ toward 0: sign(w)·(|w| − τ) = ${fmt(answer)}`,
    ],
    mistakes: [
      // With η = 1 the threshold is λ itself, and a weight that stays on its side of zero moves exactly as a
      // subgradient step would: those mistakes cannot show then.
      { id: "l1-threshold-lambda", label: "The threshold is η·λ, not λ alone.", value: lr !== 1 ? softThreshold(w, lambda) : NaN },
      {
        id: "l1-subgradient-overshoot",
        label: "A subgradient step w − ηλ·sign(w) overshoots past zero; the proximal step stops at exactly 0.",
        value: Math.abs(w) <= tau ? w - tau * Math.sign(w) : NaN,
      },
      { id: "l1-l2-shrink", label: "Multiplying by (1 − ηλ) is L2's shrinkage; L1 subtracts a constant amount τ.", value: w * (1 - tau) },
    ],
    params: { w, lr, lambda },
  };
});

/** The regularization templates. */
export const regularizationGenerators = [dropoutInverted, dropoutTestScale, batchNorm, l2Step, softThresholdStep];
