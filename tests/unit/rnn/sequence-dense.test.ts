import { describe, expect, it } from "vitest";
import { finiteDifference, relativeError } from "../../../lib/check/finite";
import { halfMse } from "../../../lib/losses/mse";
import { losses } from "../../../lib/losses";
import { createRng } from "../../../lib/random/rng";
import { RNN } from "../../../lib/rnn/rnn";
import { SequenceDense } from "../../../lib/rnn/sequence-dense";
import { sequenceLossInto } from "../../../lib/rnn/sequence-loss";
import { stepOf } from "../../../lib/rnn/sequence";
import { Tensor } from "../../../lib/tensor/tensor";
import { randn } from "./recurrent.helpers";

describe("SequenceDense and sequenceLossInto", () => {
  it("SequenceDense.forward applies one W, b at every step: y_t = W·h_t + b", () => {
    const d = new SequenceDense(2, 1);
    d.W.data.set([2, -1]);
    d.b.data[0] = 0.5;
    const Y = d.forward(new Tensor([2, 2, 1], [1, 3, 4, 0]));
    expect(Array.from(Y.data)).toEqual([2 - 3 + 0.5, 8 + 0.5]);
  });

  it("sequenceLossInto sums each step's mean loss and writes each step's dA", () => {
    const Yhat = new Tensor([2, 1, 2], [1, 2, 3, 5]),
      Y = new Tensor([2, 1, 2], [0, 0, 3, 3]),
      dA = new Tensor([2, 1, 2]);
    const J = sequenceLossInto(losses.halfMse, dA, Yhat, Y);
    expect(J).toBeCloseTo(halfMse(stepOf(Yhat, 0), stepOf(Y, 0)).loss + halfMse(stepOf(Yhat, 1), stepOf(Y, 1)).loss, 15);
    expect(Array.from(dA.data)).toEqual([1, 2, 0, 2]);
  });

  it("RNN + SequenceDense + sequenceLossInto (softmax cross-entropy on every step) match central differences", () => {
    const rng = createRng(8),
      T = 4,
      m = 3,
      rnn = new RNN(3, 4, { rng }),
      readout = new SequenceDense(4, 3, { rng });
    readout.b.data.set([0.1, -0.2, 0.3]);
    const X = randn(rng, [T, 3, m]),
      Y = new Tensor([T, 1, m]),
      dY = new Tensor([T, 3, m]);
    Y.data.forEach((_, i) => (Y.data[i] = rng.int(3)));
    const cost = () => sequenceLossInto(losses.softmaxCe, dY, readout.forward(rnn.forward(X)), Y);
    cost();
    rnn.backward(readout.backward(dY));
    const analytic = [rnn.dW_ih, rnn.dW_hh, rnn.db_ih, readout.dW, readout.db].map((t) => t.data.slice());
    const values = [rnn.W_ih, rnn.W_hh, rnn.b_ih, readout.W, readout.b].map((t) => t.data);
    values.forEach((v, k) => expect(relativeError(analytic[k], finiteDifference(cost, v))).toBeLessThan(1e-6));
  });
});
