import { describe, expect, it } from "vitest";
import { gradCheck } from "../../../lib/check/grad-check";
import { ActivationLayer } from "../../../lib/layers/activation-layer";
import { Dense } from "../../../lib/layers/dense";
import { Sequential } from "../../../lib/layers/sequential";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";
import { randomTensor } from "../helpers";

describe("ActivationLayer", () => {
  it("ActivationLayer.forward applies g and caches Z and A", () => {
    const act = new ActivationLayer("relu"),
      Z = Tensor.from([[-1, 2]]);
    expect(act.forward(Z).toArray()).toEqual([[0, 2]]);
    expect(act.cache.Z).toBe(Z);
  });
  it("ActivationLayer.backward matches finite differences inside a model", () => {
    const rng = createRng(5);
    const model = new Sequential([
      new Dense(3, 4, { rng }),
      new ActivationLayer("tanh"),
      new Dense(4, 2, { rng }),
      new ActivationLayer("softplus"),
    ]);
    expect(gradCheck(model, randomTensor(rng, 3, 6), randomTensor(rng, 2, 6), losses.mse, { input: true }).ok).toBe(true);
  });
  it("ActivationLayer keeps separate buffers for inputs of different widths", () => {
    const act = new ActivationLayer("sigmoid");
    const a = act.forward(new Tensor([2, 3])),
      b = act.forward(new Tensor([3, 2]));
    expect(a.shape).toEqual([2, 3]);
    expect(b.shape).toEqual([3, 2]);
    expect(act.forward(new Tensor([2, 3]))).toBe(a);
  });
});
