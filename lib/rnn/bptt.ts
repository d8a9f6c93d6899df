// The machinery shared by RNN, LSTM and GRU: parameters, per-shape buffers, and the time loops of the forward pass
// and of backpropagation through time. Each cell type supplies only its step arithmetic (stepForward/stepBackward).
//
// Memory layout (examples are columns): a sequence is one flat buffer [T, n, m], step s at offset s·n·m.
// States run h_0 … h_T (slot s of `h` is h_s); input step s (slot s of `X`) is x_{s+1}, which makes h_{s+1}.
import { createRng, type Rng } from "../random/rng";
import type { Param } from "../layers/layer";
import { LayerBase } from "../layers/layer-base";
import { Tensor, shapeError } from "../tensor/tensor";
import { addOuterMatmulT, addRowSums } from "./kernels";

/** Options of the recurrent layers and cells. */
export interface RecurrentOptions {
  /** Seeded generator for the initial weights (default createRng(1)). */
  rng?: Rng;
  name?: string;
}

/** Named values of a recurrent layer's last forward (every entry a flat sequence tensor or a view of one). */
export type RecurrentCache = {
  /** [T, I, m]: a copy of the input; slot s holds x_{s+1}. */
  X: Tensor;
  /** [T+1, H, m]: h_0 … h_T. */
  h: Tensor;
  /** [T, H, m]: h_1 … h_T, a view of `h` (what forward returns). */
  out: Tensor;
  /** [H, m]: h_T, a view of `h` (for a read-out on the last step). */
  hT: Tensor;
  /** [T, G·H, m]: every gate's activation per step, gates stacked as PyTorch orders them (RNN: h_1 … h_T). */
  gates: Tensor;
};

/** Named gradients of a recurrent layer's last backward: per example for activations, of the mean cost for parameters. */
export type RecurrentGrads = {
  /** The gradient given to backward: [T, H, m] (a loss on every step) or [H, m] (on h_T only). */
  dOut: Tensor;
  /** [T+1, H, m]: ∂L/∂h_s in full (direct loss term plus everything flowing back from later steps); slot 0 is dh0. */
  dh: Tensor;
  /** [H, m]: ∂L/∂h_0, a view of `dh`. */
  dh0: Tensor;
  /** [T, G·H, m]: ∂L/∂(W_ih·x + b_ih) per step (for RNN and LSTM also ∂L/∂(W_hh·h + b_hh)). */
  dZ: Tensor;
  /** [T, I, m]: ∂L/∂x per step. */
  dX: Tensor;
  dW_ih: Tensor;
  dW_hh: Tensor;
  db_ih: Tensor;
  db_hh: Tensor;
};

/**
 * Where step s lies in a recurrent layer's flat buffers. The layer sets it before each stepForward and stepBackward
 * (one object, reused, so the time loops allocate nothing).
 *
 *   Hm = H·m,   ao = s·G·H·m (step s in cache.gates and grads.dZ),   prev = s·H·m (h_s),   next = prev + H·m (h_{s+1})
 *
 * @example
 *   const { Hm, ao, prev, next } = at;   // LSTM, gates i, f, g, o already squashed: c_{s+1} = f ⊙ c_s + i ⊙ g
 *   for (let k = 0; k < Hm; k++) c[next + k] = a[ao + Hm + k] * c[prev + k] + a[ao + k] * a[ao + 2 * Hm + k];
 */
export interface StepAt {
  Hm: number;
  ao: number;
  prev: number;
  next: number;
}

/**
 * The base of `RNN`, `LSTM` and `GRU`: parameters W_ih [G·H, I], W_hh [G·H, H], b_ih, b_hh [G·H, 1] (G = 1, 4, 3
 * gates stacked in PyTorch's order), the forward time loop and backpropagation through time (BPTT):
 *
 *   forward:  h_s = cell(x_s, h_{s−1})  for s = 1 … T       backward: for s = T … 1,
 *   ∂L/∂h_{s−1} = (direct loss term) + ∂h_s/∂h_{s−1}ᵀ·∂L/∂h_s;   dW = (1/m)·Σ_s dZ_s·(input of step s)ᵀ
 *
 * Same parameter layout and initialization as torch.nn.RNN/LSTM/GRU (U(−1/√H, 1/√H), drawn in the order W_ih, W_hh,
 * b_ih, b_hh), but examples are columns, the 1/m of the batch mean is in dW and db only (see `Layer`), gradients are
 * overwritten by each backward, and one layer, one direction. Buffers are made once per (T, m) and reused.
 * @example
 *   const rnn = new RNN(8, 32, { rng: createRng(1) });
 *   rnn.forward(X); rnn.backward(dhT); paramArrays(rnn);
 */
