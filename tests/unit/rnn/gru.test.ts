import { describe, expect, it } from "vitest";
import { GRU } from "../../../lib/rnn/gru";
import { GRUCell } from "../../../lib/rnn/gru-cell";
import { Tensor } from "../../../lib/tensor/tensor";

// One unit; per gate (r, z, n): W_ih = 0.5, −0.3, 0.8; W_hh = 0.4, 0.2, −0.6; b_ih = 0.1, 0, 0.2; b_hh = 0, 0.3, −0.1.
function scalarGru(): GRU {
  const gru = new GRU(1, 1);
  gru.W_ih.data.set([0.5, -0.3, 0.8]);
  gru.W_hh.data.set([0.4, 0.2, -0.6]);
  gru.b_ih.data.set([0.1, 0, 0.2]);
  gru.b_hh.data.set([0, 0.3, -0.1]);
  return gru;
}

describe("GRU", () => {
  it("GRU.forward matches PyTorch's equations worked by hand (r gates W_hn·h + b_hn, h = (1 − z)n + z·h_prev)", () => {
    const gru = scalarGru();
    gru.forward(new Tensor([2, 1, 1], [1, 0.5]), Tensor.from([[0.2]]));
    // step 1: r = σ(0.5 + 0.1 + 0.4·0.2), z = σ(−0.3 + 0.2·0.2 + 0.3), n = tanh(0.8 + 0.2 + r·(−0.6·0.2 − 0.1))
    expect(gru.gate("r", 1).data[0]).toBeCloseTo(0.6637386974043527, 14);
    expect(gru.gate("z", 1).data[0]).toBeCloseTo(0.5099986668799655, 14);
    expect(gru.gate("n", 1).data[0]).toBeCloseTo(0.6931416933624786, 14);
    expect(gru.cache.h.data[1]).toBeCloseTo(0.4416400871646857, 14);
    expect(gru.gate("r", 2).data[0]).toBeCloseTo(0.6287028480725529, 14);
    expect(gru.gate("z", 2).data[0]).toBeCloseTo(0.5593015744013219, 14);
    expect(gru.gate("n", 2).data[0]).toBeCloseTo(0.3544582598400954, 14);
    expect(gru.cache.hT.data[0]).toBeCloseTo(0.40321919312192295, 14);
    expect(gru.cache.hn.data[0]).toBeCloseTo(-0.6 * 0.2 - 0.1, 15); // W_hn·h_0 + b_hn, kept for backward
  });

  it("GRU.backward: with z = 1 the state is copied, so ∂L/∂h_0 = ∂L/∂h_T and no weight moves it", () => {
    const gru = new GRU(1, 1);
    gru.W_ih.data.fill(0);
    gru.W_hh.data.fill(0);
    gru.b_hh.data.fill(0);
    gru.b_ih.data.set([0, 60, 0]); // z ≈ 1
    gru.forward(new Tensor([5, 1, 1], [1, -1, 2, 0, 3]), Tensor.from([[0.3]]));
    expect(gru.cache.hT.data[0]).toBeCloseTo(0.3, 12);
    gru.backward(Tensor.from([[1]]));
    expect(gru.grads.dh0.data[0]).toBeCloseTo(1, 12);
  });

  it("GRUCell.gate names r, z, n and GRU.gate rejects other names and steps", () => {
    const cell = new GRUCell(1, 1);
    const layer = scalarGru();
    cell.params().forEach((p, k) => p.value.set(layer.params()[k].value));
    cell.forward(Tensor.from([[1]]), Tensor.from([[0.2]]));
    expect(cell.gate("z").data[0]).toBeCloseTo(0.5099986668799655, 14);
    layer.forward(new Tensor([2, 1, 1]));
    expect(() => layer.gate("f", 1)).toThrow(/no gate 'f'/);
    expect(() => layer.gate("r", 3)).toThrow(/outside 1…2/);
  });
});
