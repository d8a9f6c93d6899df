// Shared helpers for the recurrent layers' tests: a scalar cost over a layer's outputs and its finite-difference check.
import { finiteDifference, relativeError } from "../../../lib/check/finite";
import type { Recurrent } from "../../../lib/rnn/bptt";
import { GRU } from "../../../lib/rnn/gru";
import { LSTM } from "../../../lib/rnn/lstm";
import { RNN } from "../../../lib/rnn/rnn";
import { createRng, type Rng } from "../../../lib/random/rng";
import { Tensor } from "../../../lib/tensor/tensor";

export const KINDS = { rnn: RNN, lstm: LSTM, gru: GRU } as const;
export type Kind = keyof typeof KINDS;

export function randn(rng: Rng, shape: number[], std = 1): Tensor {
  const t = new Tensor(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, std);
  return t;
}

/**
 * Checks every gradient of a recurrent layer against central differences of the mean cost
 * J = (1/m) Σ_j Σ_t ½‖h_t⁽ʲ⁾ − y_t⁽ʲ⁾‖² (all steps) or (1/m) Σ_j ½‖h_T⁽ʲ⁾ − y⁽ʲ⁾‖² (last step only).
 * Returns the largest relative error over W_ih, W_hh, b_ih, b_hh, X, h0 (and c0 for an LSTM).
 */
export function recurrentGradError(kind: Kind, I: number, H: number, T: number, m: number, seed: number, lastOnly: boolean): number {
  const rng = createRng(seed),
    layer: Recurrent = new KINDS[kind](I, H, { rng });
  // Larger weights than the default so the nonlinearities are well away from their linear regime.
  for (const p of layer.params()) for (let i = 0; i < p.value.length; i++) p.value[i] = rng.normal(0, 0.8);
  const X = randn(rng, [T, I, m]),
    h0 = randn(rng, [H, m], 0.5),
    c0 = randn(rng, [H, m], 0.5);
  const Y = randn(rng, lastOnly ? [H, m] : [T, H, m], 0.5);
  const isLstm = kind === "lstm";
  const cost = () => {
    layer.forward(X, h0, isLstm ? c0 : undefined);
    const out = lastOnly ? layer.cache.hT : layer.cache.out;
    let s = 0;
    for (let i = 0; i < out.size; i++) s += 0.5 * (out.data[i] - Y.data[i]) ** 2;
    return s / m;
  };
  cost();
  const out = lastOnly ? layer.cache.hT : layer.cache.out,
    dOut = new Tensor(out.shape);
  for (let i = 0; i < out.size; i++) dOut.data[i] = out.data[i] - Y.data[i]; // per example
  layer.backward(dOut);
  const g = layer.grads as typeof layer.grads & { dc0?: Tensor };
  const perExample = (t: Tensor) => t.data.map((v) => v / m); // dX, dh0, dc0 are m·∂J/∂·
  const targets: [Float64Array, Float64Array][] = [
    [layer.W_ih.data, layer.dW_ih.data.slice()],
    [layer.W_hh.data, layer.dW_hh.data.slice()],
    [layer.b_ih.data, layer.db_ih.data.slice()],
    [layer.b_hh.data, layer.db_hh.data.slice()],
    [X.data, perExample(g.dX)],
    [h0.data, perExample(g.dh0)],
  ];
  if (isLstm) targets.push([c0.data, perExample(g.dc0!)]);
  let worst = 0;
  for (const [value, analytic] of targets) worst = Math.max(worst, relativeError(analytic, finiteDifference(cost, value)));
  return worst;
}