export abstract class Recurrent<C extends RecurrentCache = RecurrentCache, G extends RecurrentGrads = RecurrentGrads> extends LayerBase<
  C,
  G
> {
  /** G, the number of gates stacked in the weights: gateNames.length. */
  readonly gateCount: number;
  readonly W_ih: Tensor;
  readonly W_hh: Tensor;
  readonly b_ih: Tensor;
  readonly b_hh: Tensor;
  readonly dW_ih: Tensor;
  readonly dW_hh: Tensor;
  readonly db_ih: Tensor;
  readonly db_hh: Tensor;
  /** Steps and batch size of the last forward. */
  T = 0;
  m = 0;
  // Set by stepBackward: where ∂L/∂(W_hh·h + b_hh) of the current step lives (the same as dZ except for GRU).
  protected dahBuf: Float64Array = new Float64Array(0);
  protected dahOff = 0;
  private readonly at: StepAt = { Hm: 0, ao: 0, prev: 0, next: 0 };

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    /** Gate names in storage order (["h"], ["i", "f", "g", "o"], ["r", "z", "n"]); their count is G. */
    readonly gateNames: readonly string[],
    options: RecurrentOptions = {},
  ) {
    super(options.name ?? "");
    this.gateCount = gateNames.length;
    if (!(Number.isInteger(inputSize) && inputSize >= 1 && Number.isInteger(hiddenSize) && hiddenSize >= 1)) {
      throw new RangeError(`recurrent layer: sizes must be positive integers, got input ${inputSize}, hidden ${hiddenSize}`);
    }
    const GH = this.gateCount * hiddenSize,
      rng = options.rng ?? createRng(1),
      k = 1 / Math.sqrt(hiddenSize);
    const draw = (shape: number[]) => {
      const t = new Tensor(shape);
      for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(-k, k);
      return t;
    };
    this.W_ih = draw([GH, inputSize]);
    this.W_hh = draw([GH, hiddenSize]);
    this.b_ih = draw([GH, 1]);
    this.b_hh = draw([GH, 1]);
    this.dW_ih = new Tensor([GH, inputSize]);
    this.dW_hh = new Tensor([GH, hiddenSize]);
    this.db_ih = new Tensor([GH, 1]);
    this.db_hh = new Tensor([GH, 1]);
  }

  /** Buffers of the cell type beyond the shared ones (c_t, tanh c_t, W_hn·h + b_hn, …). */
  protected abstract allocateExtra(m: number, T: number): { cache: Omit<C, keyof RecurrentCache>; grads: Omit<G, keyof RecurrentGrads> };
  /** Writes h_{s+1} (and the gates of step s) from x_{s+1} = X slot s and h_s. */
  protected abstract stepForward(s: number, at: StepAt): void;
  /** From ∂L/∂h_{s+1} (complete in dh slot s+1), writes dZ slot s, adds any direct ∂L/∂h_s term, sets dahBuf/dahOff. */
  protected abstract stepBackward(at: StepAt): void;
  /** Called before the time loop with the initial cell state (LSTM only). */
  protected startState(c0: Tensor | undefined, m: number): void {
    if (c0 !== undefined) throw new RangeError(`${this.kind}.forward: only an LSTM takes an initial cell state c0`);
    void m;
  }
  /** Called before the backward time loop with the gradient on the last cell state (LSTM only). */
  protected startGrad(dcT: Tensor | undefined, m: number): void {
    if (dcT !== undefined) throw new RangeError(`${this.kind}.backward: only an LSTM takes a gradient on c_T`);
    void m;
  }

  // Sets `at` to step s of the current batch.
  private stepAt(s: number): StepAt {
    const at = this.at,
      Hm = this.hiddenSize * this.m;
    at.Hm = Hm;
    at.ao = s * this.gateCount * Hm;
    at.prev = s * Hm;
    at.next = at.prev + Hm;
    return at;
  }

  protected allocate(m: number, T: number): { cache: C; grads: G } {
    const I = this.inputSize,
      H = this.hiddenSize,
      GH = this.gateCount * H;
    const h = new Tensor([T + 1, H, m]);
    const out = new Tensor([T, H, m], h.data.subarray(H * m));
    const dh = new Tensor([T + 1, H, m]);
    const extra = this.allocateExtra(m, T);
    const cache = {
      X: new Tensor([T, I, m]),
      h,
      out,
      hT: new Tensor([H, m], h.data.subarray(T * H * m)),
      gates: this.gateCount === 1 ? out : new Tensor([T, GH, m]),
      ...extra.cache,
    } as C;
    const grads = {
      dOut: out,
      dh,
      dh0: new Tensor([H, m], dh.data.subarray(0, H * m)),
      dZ: new Tensor([T, GH, m]),
      dX: new Tensor([T, I, m]),
      dW_ih: this.dW_ih,
      dW_hh: this.dW_hh,
      db_ih: this.db_ih,
      db_hh: this.db_hh,
      ...extra.grads,
    } as G;
    return { cache, grads };
  }

  /**
   * Runs the layer over a sequence: X is one tensor [T, I, m] or T tensors [I, m]; h0 [H, m] defaults to zeros.
   * Returns h_1 … h_T as [T, H, m] (the layer's buffer, overwritten by the next forward).
   */
  forward(X: Tensor | readonly Tensor[], h0?: Tensor, c0?: Tensor): Tensor {
    const I = this.inputSize,
      H = this.hiddenSize,
      flat = !Array.isArray(X);
    const T = flat ? (X as Tensor).shape[0] : X.length;
    const m = flat ? (X as Tensor).shape[2] : (X as readonly Tensor[])[0]?.cols;
    if (flat) {
      const s = (X as Tensor).shape;
      if (s.length !== 3 || s[1] !== I || T < 1)
        throw shapeError(`${this.kind}.forward (X)`, s, [T, I, m], `do not fit: a sequence is [T, ${I}, m]`);
    } else if (T < 1) throw new RangeError(`${this.kind}.forward: the sequence is empty`);
    this.useBatch(m, T);
    this.T = T;
    this.m = m;
    const c = this.cache,
      x = c.X.data,
      Im = I * m;
    if (flat) x.set((X as Tensor).data);
    else {
      for (let s = 0; s < T; s++) {
        const xs = (X as readonly Tensor[])[s];
        if (xs.rows !== I || xs.cols !== m || xs.size !== Im) throw shapeError(`${this.kind}.forward (x at step ${s})`, xs.shape, [I, m]);
        x.set(xs.data, s * Im);
      }
    }
    const hd = c.h.data;
    if (h0 === undefined) hd.fill(0, 0, H * m);
    else {
      if (h0.rows !== H || h0.size !== H * m) throw shapeError(`${this.kind}.forward (h0)`, h0.shape, [H, m]);
      hd.set(h0.data);
    }
    this.startState(c0, m);
    for (let s = 0; s < T; s++) this.stepForward(s, this.stepAt(s));
    return c.out;
  }

  /**
   * Backpropagation through time from the per-example gradient on the outputs: dOut [T, H, m] (loss on every step)
   * or [H, m] (loss on h_T only). Fills grads (dW_ih, dW_hh, db_ih, db_hh of the mean cost; dX, dh per example)
   * and returns dX [T, I, m]. With `inputGrad` false, dX is skipped (left as NaN), as PyTorch skips the gradient of an
   * input that does not require it. `dcT` (LSTM only) is a gradient arriving on c_T from outside.
   */
  backward(dOut: Tensor, inputGrad = true, dcT?: Tensor): Tensor {
    const c = this.cache;
    if (c === undefined) throw new Error(`${this.kind}.backward: call forward first`);
    const I = this.inputSize,
      H = this.hiddenSize,
      GH = this.gateCount * H,
      T = this.T,
      m = this.m,
      Hm = H * m,
      Im = I * m;
    const g = this.grads,
      dh = g.dh.data;
    dh.fill(0);
    if (dOut.shape.length === 3 && dOut.shape[0] === T && dOut.shape[1] === H && dOut.shape[2] === m) dh.set(dOut.data, Hm);
    else if (dOut.shape.length === 2 && dOut.rows === H && dOut.cols === m) dh.set(dOut.data, T * Hm);
    else
      throw shapeError(
        `${this.kind}.backward (dOut)`,
        dOut.shape,
        [T, H, m],
        `do not fit: give [${T}, ${H}, ${m}] or [${H}, ${m}] (last step)`,
      );
    g.dOut = dOut;
    this.startGrad(dcT, m);
    const dW_ih = this.dW_ih.data,
      dW_hh = this.dW_hh.data,
      db_ih = this.db_ih.data,
      db_hh = this.db_hh.data;
    dW_ih.fill(0);
    dW_hh.fill(0);
    db_ih.fill(0);
    db_hh.fill(0);
    const W_ih = this.W_ih.data,
      W_hh = this.W_hh.data,
      x = c.X.data,
      h = c.h.data,
      dZ = g.dZ.data,
      dX = g.dX.data;
    dX.fill(inputGrad ? 0 : NaN);
    for (let s = T - 1; s >= 0; s--) {
      this.stepBackward(this.stepAt(s));
      const zo = s * GH * m,
        dah = this.dahBuf,
        ao = this.dahOff;
      // dW_ih += dZ_s·x_sᵀ and (when asked) dx_s = W_ihᵀ·dZ_s
      addOuterMatmulT(dW_ih, inputGrad ? dX : null, s * Im, W_ih, dZ, zo, x, s * Im, GH, I, m);
      addRowSums(db_ih, dZ, zo, GH, m);
      // dW_hh += dA_h·h_sᵀ (the state this step read) and ∂L/∂h_s += W_hhᵀ·dA_h
      addOuterMatmulT(dW_hh, dh, s * Hm, W_hh, dah, ao, h, s * Hm, GH, H, m);
      addRowSums(db_hh, dah, ao, GH, m);
    }
    // NOTE: the 1/m of the batch mean enters the parameter gradients only (dX and dh stay per example).
    const inv = 1 / m;
    for (let i = 0; i < dW_ih.length; i++) dW_ih[i] *= inv;
    for (let i = 0; i < dW_hh.length; i++) dW_hh[i] *= inv;
    for (let i = 0; i < db_ih.length; i++) db_ih[i] *= inv;
    for (let i = 0; i < db_hh.length; i++) db_hh[i] *= inv;
    return g.dX;
  }

  /** W_ih, W_hh (decayed) and b_ih, b_hh (not decayed), named `<layer>.W_ih` …, in PyTorch's order. */
  params(): Param[] {
    return [
      this.param("W_ih", this.W_ih, this.dW_ih, true),
      this.param("W_hh", this.W_hh, this.dW_hh, true),
      this.param("b_ih", this.b_ih, this.db_ih, false),
      this.param("b_hh", this.b_hh, this.db_hh, false),
    ];
  }

  /** One gate's activations at step t (1 … T) as an [H, m] view, by name ("i", "f", "g", "o", "r", "z", "n", or "h"). */
  gate(name: string, t: number): Tensor {
    const k = this.gateNames.indexOf(name);
    if (k < 0) throw new RangeError(`${this.kind}.gate: no gate '${name}' (gates: ${this.gateNames.join(", ")})`);
    if (!(Number.isInteger(t) && t >= 1 && t <= this.T)) throw new RangeError(`${this.kind}.gate: step ${t} is outside 1…${this.T}`);
    const H = this.hiddenSize,
      m = this.m,
      off = ((t - 1) * this.gateCount + k) * H * m;
    return new Tensor([H, m], this.cache.gates.data.subarray(off, off + H * m));
  }
}
