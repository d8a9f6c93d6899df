import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MultiheadAttention, SGD, Tensor, attentionForward, createRng } from "../../../lib";
import { dot, maxRelDiff, numericGrad, randn } from "../conv/fd";

// Identity projections and zero biases make each head plain attention on its own columns.
function identityMha(E: number, H: number): MultiheadAttention {
  const mha = new MultiheadAttention(E, H);
  mha.inProjWeight.data.fill(0);
  mha.outProjWeight.data.fill(0);
  for (let p = 0; p < 3; p++) for (let a = 0; a < E; a++) mha.inProjWeight.data[(p * E + a) * E + a] = 1;
  for (let a = 0; a < E; a++) mha.outProjWeight.data[a * E + a] = 1;
  return mha;
}

// An independent reference: project with explicit loops, cut each head's columns out, run attentionForward, join, project.
function reference(mha: MultiheadAttention, query: Tensor, key: Tensor, value: Tensor, causal: boolean) {
  const E = mha.embedDim,
    H = mha.numHeads,
    d = E / H,
    [N, Lq] = query.shape,
    Lk = key.shape[1];
  const proj = (X: Tensor, W: Float64Array, wo: number, b: Float64Array | undefined, bo: number) => {
    const out = new Tensor(X.shape);
    for (let r = 0; r < X.size / E; r++)
      for (let a = 0; a < E; a++) {
        let s = b ? b[bo + a] : 0;
        for (let c = 0; c < E; c++) s += X.data[r * E + c] * W[wo + a * E + c];
        out.data[r * E + a] = s;
      }
    return out;
  };
  const w = mha.inProjWeight.data,
    b = mha.inProjBias?.data;
  const q = proj(query, w, 0, b, 0),
    k = proj(key, w, E * E, b, E),
    v = proj(value, w, 2 * E * E, b, 2 * E);
  const ctx = new Tensor([N, Lq, E]),
    weights = new Tensor([N, Lq, Lk]);
  for (let h = 0; h < H; h++) {
    const cut = (T: Tensor, L: number) => {
      const out = new Tensor([N, L, d]);
      for (let r = 0; r < N * L; r++) for (let c = 0; c < d; c++) out.data[r * d + c] = T.data[r * E + h * d + c];
      return out;
    };
    const a = attentionForward(cut(q, Lq), cut(k, Lk), cut(v, Lk), { causal });
    for (let r = 0; r < N * Lq; r++) for (let c = 0; c < d; c++) ctx.data[r * E + h * d + c] = a.output.data[r * d + c];
    for (let i = 0; i < weights.size; i++) weights.data[i] += a.weights.data[i] / H;
  }
  return { output: proj(ctx, mha.outProjWeight.data, 0, mha.outProjBias?.data, 0), weights };
}

describe("MultiheadAttention", () => {
  it("MultiheadAttention.forward with identity projections and two 1-wide heads, worked by hand", () => {
    // head 0 (column 0): q = 1, keys [1, 0] → scores [1, 0] → weights [σ(1), 1 − σ(1)] = [0.73106, 0.26894];
    // head 1 (column 1): q = 2, keys [1, 0] → scores [2, 0] → weights [σ(2), 1 − σ(2)] = [0.88080, 0.11920].
    // outputs: 10·0.73106 + 30·0.26894 = 15.379, 20·0.88080 + 40·0.11920 = 22.384; averaged weights [0.80593, 0.19407].
    const mha = identityMha(2, 2);
    const { output, weights } = mha.forward(
      new Tensor([1, 1, 2], [1, 2]),
      new Tensor([1, 2, 2], [1, 1, 0, 0]),
      new Tensor([1, 2, 2], [10, 20, 30, 40]),
    );
    const s1 = 1 / (1 + Math.exp(-1)),
      s2 = 1 / (1 + Math.exp(-2));
    expect(output.data[0]).toBeCloseTo(10 * s1 + 30 * (1 - s1), 12);
    expect(output.data[1]).toBeCloseTo(20 * s2 + 40 * (1 - s2), 12);
    expect(output.data[0]).toBeCloseTo(15.379, 3);
    expect(weights.data[0]).toBeCloseTo((s1 + s2) / 2, 12);
    expect(weights.data[0]).toBeCloseTo(0.80593, 5);
  });

  it("MultiheadAttention.forward with one head and identity projections is attentionForward", () => {
    const rng = createRng(2);
    const X = randn(rng, [2, 3, 4]),
      K = randn(rng, [2, 5, 4]),
      V = randn(rng, [2, 5, 4]);
    const a = identityMha(4, 1).forward(X, K, V);
    const b = attentionForward(X, K, V);
    expect(maxRelDiff(a.output.data, b.output.data)).toBeLessThan(1e-14);
    expect(maxRelDiff(a.weights.data, b.weights.data)).toBeLessThan(1e-14);
  });

  for (const causal of [false, true])
    it(`MultiheadAttention.forward matches a head-by-head reference with random parameters (causal ${causal})`, () => {
      const rng = createRng(causal ? 3 : 4);
      const mha = new MultiheadAttention(6, 3, { rng });
      for (const b of [mha.inProjBias, mha.outProjBias]) if (b) for (let i = 0; i < b.size; i++) b.data[i] = rng.normal(0, 1);
      const query = randn(rng, [2, 4, 6]),
        key = randn(rng, [2, 3, 6]),
        value = randn(rng, [2, 3, 6]);
      const got = mha.forward(query, key, value, { causal });
      const ref = reference(mha, query, key, value, causal);
      expect(maxRelDiff(got.output.data, ref.output.data)).toBeLessThan(1e-13);
      expect(maxRelDiff(got.weights.data, ref.weights.data)).toBeLessThan(1e-13);
    });

  it("MultiheadAttention.forward without a mask is permutation-equivariant: reordering the positions reorders the output", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (seed, keys) => {
        const rng = createRng(seed);
        const mha = new MultiheadAttention(4, 2, { rng });
        const X = randn(rng, [1, 4, 4]);
        const perm = [0, 1, 2, 3].sort((a, b) => keys[a] - keys[b] || a - b);
        const Xp = new Tensor([1, 4, 4]);
        perm.forEach((from, to) => Xp.data.set(X.data.subarray(from * 4, from * 4 + 4), to * 4));
        const out = mha.forward(X, X, X).output.data.slice();
        const outP = mha.forward(Xp, Xp, Xp).output.data;
        perm.forEach((from, to) => {
          for (let e = 0; e < 4; e++) expect(outP[to * 4 + e]).toBeCloseTo(out[from * 4 + e], 12);
        });
      }),
      { numRuns: 50 },
    );
  });

  it("MultiheadAttention starts as PyTorch: Xavier-uniform in_proj, out_proj within ±1/√E, zero biases; names as PyTorch", () => {
    const mha = new MultiheadAttention(8, 2, { name: "attn" });
    const xavier = Math.sqrt(6 / 32);
    expect(Math.max(...mha.inProjWeight.data.map(Math.abs))).toBeLessThanOrEqual(xavier);
    expect(Math.max(...mha.outProjWeight.data.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(8));
    expect([...(mha.inProjBias?.data ?? []), ...(mha.outProjBias?.data ?? [])].every((v) => v === 0)).toBe(true);
    expect(mha.params().map((p) => [p.name, p.shape])).toEqual([
      ["attn.in_proj_weight", [24, 8]],
      ["attn.in_proj_bias", [24]],
      ["attn.out_proj.weight", [8, 8]],
      ["attn.out_proj.bias", [8]],
    ]);
    expect(new MultiheadAttention(8, 2, { bias: false }).params().map((p) => p.name)).toEqual(["in_proj_weight", "out_proj.weight"]);
    expect(() => new MultiheadAttention(6, 4)).toThrow(RangeError);
  });
});

