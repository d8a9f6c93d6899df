// Templates for the losses of chapters 2–3: BCE, MSE, softmax, softmax cross-entropy.
import { Tensor, bce, mse, halfMse, l1, softmax, softmaxCe, sigmoid, type Rng } from "../../../lib";
import { defineGenerator, fmt, pick, pickInt, pickSigned, shown } from "./types";

export const bceValue = defineGenerator("bce", "losses", "Binary cross-entropy for one prediction", (rng) => {
  const p = pick(rng, 0.05, 0.95, 2),
    y = rng.int(2);
  const answer = bce(Tensor.from([[p]]), Tensor.from([[y]])).loss;
  const term = y === 1 ? `−ln p = −ln ${fmt(p)}` : `−ln(1 − p) = −ln ${fmt(1 - p)}`;
  return {
    prompt: `A binary classifier outputs p = ${fmt(p)} for an example whose label is y = ${y}. What is its binary cross-entropy loss L = −(y·ln p + (1 − y)·ln(1 − p))?`,
    answer,
    solution: [`With y = ${y} only one term remains: L = ${term}`, `L = ${fmt(answer)}`],
    mistakes: [
      { id: "bce-log10", label: "You used the base-10 logarithm; cross-entropy uses the natural logarithm ln.", value: answer / Math.LN10 },
      {
        id: "bce-wrong-term",
        label: "You used the term of the other label: for y = 1 the loss is −ln p, for y = 0 it is −ln(1 − p).",
        value: y === 1 ? -Math.log(1 - p) : -Math.log(p),
      },
      { id: "bce-sign", label: "You dropped the minus sign; the loss of a probability below 1 is positive.", value: -answer },
    ],
    params: { p, y },
  };
});

export const mseValue = defineGenerator("mse", "losses", "Mean squared error of a small batch", (rng) => {
  const n = pickInt(rng, 3, 4);
  const yhat = Array.from({ length: n }, () => pick(rng, -2, 4, 1)),
    y = Array.from({ length: n }, () => pick(rng, -2, 4, 1));
  const answer = mse(Tensor.from([yhat]), Tensor.from([y])).loss;
  const sq = yhat.map((v, i) => (v - y[i]) ** 2);
  return {
    prompt: `Predictions ŷ = [${yhat.map((v) => fmt(v)).join(", ")}] and targets y = [${y.map((v) => fmt(v)).join(", ")}]. What is the mean squared error J = (1/m)·Σ(ŷᵢ − yᵢ)²?`,
    answer,
    solution: [
      `squared errors: ${sq.map((v) => fmt(v)).join(", ")}`,
      `sum = ${fmt(sq.reduce((a, b) => a + b, 0))}, divided by m = ${n}: J = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "mse-half",
        label: "You used the ½ convention, (1/2m)·Σ; this question asks for the plain mean of the squares.",
        value: halfMse(Tensor.from([yhat]), Tensor.from([y])).loss,
      },
      { id: "mse-sum", label: "You summed the squared errors without dividing by m.", value: answer * n },
      {
        id: "mse-abs",
        label: "You averaged the absolute errors (that is the L1 loss); square them instead.",
        value: l1(Tensor.from([yhat]), Tensor.from([y])).loss,
      },
    ],
    params: { yhat, y },
  };
});

function logits(rng: Rng) {
  return Array.from({ length: 3 }, () => pickSigned(rng, 0.1, 3, 1));
}

export const softmaxProb = defineGenerator("softmax-prob", "activations", "One entry of a softmax", (rng) => {
  const z = logits(rng),
    k = rng.int(3);
  const p = softmax(z),
    answer = p[k];
  const e = z.map(Math.exp),
    total = e.reduce((a, b) => a + b, 0);
  return {
    prompt: `The logits are z = [${z.map((v) => fmt(v)).join(", ")}]. What is softmax(z)_${k + 1}, the probability of class ${k + 1}?`,
    answer,
    solution: [
      `e^z = [${e.map((v) => fmt(v)).join(", ")}]`,
      `Σ e^z = ${fmt(total)}`,
      `softmax(z)_${k + 1} = ${fmt(e[k])} / ${fmt(total)} = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "softmax-no-exp",
        label: "You divided the logit by the sum of the logits; softmax exponentiates first: e^{z_k} / Σ e^{z_j}.",
        value: z[k] / z.reduce((a, b) => a + b, 0),
      },
      { id: "softmax-sigmoid", label: "You took σ(z_k) of that logit alone; softmax normalises over all classes.", value: sigmoid.f(z[k]) },
    ],
    params: { z, k },
  };
});

export const softmaxCrossEntropy = defineGenerator("softmax-ce", "losses", "Softmax cross-entropy for one example", (rng) => {
  const z = logits(rng),
    c = rng.int(3);
  const answer = softmaxCe(Tensor.from(z.map((v) => [v])), Tensor.from([[c]])).loss;
  const p = softmax(z);
  const top = p.indexOf(Math.max(...p));
  const lse = Math.log(z.map(Math.exp).reduce((a, b) => a + b, 0));
  return {
    prompt: `A 3-class classifier outputs logits z = [${z.map((v) => fmt(v)).join(", ")}] and the true class is ${c + 1}. What is the cross-entropy loss −ln softmax(z)_${c + 1}?`,
    answer,
    // NOTE: ln Σ e^z is shown to 6 figures: the loss is a difference of two numbers of similar size, and
    // a reader who carries the shown value must still land within the tolerance (checked as `route`).
    solution: [
      `ln Σ e^z = ${fmt(lse, 6)}`,
      `L = ln Σ e^z − z_${c + 1} = ${fmt(lse, 6)} − (${fmt(z[c])}) = ${fmt(answer)}`,
      `(the same as −ln p_${c + 1} with p = softmax(z) = [${p.map((v) => fmt(v)).join(", ")}])`,
    ],
    route: shown(lse, 6) - z[c],
    mistakes: [
      { id: "ce-log10", label: "You used log₁₀; cross-entropy uses the natural logarithm.", value: answer / Math.LN10 },
      {
        id: "ce-no-logsumexp",
        label: "You took −z of the true class only; the loss also needs ln Σ e^z (the softmax's normaliser).",
        value: -z[c],
      },
      {
        id: "ce-predicted-class",
        label: "You used the probability of the predicted (largest) class; the loss uses the true class.",
        value: -Math.log(p[top]),
      },
    ],
    params: { z, c },
  };
});

/** The loss templates. */
export const lossGenerators = [bceValue, mseValue, softmaxProb, softmaxCrossEntropy];
