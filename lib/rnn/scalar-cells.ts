import { sigmoid } from "../activations/sigmoid";
import { tanh } from "../activations/tanh";

/** Scalar weights of a one-unit tanh RNN cell. */
export interface RnnScalarWeights {
  wx: number;
  wh: number;
  b: number;
}

/**
 * One step of a one-unit (scalar) RNN cell, as chapter 8 works it by hand.
 *
 *   h_t = tanh(w_x·x_t + w_h·h_{t−1} + b)
 *
 * PyTorch's RNN adds two biases (b_ih + b_hh); with scalars that is one b.
 *
 * @example
 *   rnnScalarStep(1, 0, { wx: 0.5, wh: 0.8, b: 0 });   // tanh(0.5) ≈ 0.4621
 *   rnnScalarStep(0, 0.5, { wx: 1, wh: 1, b: 0 });     // tanh(0.5)
 */
export function rnnScalarStep(x: number, hPrev: number, w: RnnScalarWeights): number {
  return tanh.f(w.wx * x + w.wh * hPrev + w.b);
}

/** Scalar weights of a one-unit LSTM cell: per gate (f, i, g, o) an input weight, a recurrent weight and a bias. */
export type LstmScalarWeights = Record<"f" | "i" | "g" | "o", RnnScalarWeights>;

/**
 * One step of a one-unit (scalar) LSTM cell, returning every gate.
 *
 *   f = σ(w_xf·x + w_hf·h + b_f),  i = σ(…),  g = tanh(…),  o = σ(…)
 *   c_t = f·c_{t−1} + i·g,   h_t = o·tanh(c_t)
 *
 * Same equations as `torch.nn.LSTMCell` with hidden size 1 (its two biases summed into one).
 *
 * @example
 *   const w = { wx: 1, wh: 0, b: 0 };
 *   lstmScalarStep(0, 0, 1, { f: w, i: w, g: w, o: w }).c;   // 0.5·1 + 0.5·0 = 0.5
 */
export function lstmScalarStep(
  x: number,
  hPrev: number,
  cPrev: number,
  w: LstmScalarWeights,
): { f: number; i: number; g: number; o: number; c: number; h: number } {
  const pre = (k: keyof LstmScalarWeights) => w[k].wx * x + w[k].wh * hPrev + w[k].b;
  const f = sigmoid.f(pre("f")),
    i = sigmoid.f(pre("i")),
    g = tanh.f(pre("g")),
    o = sigmoid.f(pre("o"));
  const c = f * cPrev + i * g;
  return { f, i, g, o, c, h: o * tanh.f(c) };
}
