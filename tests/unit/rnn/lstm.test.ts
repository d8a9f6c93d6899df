import { describe, expect, it } from "vitest";
import { createRng } from "../../../lib/random/rng";
import { LSTM } from "../../../lib/rnn/lstm";
import { LSTMCell } from "../../../lib/rnn/lstm-cell";
import { lstmScalarStep } from "../../../lib/rnn/scalar-cells";
import { stepOf } from "../../../lib/rnn/sequence";
import { Tensor } from "../../../lib/tensor/tensor";
import { randn } from "./recurrent.helpers";

// One unit; per gate (i, f, g, o): W_ih = 0.5, −0.4, 0.3, 0.9; W_hh = 0.2, 0.6, −0.5, 0.1; b_ih = 0.1, 1, 0, −0.1;
// b_hh = 0, 0, 0.2, 0. Inputs x = 1, −2 from h_0 = 0, c_0 = 0.5.
function scalarLstm(): LSTM {
  const lstm = new LSTM(1, 1);
  lstm.W_ih.data.set([0.5, -0.4, 0.3, 0.9]);
  lstm.W_hh.data.set([0.2, 0.6, -0.5, 0.1]);
  lstm.b_ih.data.set([0.1, 1, 0, -0.1]);
  lstm.b_hh.data.set([0, 0, 0.2, 0]);
  return lstm;
}

describe("LSTM", () => {
  it("LSTM.forward matches the gate equations worked by hand, gates stacked i, f, g, o", () => {
    const lstm = scalarLstm();
    lstm.forward(new Tensor([2, 1, 1], [1, -2]), Tensor.from([[0]]), Tensor.from([[0.5]]));
    // step 1: i = σ(0.6), f = σ(0.6), g = tanh(0.5), o = σ(0.8), c1 = f·0.5 + i·g, h1 = o·tanh(c1)
    const step1 = [0.6456563062257954, 0.6456563062257954, 0.46211715726000974, 0.6899744811276125];
    const step2 = [0.30495079370283773, 0.8837574164260431, -0.5301972277276802, 0.13447987048381213];
    (["i", "f", "g", "o"] as const).forEach((name, k) => {
      expect(lstm.gate(name, 1).data[0]).toBeCloseTo(step1[k], 14);
      expect(lstm.gate(name, 2).data[0]).toBeCloseTo(step2[k], 14);
    });
    expect(Array.from(lstm.cache.c.data)).toEqual([0.5, expect.closeTo(0.6211970099129607, 14), expect.closeTo(0.38730339915766093, 14)]);
    expect(lstm.cache.h.data[1]).toBeCloseTo(0.3808389399200482, 14);
    expect(lstm.cache.hT.data[0]).toBeCloseTo(0.049627535099154164, 14);
  });

  it("LSTM.forward agrees with lstmScalarStep (one bias per gate = b_ih + b_hh)", () => {
    const lstm = scalarLstm();
    lstm.forward(new Tensor([1, 1, 1], [0.7]), Tensor.from([[-0.3]]), Tensor.from([[0.2]]));
    const w = (k: number) => ({ wx: lstm.W_ih.data[k], wh: lstm.W_hh.data[k], b: lstm.b_ih.data[k] + lstm.b_hh.data[k] });
    const ref = lstmScalarStep(0.7, -0.3, 0.2, { i: w(0), f: w(1), g: w(2), o: w(3) });
    expect(lstm.cache.cT.data[0]).toBeCloseTo(ref.c, 15);
    expect(lstm.cache.hT.data[0]).toBeCloseTo(ref.h, 15);
  });

  it("LSTM.backward: with f = 1 and i = 0 the cell path carries ∂L/∂c unchanged back to c_0", () => {
    const lstm = new LSTM(1, 1);
    lstm.W_ih.data.fill(0);
    lstm.W_hh.data.fill(0);
    lstm.b_hh.data.fill(0);
    lstm.b_ih.data.set([-50, 50, 0, -50]); // i ≈ 0, f ≈ 1, o ≈ 0: memory kept, nothing written or shown
    lstm.forward(new Tensor([10, 1, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), undefined, Tensor.from([[0.8]]));
    expect(lstm.cache.cT.data[0]).toBeCloseTo(0.8, 12);
    lstm.backward(Tensor.from([[0]]), true, Tensor.from([[1]])); // a gradient on c_T only
    expect(lstm.grads.dc0.data[0]).toBeCloseTo(1, 12);
    for (let t = 0; t <= 10; t++) expect(lstm.grads.dc.data[t]).toBeCloseTo(1, 12);
  });

  it("LSTMCell.forward and backward are one step of the layer (h, c, gates, dh_prev, dc_prev)", () => {
    const rng = createRng(6),
      cell = new LSTMCell(3, 2, { rng }),
      lstm = new LSTM(3, 2, { rng: createRng(6) });
    const x = randn(rng, [3, 4]),
      h0 = randn(rng, [2, 4]),
      c0 = randn(rng, [2, 4]),
      dh = randn(rng, [2, 4]),
      dc = randn(rng, [2, 4]);
    const h = cell.forward(x, h0, c0);
    lstm.forward([x], h0, c0);
    expect(Array.from(h.data)).toEqual(Array.from(lstm.cache.hT.data));
    expect(Array.from(cell.c.data)).toEqual(Array.from(lstm.cache.cT.data));
    expect(Array.from(cell.gate("f").data)).toEqual(Array.from(lstm.gate("f", 1).data));
    const dx = cell.backward(dh, dc);
    lstm.backward(dh, true, dc);
    expect(Array.from(dx.data)).toEqual(Array.from(stepOf(lstm.grads.dX, 0).data));
    expect(Array.from(cell.dh_prev.data)).toEqual(Array.from(lstm.grads.dh0.data));
    expect(Array.from(cell.dc_prev.data)).toEqual(Array.from(lstm.grads.dc0.data));
  });
});