describe("MultiheadAttention.backward", () => {
  for (const causal of [false, true])
    it(`MultiheadAttention.backward matches finite differences for query, key, value and every parameter (causal ${causal})`, () => {
      const rng = createRng(causal ? 5 : 6);
      const mha = new MultiheadAttention(4, 2, { rng });
      for (const b of [mha.inProjBias, mha.outProjBias]) if (b) for (let i = 0; i < b.size; i++) b.data[i] = rng.normal(0, 0.5);
      const query = randn(rng, [2, 3, 4]),
        key = randn(rng, [2, 4, 4]),
        value = randn(rng, [2, 4, 4]);
      const G = randn(rng, [2, 3, 4]); // L = Σ G ⊙ output
      const L = () => dot(mha.forward(query, key, value, { causal }).output.data, G.data);
      mha.forward(query, key, value, { causal });
      const { dQuery, dKey, dValue } = mha.backward(G);
      const grads = [dQuery.data.slice(), dKey.data.slice(), dValue.data.slice(), ...mha.params().map((p) => p.grad.slice())];
      const arrays = [query.data, key.data, value.data, ...mha.params().map((p) => p.value)];
      arrays.forEach((a, i) => expect(maxRelDiff(grads[i], numericGrad(L, a))).toBeLessThan(1e-8));
    });

  it("MultiheadAttention.backward for self-attention: the input's gradient is dQuery + dKey + dValue", () => {
    const rng = createRng(7);
    const mha = new MultiheadAttention(4, 2, { rng });
    const X = randn(rng, [1, 3, 4]),
      G = randn(rng, [1, 3, 4]);
    const L = () => dot(mha.forward(X, X, X, { causal: true }).output.data, G.data);
    mha.forward(X, X, X, { causal: true });
    const { dQuery, dKey, dValue } = mha.backward(G);
    const dX = dQuery.data.map((v, i) => v + dKey.data[i] + dValue.data[i]);
    expect(maxRelDiff(dX, numericGrad(L, X.data))).toBeLessThan(1e-8);
  });

  it("MultiheadAttention.params steps with an optimizer: SGD lowers a squared error", () => {
    const rng = createRng(8);
    const mha = new MultiheadAttention(4, 2, { rng });
    const X = randn(rng, [2, 3, 4]),
      T = randn(rng, [2, 3, 4]);
    const opt = new SGD({ lr: 0.02 }); // the gradient is of a sum over 24 entries, so a small step
    const loss = () => {
      const { output } = mha.forward(X, X, X);
      return (
        dot(
          output.data.map((v, i) => v - T.data[i]),
          output.data.map((v, i) => v - T.data[i]),
        ) / 2
      );
    };
    const first = loss();
    for (let step = 0; step < 50; step++) {
      const { output } = mha.forward(X, X, X);
      mha.backward(
        new Tensor(
          output.shape,
          output.data.map((v, i) => v - T.data[i]),
        ),
      );
      const ps = mha.params();
      opt.step(
        ps.map((p) => p.value),
        ps.map((p) => p.grad),
      );
    }
    expect(loss()).toBeLessThan(first * 0.7);
  });
});
