import { Tensor, shapeError } from "../tensor/tensor";
import type { Layer, Param } from "./layer";
import { LayerBase } from "./layer-base";
import { nameLayers, type ContainerGrads } from "./sequential";

/** Named values of a residual block's last forward: input x, branch output F(x), output A = x + F(x). */
export type ResidualCache = { A_prev: Tensor; F: Tensor; A: Tensor };

/**
 * A residual block: the input skips around a branch F (a sequence of layers) and is added back.
 *
 *   y = x + F(x),   ∂J/∂x = ∂J/∂y + (∂F/∂x)ᵀ·∂J/∂y      (the identity path keeps the gradient from vanishing)
 *
 * F must map its input to the same shape. As a ResNet block without the final activation.
 * @example
 *   const block = new Residual([new Dense(8, 8, { activation: "relu" }), new Dense(8, 8)]);
 *   block.forward(A); block.backward(dA);
 */
export class Residual extends LayerBase<ResidualCache, ContainerGrads> {
  readonly kind = "residual";
  readonly layers: readonly Layer[];

  constructor(layers: readonly Layer[], name = "") {
    super(name);
    if (layers.length === 0) throw new RangeError("Residual: the branch F needs at least one layer");
    this.layers = [...layers];
    nameLayers(this.layers);
  }

  protected allocate(m: number, n: number) {
    const A = new Tensor([n, m]),
      dA_prev = new Tensor([n, m]);
    return { cache: { A_prev: A, F: A, A }, grads: { dA: dA_prev, dA_prev } };
  }

  children(): readonly Layer[] {
    return this.layers;
  }

  forward(X: Tensor): Tensor {
    let F = X;
    for (let l = 0; l < this.layers.length; l++) F = this.layers[l].forward(F);
    if (F.size !== X.size || F.rows !== X.rows) throw shapeError("Residual.forward (x + F(x))", X.shape, F.shape, "do not match");
    this.useBatch(X.cols, X.rows);
    const c = this.cache,
      x = X.data,
      f = F.data,
      y = c.A.data;
    c.A_prev = X;
    c.F = F;
    for (let i = 0; i < y.length; i++) y[i] = x[i] + f[i];
    return c.A;
  }

  backward(dA: Tensor): Tensor {
    if (this.cache === undefined) throw new Error("Residual.backward: call forward first");
    let d = dA;
    for (let l = this.layers.length - 1; l >= 0; l--) d = this.layers[l].backward(d);
    const g = this.grads,
      out = g.dA_prev.data,
      a = dA.data,
      b = d.data;
    g.dA = dA;
    for (let i = 0; i < out.length; i++) out[i] = a[i] + b[i];
    return g.dA_prev;
  }

  /** The branch's parameters, named `<block>.<layer>.<param>`. */
  params(): Param[] {
    const prefix = this.name ? `${this.name}.` : "";
    return this.layers.flatMap((l) => l.params()).map((p) => ({ ...p, name: prefix + p.name }));
  }
}
