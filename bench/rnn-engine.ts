// Workload (c) with the course engine, through its public entry, as a widget or code cell would write it.
import { Adam, Dense, RNN, Tensor, halfMseInto, paramArrays } from "../lib";
import { ADAM, type Step } from "./workloads";
import type { RnnProblem, RnnWorkload } from "./rnn-workload";

export function rnnEngineStep(w: RnnWorkload, p: RnnProblem): Step {
  const { T, batch: m, input: I, hidden: H, output: O } = w;
  const rnn = new RNN(I, H),
    readout = new Dense(H, O);
  // Same starting weights as every other engine.
  rnn.W_ih.data.set(p.W_ih);
  rnn.W_hh.data.set(p.W_hh);
  rnn.b_ih.data.set(p.b_ih);
  rnn.b_hh.data.set(p.b_hh);
  readout.W.data.set(p.W_hy);
  readout.b.data.set(p.b_y);
  const X = new Tensor([T, I, m], p.X),
    Y = new Tensor([O, m], p.Y),
    dY = new Tensor([O, m]);
  const a = paramArrays(rnn),
    b = paramArrays(readout);
  const values = [...a.values, ...b.values],
    grads = [...a.grads, ...b.grads];
  const opt = new Adam({ lr: ADAM.lr, beta1: ADAM.beta1, beta2: ADAM.beta2, eps: ADAM.eps });
  return () => {
    rnn.forward(X);
    const J = halfMseInto(dY, readout.forward(rnn.cache.hT), Y);
    rnn.backward(readout.backward(dY), false); // loss on h_T only; no gradient for the input
    opt.step(values, grads);
    return J;
  };
}
