import { activations, type Activation, type ActivationName } from "../activations";
import { activateInto, activationBackwardInto } from "../activations/apply";
import { initializers, type Initializer, type InitializerName } from "../init";
import { createRng, type Rng } from "../random/rng";
import { affineInto } from "../tensor/affine";
import { matmulInto } from "../tensor/matmul";
import { sumColumnsInto } from "../tensor/reduce";
import { Tensor, shapeError } from "../tensor/tensor";
import type { Param } from "./layer";
import { LayerBase } from "./layer-base";

/** Named values of a Dense layer's last forward. */
export type DenseCache = { A_prev: Tensor; Z: Tensor; A: Tensor };
/** Named gradients of a Dense layer's last backward (dA, dZ, dA_prev per example; dW, db of the mean cost). */
export type DenseGrads = { dA: Tensor; dZ: Tensor; dW: Tensor; db: Tensor; dA_prev: Tensor };

/** Options of a Dense layer. */
export interface DenseOptions {
  /** g in A = g(Z); default linear. */
  activation?: Activation | ActivationName;
  /** Weight initializer; default heNormal before ReLU-like activations, xavierUniform otherwise. Biases start at 0. */
  init?: InitializerName | Initializer;
  /** Seeded generator for the initial weights (default createRng(1)). */
  rng?: Rng;
  name?: string;
}

/**
 * A fully connected layer l with its activation, as the chapters draw it (examples are columns):
 *
 *   forward:  Z = W·A_prev + b,  A = g(Z)                 W [n_out, n_in], b [n_out, 1]
 *   backward: dZ = dA ⊙ g′(Z),  dW = (1/m)·dZ·A_prevᵀ,  db = (1/m)·Σ_j dZ[:, j],  dA_prev = Wᵀ·dZ
 *
 * dA, dZ, dA_prev are per example and dW, db are gradients of the mean cost (see `Layer`). Differs from torch.nn.Linear:
 * W·A_prev instead of x·Wᵀ, the activation is part of the layer, and the default initialization is He/Xavier with zero bias.
 * @example
 *   const layer = new Dense(3, 4, { activation: "relu", rng: createRng(42) });
 *   layer.forward(X); layer.backward(dA); layer.grads.dW;
 */
export class Dense extends LayerBase<DenseCache, DenseGrads> {
  readonly kind = "dense";
  readonly W: Tensor;
  readonly b: Tensor;
  readonly dW: Tensor;
  readonly db: Tensor;
  readonly activation: Activation;

  constructor(
    readonly nIn: number,
    readonly nOut: number,
    options: DenseOptions = {},
  ) {
    super(options.name ?? "");
    const act = options.activation ?? "linear";
    this.activation = typeof act === "string" ? activations[act] : act;
    if (!this.activation) throw new RangeError(`Dense: unknown activation '${String(act)}'`);
    const initName = options.init ?? (this.activation.init === "he" ? "heNormal" : "xavierUniform");
    const init = typeof initName === "string" ? initializers[initName] : initName;
    if (!init) throw new RangeError(`Dense: unknown initializer '${String(initName)}'`);
    this.W = init(options.rng ?? createRng(1), nOut, nIn);
    this.b = new Tensor([nOut, 1]);
    this.dW = new Tensor([nOut, nIn]);
    this.db = new Tensor([nOut, 1]);
  }

  protected allocate(m: number) {
    const Z = new Tensor([this.nOut, m]);
    const A = this.activation.name === "linear" ? Z : new Tensor([this.nOut, m]);
    const dZ = new Tensor([this.nOut, m]);
    return {
      cache: { A_prev: Z, Z, A },
      grads: { dA: dZ, dZ, dW: this.dW, db: this.db, dA_prev: new Tensor([this.nIn, m]) },
    };
  }

  forward(A_prev: Tensor): Tensor {
    if (A_prev.rows !== this.nIn)
      throw shapeError(
        `Dense(${this.nIn}→${this.nOut}).forward`,
        this.W.shape,
        A_prev.shape,
        `do not chain: A_prev needs ${this.nIn} rows`,
      );
    this.useBatch(A_prev.cols);
    const c = this.cache;
    c.A_prev = A_prev;
    affineInto(c.Z, this.W, A_prev, this.b);
    if (c.A !== c.Z) activateInto(this.activation, c.Z, c.A);
    return c.A;
  }

  backward(dA: Tensor, inputGrad = true): Tensor {
    const c = this.cache;
    if (c === undefined) throw new Error("Dense.backward: call forward first");
    if (dA.size !== c.A.size || dA.rows !== this.nOut) throw shapeError("Dense.backward", c.A.shape, dA.shape, "(A and dA) do not match");
    const g = this.grads,
      m = c.Z.cols;
    g.dA = dA;
    activationBackwardInto(this.activation, c.Z, c.A, dA, g.dZ);
    matmulInto(g.dW, g.dZ, c.A_prev, false, true); // dW = dZ·A_prevᵀ, then ·(1/m) below
    sumColumnsInto(g.db, g.dZ); // db = Σ_j dZ[:, j], then ·(1/m) below
    // NOTE: the 1/m is applied here rather than passed as an argument: a non-integer number argument is boxed
    // (a small heap allocation) on every call, and a training step should allocate nothing.
    const inv = 1 / m,
      dW = g.dW.data,
      db = g.db.data;
    for (let i = 0; i < dW.length; i++) dW[i] *= inv;
    for (let i = 0; i < db.length; i++) db[i] *= inv;
    // NOTE: skipping dA_prev for the first layer saves a third of a big layer's backward; NaN marks it unset.
    if (inputGrad)
      matmulInto(g.dA_prev, this.W, g.dZ, true, false); // dA_prev = Wᵀ·dZ (per example: no 1/m)
    else g.dA_prev.data.fill(NaN);
    return g.dA_prev;
  }

  /** W (decayed) and b (not decayed), named `<layer>.W` and `<layer>.b`. */
  params(): Param[] {
    return [this.param("W", this.W, this.dW, true), this.param("b", this.b, this.db, false)];
  }
}
