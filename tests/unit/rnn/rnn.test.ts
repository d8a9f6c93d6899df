import { describe, expect, it } from "vitest";
import { createRng } from "../../../lib/random/rng";
import { RNN } from "../../../lib/rnn/rnn";
import { RNNCell } from "../../../lib/rnn/rnn-cell";
import { stepNorms, stepOf } from "../../../lib/rnn/sequence";
import { Tensor } from "../../../lib/tensor/tensor";

/** A one-unit RNN with W_ih = 0.5, W_hh = 0.8, b_ih = 0.1, b_hh = −0.2 on x = 1, −1, 2 from h_0 = 0. */
function scalarRnn(): { rnn: RNN; X: Tensor } {
  const rnn = new RNN(1, 1);
  rnn.W_ih.data[0] = 0.5;
  rnn.W_hh.data[0] = 0.8;
  rnn.b_ih.data[0] = 0.1;
  rnn.b_hh.data[0] = -0.2;
  return { rnn, X: new Tensor([3, 1, 1], [1, -1, 2]) };
}

describe("RNN", () => {
  it("RNN.forward matches h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh) worked by hand", () => {
    const { rnn, X } = scalarRnn();
    const H = rnn.forward(X);
    // h1 = tanh(0.5 + 0.1 − 0.2) = tanh(0.4); h2 = tanh(−0.5 + 0.8·h1 − 0.1); h3 = tanh(1 + 0.8·h2 − 0.1)
    expect(H.data[0]).toBeCloseTo(0.3799489622552249, 14);
    expect(H.data[1]).toBeCloseTo(-0.28768526515541215, 14);
    expect(H.data[2]).toBeCloseTo(0.584882380709402, 14);
    expect(rnn.cache.h.data[0]).toBe(0); // h_0 defaults to zeros
    expect(rnn.cache.hT.data[0]).toBe(H.data[2]);
  });

  it("RNN.backward with the loss L = h_3 gives the hand-derived BPTT sums", () => {
    const { rnn, X } = scalarRnn();
    rnn.forward(X);
    rnn.backward(Tensor.from([[1]])); // [H, m]: a gradient on the last step only
    // dz3 = 1 − h3², dz2 = dz3·0.8·(1 − h2²), dz1 = dz2·0.8·(1 − h1²)
    // dW_hh = dz3·h2 + dz2·h1 + dz1·h0,  dW_ih = dz3·2 − dz2 + dz1,  db = dz1 + dz2 + dz3,  dh0 = 0.8·dz1
    expect(rnn.dW_hh.data[0]).toBeCloseTo(-0.005843981646984936, 14);
    expect(rnn.dW_ih.data[0]).toBeCloseTo(1.163516741304611, 14);
    expect(rnn.db_ih.data[0]).toBeCloseTo(1.4711431869502887, 14);
    expect(rnn.db_hh.data[0]).toBeCloseTo(1.4711431869502887, 14);
    expect(rnn.grads.dh0.data[0]).toBeCloseTo(0.2643688504191174, 14);
    // ∂L/∂h_t for t = 0 … 3, as a widget plots them
    const dh = rnn.grads.dh.data;
    [0.2643688504191174, 0.38621561855255193, 0.5263300805885617, 1].forEach((v, t) => expect(dh[t]).toBeCloseTo(v, 14));
    expect(Array.from(stepNorms(rnn.grads.dh))).toEqual(Array.from(dh, Math.abs));
  });

  it("RNN initializes every parameter from U(−1/√H, 1/√H) with the seeded generator, as PyTorch", () => {
    const H = 16,
      a = new RNN(4, H, { rng: createRng(9) }),
      b = new RNN(4, H, { rng: createRng(9) }),
      k = 1 / Math.sqrt(H);
    for (const [p, q] of a.params().map((p, i) => [p, b.params()[i]] as const)) {
      expect(Array.from(p.value)).toEqual(Array.from(q.value));
      expect(p.value.every((v) => v >= -k && v < k)).toBe(true);
    }
    expect(a.params().map((p) => [p.name, p.shape, p.decay])).toEqual([
      ["W_ih", [16, 4], true],
      ["W_hh", [16, 16], true],
      ["b_ih", [16, 1], false],
      ["b_hh", [16, 1], false],
    ]);
    const all = a.params().flatMap((p) => Array.from(p.value)),
      mean = all.reduce((s, v) => s + v, 0) / all.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
  });

  it("RNNCell.forward steps one time step and chains like the layer", () => {
    const { rnn, X } = scalarRnn(),
      cell = new RNNCell(1, 1);
    cell.params().forEach((p, k) => p.value.set(rnn.params()[k].value));
    rnn.forward(X);
    let h = new Tensor([1, 1]);
    for (let t = 0; t < 3; t++) h = cell.forward(stepOf(X, t), h).clone();
    expect(h.data[0]).toBeCloseTo(rnn.cache.hT.data[0], 15);
  });

  it("RNNCell.backward gives dx = W_ihᵀ·dz and dh_prev = W_hhᵀ·dz with dz = dh ⊙ (1 − h²)", () => {
    const cell = new RNNCell(2, 1);
    cell.W_ih.data.set([0.3, -0.7]);
    cell.W_hh.data[0] = 0.5;
    cell.b_ih.data[0] = 0;
    cell.b_hh.data[0] = 0;
    const h = cell.forward(Tensor.from([[1], [2]]), Tensor.from([[0.4]])).data[0]; // tanh(0.3 − 1.4 + 0.2)
    expect(h).toBeCloseTo(Math.tanh(-0.9), 15);
    const dx = cell.backward(Tensor.from([[2]])),
      dz = 2 * (1 - h * h);
    expect(Array.from(dx.data)).toEqual([0.3 * dz, -0.7 * dz]);
    expect(cell.dh_prev.data[0]).toBeCloseTo(0.5 * dz, 15);
    expect(cell.layer.dW_hh.data[0]).toBeCloseTo(dz * 0.4, 15);
  });
});
