// Templates for chapter 2's architecture section: parameter counts of dense layers and MLPs.
import { Dense, mlp, paramCount } from "../../../lib";
import { defineGenerator, fmt, pickInt, choose, EXACT } from "./types";

export const denseParamCount = defineGenerator("dense-param-count", "architecture", "Parameters of a dense layer", (rng) => {
  const nIn = choose(rng, [3, 4, 8, 10, 16, 32, 64, 100, 128, 256, 784]),
    nOut = choose(rng, [1, 2, 4, 10, 16, 32, 64, 128]);
  const answer = paramCount(new Dense(nIn, nOut));
  return {
    prompt: `A dense (fully connected) layer takes ${nIn} inputs and has ${nOut} units. How many trainable parameters does it have, biases included?`,
    answer,
    tolerance: EXACT,
    solution: [`weights: ${nIn}·${nOut} = ${fmt(nIn * nOut)};  biases: one per unit = ${nOut}`, `total = ${fmt(answer)}`],
    mistakes: [
      { id: "dense-no-bias", label: "You counted only the weights; each unit also has a bias.", value: nIn * nOut },
      { id: "dense-bias-per-input", label: "There is one bias per unit (output), not per input.", value: nIn * nOut + nIn },
    ],
    params: { nIn, nOut },
  };
});

export const mlpParamCount = defineGenerator("mlp-param-count", "architecture", "Parameters of an MLP", (rng) => {
  const depth = pickInt(rng, 3, 4);
  const sizes = [choose(rng, [2, 3, 4, 10, 20, 784])];
  for (let l = 1; l < depth - 1; l++) sizes.push(choose(rng, [4, 8, 16, 32, 64, 128]));
  sizes.push(choose(rng, [1, 2, 3, 10]));
  const answer = paramCount(mlp(sizes));
  const per = sizes.slice(1).map((n, l) => `${sizes[l]}·${n} + ${n} = ${fmt(sizes[l] * n + n)}`);
  const weights = sizes.slice(1).reduce((s, n, l) => s + sizes[l] * n, 0);
  return {
    prompt: `An MLP has layer widths ${sizes.join(" → ")} (the first is the input). How many trainable parameters does it have, biases included?`,
    answer,
    tolerance: EXACT,
    solution: [...per.map((p, l) => `layer ${l + 1}: ${p}`), `total = ${fmt(answer)}`],
    mistakes: [
      { id: "mlp-no-bias", label: "You counted only the weights; every non-input unit has a bias.", value: weights },
      { id: "mlp-input-bias", label: "The input layer has no parameters; you gave its units biases too.", value: answer + sizes[0] },
    ],
    params: { sizes },
  };
});

/** The architecture templates. */
export const architectureGenerators = [denseParamCount, mlpParamCount];
