import { describe, expect, it } from "vitest";
import { GRU } from "../../../lib/rnn/gru";
import { LSTM } from "../../../lib/rnn/lstm";
import { RNN } from "../../../lib/rnn/rnn";
import type { Recurrent } from "../../../lib/rnn/bptt";
import { Tensor } from "../../../lib/tensor/tensor";
import ref from "./fixtures/torch-reference.json";

// The fixture holds torch.nn.RNN/LSTM/GRU numbers for a fixed case in PyTorch's layout (input (T, batch, I), rows
// are examples), made by fixtures/make-torch-reference.py WITHOUT PyTorch: a plain-Python transcription of PyTorch's
// documented equations, with gradients by finite differences of L = 0.5·(output²).sum(). See the note inside the JSON.
const { batch: m, input_size: I, hidden_size: H } = ref;

/** PyTorch's (T, batch, n) nested list → the engine's [T, n, m] (examples as columns). */
function toColumns(steps: number[][][], n: number): Tensor {
  const out = new Tensor([steps.length, n, m]);
  steps.forEach((rows, t) => rows.forEach((row, j) => row.forEach((v, i) => (out.data[(t * n + i) * m + j] = v))));
  return out;
}
const rowsToColumns = (rows: number[][], n: number) => toColumns([rows], n).reshape([n, m]);

describe("recurrent layers against PyTorch reference values", () => {
  for (const [kind, Make] of [
    ["rnn", RNN],
    ["lstm", LSTM],
    ["gru", GRU],
  ] as const) {
    it(`${kind.toUpperCase()} forward and backward reproduce torch.nn.${kind.toUpperCase()} (fixture)`, () => {
      const r = ref[kind] as (typeof ref)["lstm"];
      const layer: Recurrent = new Make(I, H);
      // PyTorch's weight_ih_l0 [G·H, I] is the engine's W_ih as it stands (W·x with x a column = x·Wᵀ with x a row).
      layer.W_ih.data.set(r.params.weight_ih_l0.flat());
      layer.W_hh.data.set(r.params.weight_hh_l0.flat());
      layer.b_ih.data.set(r.params.bias_ih_l0);
      layer.b_hh.data.set(r.params.bias_hh_l0);
      const X = toColumns(ref.input, I),
        h0 = rowsToColumns(ref.h0, H),
        c0 = kind === "lstm" ? rowsToColumns(ref.c0, H) : undefined;
      const out = layer.forward(X, h0, c0),
        expected = toColumns(r.output, H);
      out.data.forEach((v, i) => expect(v).toBeCloseTo(expected.data[i], 12));
      if (r.c_n) rowsToColumns(r.c_n, H).data.forEach((v, i) => expect((layer as LSTM).cache.cT.data[i]).toBeCloseTo(v, 12));
      // L = 0.5·Σ output² has per-example gradient dOut = output; PyTorch's .grad of a summed loss is m·(the mean-cost gradient).
      layer.backward(out.clone());
      const close = (got: ArrayLike<number>, want: number[], scale: number) =>
        want.forEach((v, i) => expect(got[i] * scale).toBeCloseTo(v, 7));
      close(layer.dW_ih.data, r.grad.weight_ih_l0.flat(), m);
      close(layer.dW_hh.data, r.grad.weight_hh_l0.flat(), m);
      close(layer.db_ih.data, r.grad.bias_ih_l0, m);
      close(layer.db_hh.data, r.grad.bias_hh_l0, m);
      close(layer.grads.dX.data, Array.from(toColumns(r.grad.input, I).data), 1);
      close(layer.grads.dh0.data, Array.from(rowsToColumns(r.grad.h0, H).data), 1);
      if (r.grad.c0) close((layer as LSTM).grads.dc0.data, Array.from(rowsToColumns(r.grad.c0, H).data), 1);
    });
  }
});
