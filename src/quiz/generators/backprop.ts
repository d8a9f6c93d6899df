// Templates for chapter 3: the chain rule through a one-unit network and the output layer's dZ.
import { Dense, Sequential, Tensor, forward, backward, halfMse, bce, sigmoid } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pick, pickSigned, settle } from "./types";

export const chainRule = defineGenerator(
  "chain-rule",
  "backpropagation",
  () => t("gen.chain-rule.title"),
  (rng) => {
    const w1 = pickSigned(rng, 0.2, 2),
      b1 = pickSigned(rng, 0.1, 1),
      w2 = pickSigned(rng, 0.2, 2),
      b2 = pickSigned(rng, 0.1, 1);
    const x = pickSigned(rng, 0.5, 2),
      y = pick(rng, -1, 2);
    // The engine's network: a sigmoid unit then a linear unit, loss ½(ŷ − y)²; one example, so dW is the gradient.
    const l1 = new Dense(1, 1, { activation: "sigmoid" }),
      l2 = new Dense(1, 1);
    l1.W.data[0] = w1;
    l1.b.data[0] = b1;
    l2.W.data[0] = w2;
    l2.b.data[0] = b2;
    const net = new Sequential([l1, l2]);
    const yhat = forward(net, Tensor.from([[x]]));
    backward(net, halfMse(yhat, Tensor.from([[y]])).dA);
    const answer = l1.grads.dW.data[0];
    const z1 = w1 * x + b1,
      a1 = sigmoid.f(z1),
      out = yhat.data[0],
      ds = sigmoid.df(z1);
    return {
      prompt: t("gen.chain-rule.prompt", { w1: fmt(w1), b1: fmt(b1), w2: fmt(w2), b2: fmt(b2), x: fmt(x), y: fmt(y) }),
      answer,
      solution: [
        t("gen.chain-rule.solution.1", { z1: fmt(settle(w1 * x, b1)), a1: fmt(a1), yhat: fmt(out) }),
        `∂L/∂ŷ = ŷ − y = ${fmt(out - y)}`,
        `σ′(z₁) = a₁(1 − a₁) = ${fmt(ds)}`,
        `∂L/∂w₁ = (ŷ − y)·w₂·σ′(z₁)·x = ${fp(out - y)}·${fp(w2)}·${fmt(ds)}·${fp(x)} = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "chain-no-sigmoid-prime",
          label: t("gen.chain-rule.mistake.chain-no-sigmoid-prime"),
          value: (out - y) * w2 * x,
        },
        { id: "chain-no-x", label: t("gen.chain-rule.mistake.chain-no-x"), value: (out - y) * w2 * ds },
        {
          id: "chain-sigma-for-prime",
          label: t("gen.chain-rule.mistake.chain-sigma-for-prime"),
          value: (out - y) * w2 * a1 * x,
        },
      ],
      params: { w1, b1, w2, b2, x, y },
    };
  },
);

export const outputDz = defineGenerator(
  "output-dz",
  "backpropagation",
  () => t("gen.output-dz.title"),
  (rng) => {
    const z = pickSigned(rng, 0.2, 3),
      y = rng.int(2);
    const a = sigmoid.f(z);
    const dA = bce(Tensor.from([[a]]), Tensor.from([[y]])).dA.data[0];
    const answer = dA * sigmoid.df(z);
    return {
      prompt: t("gen.output-dz.prompt", { z: fmt(z), y }),
      answer,
      solution: [
        `a = σ(${fmt(z)}) = ${fmt(a)}`,
        `dA = −y/a + (1 − y)/(1 − a) = ${fmt(dA)}`,
        t("gen.output-dz.solution.3", { dZ: fmt(answer) }),
      ],
      mistakes: [
        {
          id: "dz-no-sigmoid-prime",
          label: t("gen.output-dz.mistake.dz-no-sigmoid-prime"),
          value: dA,
        },
        { id: "dz-sign", label: t("gen.output-dz.mistake.dz-sign"), value: -answer },
      ],
      params: { z, y },
    };
  },
);

/** The backpropagation templates. */
export const backpropGenerators = [chainRule, outputDz];
