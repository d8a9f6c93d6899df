// Templates for chapter 3: the chain rule through a one-unit network and the output layer's dZ.
import { Dense, Sequential, Tensor, forward, backward, halfMse, bce, sigmoid } from "../../../lib";
import { defineGenerator, fmt, fp, pick, pickSigned, settle } from "./types";

export const chainRule = defineGenerator("chain-rule", "backpropagation", "Chain rule through a 1-1-1 network", (rng) => {
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
    prompt: `A tiny network: z₁ = w₁x + b₁, a₁ = σ(z₁), ŷ = w₂a₁ + b₂, loss L = ½(ŷ − y)², with w₁ = ${fmt(w1)}, b₁ = ${fmt(b1)}, w₂ = ${fmt(w2)}, b₂ = ${fmt(b2)}. For x = ${fmt(x)} and y = ${fmt(y)}, what is ∂L/∂w₁?`,
    answer,
    solution: [
      `forward: z₁ = ${fmt(settle(w1 * x, b1))}, a₁ = σ(z₁) = ${fmt(a1)}, ŷ = ${fmt(out)}`,
      `∂L/∂ŷ = ŷ − y = ${fmt(out - y)}`,
      `σ′(z₁) = a₁(1 − a₁) = ${fmt(ds)}`,
      `∂L/∂w₁ = (ŷ − y)·w₂·σ′(z₁)·x = ${fp(out - y)}·${fp(w2)}·${fmt(ds)}·${fp(x)} = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "chain-no-sigmoid-prime",
        label: "You left σ′(z₁) out of the chain rule: the path from w₁ to L passes through the sigmoid.",
        value: (out - y) * w2 * x,
      },
      { id: "chain-no-x", label: "You forgot the last factor ∂z₁/∂w₁ = x.", value: (out - y) * w2 * ds },
      {
        id: "chain-sigma-for-prime",
        label: "You multiplied by σ(z₁) instead of σ′(z₁) = σ(z₁)(1 − σ(z₁)).",
        value: (out - y) * w2 * a1 * x,
      },
    ],
    params: { w1, b1, w2, b2, x, y },
  };
});

export const outputDz = defineGenerator("output-dz", "backpropagation", "dZ of a sigmoid output with BCE", (rng) => {
  const z = pickSigned(rng, 0.2, 3),
    y = rng.int(2);
  const a = sigmoid.f(z);
  const dA = bce(Tensor.from([[a]]), Tensor.from([[y]])).dA.data[0];
  const answer = dA * sigmoid.df(z);
  return {
    prompt: `The output unit is a sigmoid, a = σ(z), trained with binary cross-entropy. For z = ${fmt(z)} and label y = ${y}, what is dZ = ∂L/∂z?`,
    answer,
    solution: [
      `a = σ(${fmt(z)}) = ${fmt(a)}`,
      `dA = −y/a + (1 − y)/(1 − a) = ${fmt(dA)}`,
      `dZ = dA·σ′(z) = dA·a(1 − a), which simplifies to a − y = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "dz-no-sigmoid-prime",
        label: "That is dA = ∂L/∂a; multiply by σ′(z) = a(1 − a) to get dZ (which simplifies to a − y).",
        value: dA,
      },
      { id: "dz-sign", label: "The sign is flipped: dZ = a − y, not y − a.", value: -answer },
    ],
    params: { z, y },
  };
});

/** The backpropagation templates. */
export const backpropGenerators = [chainRule, outputDz];
