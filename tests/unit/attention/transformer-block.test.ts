import { describe, expect, it } from "vitest";
import { Tensor, TransformerBlock, charSequences, createRng, gradCheck, losses, relativeError, sequenceLoss } from "../../../lib";

// Four windows of six characters from the course's text: one-hot X [6, K, 4], next-character targets Y [6, 1, 4].
const data = charSequences({ m: 4, T: 6, seed: 3 });
const K = data.vocab.length;
const loss = sequenceLoss(losses.softmaxCe);

// Random biases and LayerNorm gains too, so no gradient is checked only at its initial zero or one.
function block(heads: number): TransformerBlock {
  const b = new TransformerBlock(K, 8, heads, { ffDim: 12, context: 8, rng: createRng(5) });
  const rng = createRng(9);
  for (const p of b.params()) if (!p.decay) for (let i = 0; i < p.value.length; i++) p.value[i] += rng.uniform(-0.3, 0.3);
  return b;
}

describe("TransformerBlock", () => {
  it.each([1, 2])("TransformerBlock.backward matches central differences for every parameter (%i heads)", (heads) => {
    const report = gradCheck(block(heads), data.X, data.Y, loss, { threshold: 1e-6 });
    expect(report.entries.map((e) => e.name)).toEqual([
      "W_emb",
      "ln1.gamma",
      "ln1.beta",
      "attn.in_proj_weight",
      "attn.in_proj_bias",
      "attn.out_proj.weight",
      "attn.out_proj.bias",
      "ln2.gamma",
      "ln2.beta",
      "ff1.W",
      "ff1.b",
      "ff2.W",
      "ff2.b",
      "lnf.gamma",
      "lnf.beta",
      "out.W",
      "out.b",
    ]);
    for (const e of report.entries) expect(e.relativeError, e.name).toBeLessThan(1e-6);
  });

  it("TransformerBlock.backward returns dX per example (m·∂J/∂X)", () => {
    const b = block(2),
      X = new Tensor(data.X.shape, data.X.data.slice());
    // Soft inputs: every entry of X matters, not only the ones of the one-hot columns.
    const rng = createRng(4);
    for (let i = 0; i < X.size; i++) X.data[i] += rng.uniform(0, 0.2);
    const dZ = new Tensor(b.forward(X).shape);
    loss.computeInto(dZ, b.forward(X), data.Y);
    const dX = b.backward(dZ).data.slice(),
      h = 1e-5,
      m = 4;
    const numeric = new Float64Array(X.size);
    for (let k = 0; k < X.size; k++) {
      const v = X.data[k];
      X.data[k] = v + h;
      const up = loss.computeInto(dZ, b.forward(X), data.Y);
      X.data[k] = v - h;
      const down = loss.computeInto(dZ, b.forward(X), data.Y);
      X.data[k] = v;
      numeric[k] = ((up - down) / (2 * h)) * m;
    }
    expect(relativeError(dX, numeric)).toBeLessThan(1e-6);
  });

  it("TransformerBlock.forward is causal: a later character never changes an earlier step's logits", () => {
    const b = block(2),
      X = new Tensor(data.X.shape, data.X.data.slice());
    const before = b.forward(X).data.slice();
    // Change step 4 of every window (a different character), then compare steps 0 … 3.
    const [T, , m] = X.shape;
    for (let j = 0; j < m; j++) for (let k = 0; k < K; k++) X.data[(4 * K + k) * m + j] = k === 0 ? 1 : 0;
    const after = b.forward(X).data;
    const perStep = K * m;
    for (let i = 0; i < 4 * perStep; i++) expect(after[i]).toBe(before[i]);
    let changed = 0;
    for (let i = 4 * perStep; i < T * perStep; i++) changed += Math.abs(after[i] - before[i]);
    expect(changed).toBeGreaterThan(0);
  });

  it("TransformerBlock.attentionWeights rows sum to 1 and stop at the diagonal", () => {
    const b = block(2);
    b.forward(data.X);
    const W = b.attentionWeights(1);
    expect(W).toHaveLength(6);
    W.forEach((row, t) => {
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      for (let u = t + 1; u < row.length; u++) expect(row[u]).toBe(0);
    });
  });

  it("TransformerBlock.forward refuses a sequence longer than its context", () => {
    const b = new TransformerBlock(K, 8, 2, { context: 4 });
    expect(() => b.forward(data.X)).toThrow(/T ≤ 4/);
  });
});
