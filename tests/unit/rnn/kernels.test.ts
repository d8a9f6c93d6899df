import { describe, expect, it } from "vitest";
import { addMatmul, addMatmulT, addOuterMatmulT, addRowSums, fillBias, sigma } from "../../../lib/rnn/kernels";
import { matmul } from "../../../lib/tensor/matmul";
import type { Tensor } from "../../../lib/tensor/tensor";
import { createRng } from "../../../lib/random/rng";
import { randn } from "./recurrent.helpers";

describe("recurrent kernels", () => {
  const rng = createRng(12),
    n = 3,
    k = 4,
    m = 5,
    W = randn(rng, [n, k]),
    x = randn(rng, [k, m]),
    d = randn(rng, [n, m]);
  // operands placed at an offset inside larger buffers, as a time loop addresses step t
  const at = (t: Tensor, pad: number) => {
    const b = new Float64Array(pad + t.size);
    b.set(t.data, pad);
    return b;
  };

  it("fillBias then addMatmul give b + W·x at an offset", () => {
    const out = new Float64Array(7 + n * m),
      b = Float64Array.from([1, 2, 3]);
    fillBias(out, 7, b, null, n, m);
    addMatmul(out, 7, W.data, at(x, 3), 3, n, k, m);
    const ref = matmul(W, x);
    ref.data.forEach((v, i) => expect(out[7 + i]).toBeCloseTo(v + b[Math.floor(i / m)], 14));
  });

  it("addOuterMatmulT equals d·xᵀ plus addMatmulT, and with out null adds d·xᵀ alone", () => {
    const dW1 = new Float64Array(n * k).fill(0.5),
      dW2 = dW1.slice(),
      out1 = new Float64Array(2 + k * m).fill(1),
      out2 = out1.slice();
    addOuterMatmulT(dW1, out1, 2, W.data, at(d, 4), 4, at(x, 6), 6, n, k, m);
    addOuterMatmulT(dW2, null, 0, W.data, at(d, 4), 4, at(x, 6), 6, n, k, m);
    addMatmulT(out2, 2, W.data, at(d, 4), 4, n, k, m);
    dW1.forEach((v, i) => expect(v).toBeCloseTo(dW2[i], 14));
    out1.forEach((v, i) => expect(v).toBeCloseTo(out2[i], 14));
    const ref = matmul(d, x, { transB: true });
    ref.data.forEach((v, i) => expect(dW2[i]).toBeCloseTo(v + 0.5, 14));
  });

  it("addRowSums adds each row's sum; sigma stays finite at ±1000", () => {
    const db = Float64Array.from([1, 1, 1]);
    addRowSums(db, d.data, 0, n, m);
    for (let i = 0; i < n; i++) expect(db[i]).toBeCloseTo(1 + d.data.slice(i * m, (i + 1) * m).reduce((a, b) => a + b, 0), 14);
    expect(sigma(-1000)).toBe(0);
    expect(sigma(1000)).toBe(1);
    expect(sigma(0)).toBe(0.5);
  });
});
