// Templates for the losses of chapters 2–3: BCE, MSE, softmax, softmax cross-entropy.
import { Tensor, bce, mse, halfMse, l1, softmax, softmaxCe, sigmoid, type Rng } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, pick, pickInt, pickSigned, shown } from "./types";

export const bceValue = defineGenerator(
  "bce",
  "losses",
  () => t("gen.bce.title"),
  (rng) => {
    const p = pick(rng, 0.05, 0.95, 2),
      y = rng.int(2);
    const answer = bce(Tensor.from([[p]]), Tensor.from([[y]])).loss;
    const term = y === 1 ? `−ln p = −ln ${fmt(p)}` : `−ln(1 − p) = −ln ${fmt(1 - p)}`;
    return {
      prompt: t("gen.bce.prompt", { p: fmt(p), y }),
      answer,
      solution: [t("gen.bce.solution.1", { y, term }), `L = ${fmt(answer)}`],
      mistakes: [
        { id: "bce-log10", label: t("gen.bce.mistake.bce-log10"), value: answer / Math.LN10 },
        {
          id: "bce-wrong-term",
          label: t("gen.bce.mistake.bce-wrong-term"),
          value: y === 1 ? -Math.log(1 - p) : -Math.log(p),
        },
        { id: "bce-sign", label: t("gen.bce.mistake.bce-sign"), value: -answer },
      ],
      params: { p, y },
    };
  },
);

export const mseValue = defineGenerator(
  "mse",
  "losses",
  () => t("gen.mse.title"),
  (rng) => {
    const n = pickInt(rng, 3, 4);
    const yhat = Array.from({ length: n }, () => pick(rng, -2, 4, 1)),
      y = Array.from({ length: n }, () => pick(rng, -2, 4, 1));
    const answer = mse(Tensor.from([yhat]), Tensor.from([y])).loss;
    const sq = yhat.map((v, i) => (v - y[i]) ** 2);
    return {
      prompt: t("gen.mse.prompt", { yhat: yhat.map((v) => fmt(v)).join(", "), y: y.map((v) => fmt(v)).join(", ") }),
      answer,
      solution: [
        t("gen.mse.solution.1", { squares: sq.map((v) => fmt(v)).join(", ") }),
        t("gen.mse.solution.2", { sum: fmt(sq.reduce((a, b) => a + b, 0)), m: n, J: fmt(answer) }),
      ],
      mistakes: [
        {
          id: "mse-half",
          label: t("gen.mse.mistake.mse-half"),
          value: halfMse(Tensor.from([yhat]), Tensor.from([y])).loss,
        },
        { id: "mse-sum", label: t("gen.mse.mistake.mse-sum"), value: answer * n },
        {
          id: "mse-abs",
          label: t("gen.mse.mistake.mse-abs"),
          value: l1(Tensor.from([yhat]), Tensor.from([y])).loss,
        },
      ],
      params: { yhat, y },
    };
  },
);

function logits(rng: Rng) {
  return Array.from({ length: 3 }, () => pickSigned(rng, 0.1, 3, 1));
}

export const softmaxProb = defineGenerator(
  "softmax-prob",
  "activations",
  () => t("gen.softmax-prob.title"),
  (rng) => {
    const z = logits(rng),
      k = rng.int(3);
    const p = softmax(z),
      answer = p[k];
    const e = z.map(Math.exp),
      total = e.reduce((a, b) => a + b, 0);
    return {
      prompt: t("gen.softmax-prob.prompt", { z: z.map((v) => fmt(v)).join(", "), k: k + 1 }),
      answer,
      solution: [
        `e^z = [${e.map((v) => fmt(v)).join(", ")}]`,
        `Σ e^z = ${fmt(total)}`,
        `softmax(z)_${k + 1} = ${fmt(e[k])} / ${fmt(total)} = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "softmax-no-exp",
          label: t("gen.softmax-prob.mistake.softmax-no-exp"),
          value: z[k] / z.reduce((a, b) => a + b, 0),
        },
        { id: "softmax-sigmoid", label: t("gen.softmax-prob.mistake.softmax-sigmoid"), value: sigmoid.f(z[k]) },
      ],
      params: { z, k },
    };
  },
);

export const softmaxCrossEntropy = defineGenerator(
  "softmax-ce",
  "losses",
  () => t("gen.softmax-ce.title"),
  (rng) => {
    const z = logits(rng),
      c = rng.int(3);
    const answer = softmaxCe(Tensor.from(z.map((v) => [v])), Tensor.from([[c]])).loss;
    const p = softmax(z);
    const top = p.indexOf(Math.max(...p));
    const lse = Math.log(z.map(Math.exp).reduce((a, b) => a + b, 0));
    return {
      prompt: t("gen.softmax-ce.prompt", { z: z.map((v) => fmt(v)).join(", "), c: c + 1 }),
      answer,
      // NOTE: ln Σ e^z is shown to 6 figures: the loss is a difference of two numbers of similar size, and
      // a reader who carries the shown value must still land within the tolerance (checked as `route`).
      solution: [
        `ln Σ e^z = ${fmt(lse, 6)}`,
        `L = ln Σ e^z − z_${c + 1} = ${fmt(lse, 6)} − (${fmt(z[c])}) = ${fmt(answer)}`,
        t("gen.softmax-ce.solution.3", { c: c + 1, p: p.map((v) => fmt(v)).join(", ") }),
      ],
      route: shown(lse, 6) - z[c],
      mistakes: [
        { id: "ce-log10", label: t("gen.softmax-ce.mistake.ce-log10"), value: answer / Math.LN10 },
        {
          id: "ce-no-logsumexp",
          label: t("gen.softmax-ce.mistake.ce-no-logsumexp"),
          value: -z[c],
        },
        {
          id: "ce-predicted-class",
          label: t("gen.softmax-ce.mistake.ce-predicted-class"),
          value: -Math.log(p[top]),
        },
      ],
      params: { z, c },
    };
  },
);

/** The loss templates. */
export const lossGenerators = [bceValue, mseValue, softmaxProb, softmaxCrossEntropy];
