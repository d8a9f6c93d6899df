import { Tensor } from "../tensor/tensor";
import type { Layer, Param } from "./layer";
import { LayerBase } from "./layer-base";

/** Named values of a container's last forward: its input and output. */
export type ContainerCache = { A_prev: Tensor; A: Tensor };
/** Named gradients of a container's last backward: the incoming dA and the outgoing dA_prev. */
export type ContainerGrads = { dA: Tensor; dA_prev: Tensor };

const EMPTY = new Tensor([0, 0]);

/**
 * Gives unnamed layers a name from their kind and position among layers of that kind: dense1, dense2, dropout1, …
 * @example
 *   nameLayers([new Dense(3, 4), new Dense(4, 1)]);   // names them dense1, dense2
 *   nameLayers([new Dense(3, 4, { name: "hidden" })]);  // keeps "hidden"
 */
export function nameLayers(layers: readonly Layer[]): void {
  const counts = new Map<string, number>();
  for (const layer of layers) {
    const k = (counts.get(layer.kind) ?? 0) + 1;
    counts.set(layer.kind, k);
    if (!layer.name) layer.name = `${layer.kind}${k}`;
  }
}

/**
 * A model as a list of layers applied in order; backward runs them in reverse (right to left, as backprop).
 *
 *   A⁽⁰⁾ = X,  A⁽ˡ⁾ = layer_l(A⁽ˡ⁻¹⁾);  dA⁽ˡ⁻¹⁾ = layer_l.backward(dA⁽ˡ⁾)
 *
 * As torch.nn.Sequential. `layers[0]` is the course's layer 1; unnamed layers are named dense1, dense2, …
 * @example
 *   const model = new Sequential([new Dense(3, 4, { activation: "relu" }), new Dense(4, 1, { activation: "sigmoid" })]);
 *   model.forward(X); model.layers[0].cache.A;   // A⁽¹⁾
 */
export class Sequential extends LayerBase<ContainerCache, ContainerGrads> {
  readonly kind: string = "sequential";
  readonly layers: readonly Layer[];
  private paramList?: Param[];

  constructor(layers: readonly Layer[], name = "") {
    super(name);
    this.layers = [...layers];
    nameLayers(this.layers);
    this.cache = { A_prev: EMPTY, A: EMPTY };
    this.grads = { dA: EMPTY, dA_prev: EMPTY };
  }

  protected allocate() {
    return { cache: this.cache, grads: this.grads };
  }

  children(): readonly Layer[] {
    return this.layers;
  }

  forward(X: Tensor): Tensor {
    let A = X;
    for (let l = 0; l < this.layers.length; l++) A = this.layers[l].forward(A);
    this.cache.A_prev = X;
    this.cache.A = A;
    return A;
  }

  backward(dA: Tensor, inputGrad = true): Tensor {
    let d = dA;
    for (let l = this.layers.length - 1; l >= 0; l--) d = this.layers[l].backward(d, l > 0 || inputGrad);
    this.grads.dA = dA;
    this.grads.dA_prev = d;
    return d;
  }

  /** Every layer's parameters in order (W1, b1, W2, b2, …), listed once and then reused. */
  params(): Param[] {
    if (!this.paramList) {
      const prefix = this.name ? `${this.name}.` : "";
      this.paramList = this.layers.flatMap((l) => l.params()).map((p) => ({ ...p, name: prefix + p.name }));
    }
    return this.paramList;
  }

  /** The layer with a given name (e.g. "dense2"), for widgets. */
  layer(name: string): Layer | undefined {
    return this.layers.find((l) => l.name === name);
  }
}
