import { xavierUniform } from "../init/xavier";
import type { Param } from "../layers/layer";
import { LayerBase } from "../layers/layer-base";
import { createRng, type Rng } from "../random/rng";
import { Tensor, shapeError } from "../tensor/tensor";
import { addMatmul, addOuterMatmulT, addRowSums, fillBias } from "./kernels";

/** Named values of a SequenceDense's last forward: the input states and the outputs, both sequences. */
export type SequenceDenseCache = { H: Tensor; Y: Tensor };
/** Named gradients of a SequenceDense's last backward (dY and dH per example; dW, db of the mean cost). */
export type SequenceDenseGrads = { dY: Tensor; dH: Tensor; dW: Tensor; db: Tensor };

/**
 * A linear read-out applied at every step of a sequence with one shared W and b (the y_t of an RNN):
 *
 *   y_t = W·h_t + b            H [T, n_in, m] → Y [T, n_out, m],   W [n_out, n_in], b [n_out, 1]
 *   backward: dW = (1/m)·Σ_t dy_t·h_tᵀ,  db = (1/m)·Σ_t Σ_j dy_t[:, j],  dh_t = Wᵀ·dy_t
 *
 * As torch.nn.Linear on a (T, m, n_in) tensor, with examples as columns; Xavier-uniform W and zero b like `Dense`.
 * For a loss on the last step only, use a `Dense` on `rnn.cache.hT` instead.
 * @example
 *   const readout = new SequenceDense(16, 1, { rng: createRng(2) });
 *   const Y = readout.forward(rnn.forward(X)); rnn.backward(readout.backward(dY));
 */
export class SequenceDense extends LayerBase<SequenceDenseCache, SequenceDenseGrads> {
  readonly kind = "sequenceDense";
  readonly W: Tensor;
  readonly b: Tensor;
  readonly dW: Tensor;
  readonly db: Tensor;

  constructor(
    readonly nIn: number,
    readonly nOut: number,
    options: { rng?: Rng; name?: string } = {},
  ) {
    super(options.name ?? "");
    this.W = xavierUniform(options.rng ?? createRng(1), nOut, nIn);
    this.b = new Tensor([nOut, 1]);
    this.dW = new Tensor([nOut, nIn]);
    this.db = new Tensor([nOut, 1]);
  }

  protected allocate(m: number, T: number) {
    const Y = new Tensor([T, this.nOut, m]);
    return { cache: { H: Y, Y }, grads: { dY: Y, dH: new Tensor([T, this.nIn, m]), dW: this.dW, db: this.db } };
  }

  forward(H: Tensor): Tensor {
    const s = H.shape;
    if (s.length !== 3 || s[1] !== this.nIn)
      throw shapeError(
        `SequenceDense(${this.nIn}→${this.nOut}).forward`,
        s,
        [s[0], this.nIn, s[2]],
        `do not fit: a sequence is [T, ${this.nIn}, m]`,
      );
    const T = s[0],
      m = s[2],
      n = this.nOut,
      k = this.nIn;
    this.useBatch(m, T);
    const c = this.cache,
      y = c.Y.data;
    c.H = H;
    for (let t = 0; t < T; t++) {
      fillBias(y, t * n * m, this.b.data, null, n, m);
      addMatmul(y, t * n * m, this.W.data, H.data, t * k * m, n, k, m);
    }
    return c.Y;
  }

  backward(dY: Tensor): Tensor {
    const c = this.cache;
    if (c === undefined) throw new Error("SequenceDense.backward: call forward first");
    if (dY.size !== c.Y.size || dY.shape.length !== 3)
      throw shapeError("SequenceDense.backward", c.Y.shape, dY.shape, "(Y and dY) do not match");
    const g = this.grads,
      T = c.Y.shape[0],
      m = c.Y.shape[2],
      n = this.nOut,
      k = this.nIn;
    const dW = this.dW.data,
      db = this.db.data,
      dH = g.dH.data;
    g.dY = dY;
    dW.fill(0);
    db.fill(0);
    dH.fill(0);
    for (let t = 0; t < T; t++) {
      addOuterMatmulT(dW, dH, t * k * m, this.W.data, dY.data, t * n * m, c.H.data, t * k * m, n, k, m);
      addRowSums(db, dY.data, t * n * m, n, m);
    }
    const inv = 1 / m;
    for (let i = 0; i < dW.length; i++) dW[i] *= inv;
    for (let i = 0; i < db.length; i++) db[i] *= inv;
    return g.dH;
  }

  /** W (decayed) and b (not decayed), named `<layer>.W` and `<layer>.b`. */
  params(): Param[] {
    return [this.param("W", this.W, this.dW, true), this.param("b", this.b, this.db, false)];
  }
}
