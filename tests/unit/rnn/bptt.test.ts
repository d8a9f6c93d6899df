import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Adam } from "../../../lib/optim/adam";
import { paramArrays, paramCount } from "../../../lib/layers/model";
import { gruParamCount, lstmParamCount, rnnParamCount } from "../../../lib/layers/param-counts";
import { clipByGlobalNorm, globalNorm } from "../../../lib/regularize/clip";
import { createRng } from "../../../lib/random/rng";
import { RNN } from "../../../lib/rnn/rnn";
import { LSTM } from "../../../lib/rnn/lstm";
import { GRU } from "../../../lib/rnn/gru";
import { stackSteps, stepOf } from "../../../lib/rnn/sequence";
import { Tensor } from "../../../lib/tensor/tensor";
import { KINDS, recurrentGradError, randn, type Kind } from "./recurrent.helpers";

const sizes = {
  I: fc.integer({ min: 1, max: 3 }),
  H: fc.integer({ min: 1, max: 3 }),
  T: fc.integer({ min: 1, max: 4 }),
  m: fc.integer({ min: 1, max: 3 }),
};

describe("Recurrent.backward (BPTT)", () => {
  for (const kind of Object.keys(KINDS) as Kind[]) {
    for (const lastOnly of [false, true]) {
      it(`${kind.toUpperCase()}.backward matches central differences with the loss on ${lastOnly ? "the last step" : "every step"}`, () => {
        fc.assert(
          fc.property(sizes.I, sizes.H, sizes.T, sizes.m, fc.integer(), (I, H, T, m, seed) => {
            expect(recurrentGradError(kind, I, H, T, m, seed, lastOnly)).toBeLessThan(1e-6);
          }),
          { seed: 7, numRuns: 12 },
        );
      });
    }
  }

  it("RNN.backward: grads.dh[t] is the dh0 of the same layer run on the tail from h_t (the full ∂L/∂h_t)", () => {
    const rng = createRng(5),
      T = 5,
      rnn = new RNN(2, 3, { rng }),
      tail = new RNN(2, 3);
    rnn.params().forEach((p, k) => tail.params()[k].value.set(p.value));
    const X = randn(rng, [T, 2, 4]),
      dOut = randn(rng, [T, 3, 4]);
    rnn.forward(X);
    rnn.backward(dOut);
    for (const t of [1, 3]) {
      // The tail sees x_{t+1} … x_T from h_t; its dh0 plus the direct term on h_t must equal ∂L/∂h_t.
      const Xtail = new Tensor([T - t, 2, 4], X.data.slice(t * 8)),
        dTail = new Tensor([T - t, 3, 4], dOut.data.slice(t * 12));
      tail.forward(Xtail, stepOf(rnn.cache.h, t).clone());
      tail.backward(dTail);
      const expected = tail.grads.dh0.data.map((v, i) => v + dOut.data[(t - 1) * 12 + i]);
      stepOf(rnn.grads.dh, t).data.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    }
  });

  it("RNN.forward takes a sequence as one [T, I, m] tensor or as T [I, m] tensors, with the same result", () => {
    const rng = createRng(2),
      rnn = new RNN(3, 4, { rng }),
      xs = [randn(rng, [3, 2]), randn(rng, [3, 2]), randn(rng, [3, 2])];
    const a = rnn.forward(xs).data.slice(),
      b = rnn.forward(stackSteps(xs)).data.slice();
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("Recurrent.backward with inputGrad false skips dX but leaves the weight gradients unchanged", () => {
    const rng = createRng(3),
      lstm = new LSTM(2, 3, { rng }),
      X = randn(rng, [4, 2, 2]),
      dh = randn(rng, [3, 2]);
    lstm.forward(X);
    lstm.backward(dh);
    const dW = lstm.dW_hh.data.slice();
    lstm.backward(dh, false);
    expect(Array.from(lstm.dW_hh.data)).toEqual(Array.from(dW));
    expect(Number.isNaN(lstm.grads.dX.data[0])).toBe(true);
  });

  it("Recurrent.forward rejects a sequence of the wrong width and a mismatched h0", () => {
    const rnn = new RNN(3, 2);
    expect(() => rnn.forward(new Tensor([4, 2, 1]))).toThrow(/\[T, 3, m\]/);
    expect(() => rnn.forward(new Tensor([4, 3, 1]), new Tensor([3, 1]))).toThrow(/h0/);
    expect(() => new GRU(2, 2).forward(new Tensor([1, 2, 1]), undefined, new Tensor([2, 1]))).toThrow(/only an LSTM/);
  });

  it("Recurrent.params work with Adam and clipByGlobalNorm: training a GRU lowers its loss", () => {
    const rng = createRng(11),
      gru = new GRU(1, 4, { rng }),
      X = randn(rng, [6, 1, 8]),
      Y = randn(rng, [4, 8], 0.3);
    const { values, grads } = paramArrays(gru),
      opt = new Adam({ lr: 0.02 }),
      dh = new Tensor([4, 8]);
    const step = () => {
      gru.forward(X);
      let J = 0;
      for (let i = 0; i < dh.size; i++) {
        dh.data[i] = gru.cache.hT.data[i] - Y.data[i];
        J += 0.5 * dh.data[i] ** 2;
      }
      gru.backward(dh, false);
      clipByGlobalNorm(grads, 1);
      expect(globalNorm(grads)).toBeLessThanOrEqual(1 + 1e-9);
      opt.step(values, grads);
      return J / 8;
    };
    const first = step();
    let last = first;
    for (let i = 0; i < 150; i++) last = step();
    expect(last).toBeLessThan(first / 4);
  });

  it("paramCount of RNN, LSTM and GRU layers equals PyTorch's counts (two bias vectors)", () => {
    expect(paramCount(new RNN(8, 32))).toBe(rnnParamCount(8, 32));
    expect(paramCount(new RNN(8, 32))).toBe(32 * 8 + 32 * 32 + 64);
    expect(paramCount(new LSTM(10, 20))).toBe(lstmParamCount(10, 20));
    expect(paramCount(new GRU(10, 20))).toBe(gruParamCount(10, 20));
  });

  it("Recurrent buffers are reused: a second forward of the same shape allocates no new cache", () => {
    const rnn = new RNN(2, 3),
      X = new Tensor([5, 2, 4]);
    rnn.forward(X);
    const h = rnn.cache.h;
    rnn.forward(X);
    expect(rnn.cache.h).toBe(h);
    rnn.forward(new Tensor([6, 2, 4]));
    expect(rnn.cache.h).not.toBe(h);
  });

  it("Recurrent layers stay finite on extreme inputs (saturated gates, no NaN)", () => {
    for (const Kind of [RNN, LSTM, GRU]) {
      const layer = new Kind(2, 3, { rng: createRng(4) }),
        X = new Tensor([6, 2, 2]);
      X.data.forEach((_, i) => (X.data[i] = i % 2 ? 1e6 : -1e6));
      for (const p of layer.params()) p.value.forEach((_, i) => (p.value[i] *= 1e3));
      layer.forward(X);
      const dX = layer.backward(Tensor.full([6, 3, 2], 1e3));
      for (const t of [layer.cache.h, dX, layer.grads.dh, layer.dW_hh, layer.db_ih]) expect(t.data.every(Number.isFinite)).toBe(true);
    }
  });
});
