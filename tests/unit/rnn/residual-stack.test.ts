// Chapter 6's stacked recurrent residual: layer 2's output is its input plus its RNN's output at the same
// time step, h⁽²⁾_t = h⁽¹⁾_t + s_t with s_t = RNN₂(h⁽¹⁾_t, s_{t−1}). Its backward adds the identity path:
// ∂L/∂h⁽¹⁾_t = ∂L/∂h⁽²⁾_t + (what RNN₂'s BPTT sends down). Checked against finite differences.
import { describe, expect, it } from "vitest";
import { RNN, Tensor, createRng } from "../../../lib";

function stack(seed: number) {
  const rng = createRng(seed);
  const T = 4,
    I = 3,
    H = 3,
    m = 2;
  const r1 = new RNN(I, H, { rng }),
    r2 = new RNN(H, H, { rng });
  const X = new Tensor([T, I, m]);
  for (let i = 0; i < X.size; i++) X.data[i] = rng.normal(0, 1);
  /** L = ½ Σ (h⁽²⁾)², with h⁽²⁾ = h⁽¹⁾ + RNN₂(h⁽¹⁾). */
  const loss = () => {
    const h1 = r1.forward(X).clone();
    const s = r2.forward(h1);
    let L = 0;
    for (let i = 0; i < h1.size; i++) L += 0.5 * (h1.data[i] + s.data[i]) ** 2;
    return { L, h1, s };
  };
  return { r1, r2, X, loss };
}

describe("residual connection across a stack of RNN layers", () => {
  it("RNN.backward through h2 = h1 + RNN2(h1) matches finite differences for layer 1's weights", () => {
    const { r1, r2, loss } = stack(3);
    const { h1, s } = loss();
    const dH2 = new Tensor(h1.shape);
    for (let i = 0; i < dH2.size; i++) dH2.data[i] = h1.data[i] + s.data[i];
    const through = r2.backward(dH2); // what RNN₂ sends down to its input h1
    const dH1 = new Tensor(h1.shape);
    for (let i = 0; i < dH1.size; i++) dH1.data[i] = dH2.data[i] + through.data[i]; // identity path + RNN path
    r1.backward(dH1);
    // The engine's dW are gradients of the batch mean (÷ m); L here is a sum over the batch.
    const m = h1.shape[2];
    const analytic = Float64Array.from(r1.dW_hh.data, (g) => g * m);
    const eps = 1e-6;
    for (let k = 0; k < r1.W_hh.size; k++) {
      const w = r1.W_hh.data[k];
      r1.W_hh.data[k] = w + eps;
      const up = loss().L;
      r1.W_hh.data[k] = w - eps;
      const down = loss().L;
      r1.W_hh.data[k] = w;
      const numeric = (up - down) / (2 * eps);
      expect(Math.abs(numeric - analytic[k]) / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic[k]))).toBeLessThan(1e-6);
    }
  });
});
