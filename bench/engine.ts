// The course engine's training step, through its public entry, as a widget or code cell would write it.
import { Adam, Tensor, bceInto, mlp, paramArrays, softmaxCeInto } from "../lib";
import { ADAM, type Problem, type Step, type Workload } from "./workloads";

export function engineStep(w: Workload, p: Problem): Step {
  const L = w.sizes.length - 1,
    m = w.batch;
  const model = mlp(w.sizes, { hidden: w.acts[0] === "tanh" ? "tanh" : "relu", output: w.loss === "bce" ? "sigmoid" : "linear" });
  // Same starting weights as every other engine.
  model.params().forEach((param, k) => param.value.set(k % 2 === 0 ? p.W[k / 2] : p.b[(k - 1) / 2]));
  const X = new Tensor([w.sizes[0], m], p.X);
  const Y = new Tensor([w.sizes[L], m], p.Y);
  const dA = new Tensor([w.sizes[L], m]);
  const { values, grads } = paramArrays(model);
  const opt = new Adam({ lr: ADAM.lr, beta1: ADAM.beta1, beta2: ADAM.beta2, eps: ADAM.eps });
  const lossInto = w.loss === "bce" ? bceInto : softmaxCeInto;
  return () => {
    const out = model.forward(X);
    const J = lossInto(dA, out, Y);
    model.backward(dA, false); // no gradient for the input, as in PyTorch when X does not require it
    opt.step(values, grads);
    return J;
  };
}
