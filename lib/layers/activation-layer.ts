import { activations, type Activation, type ActivationName } from "../activations";
import { activateInto, activationBackwardInto } from "../activations/apply";
import { Tensor } from "../tensor/tensor";
import { LayerBase } from "./layer-base";

/** Named values of an activation layer's last forward: its input Z and output A. */
export type ActivationCache = { Z: Tensor; A: Tensor };
/** Named gradients of an activation layer's last backward (per example). */
export type ActivationGrads = { dA: Tensor; dZ: Tensor };

/**
 * An activation on its own, for stacks such as Dense → BatchNorm → ActivationLayer (torch.nn.ReLU() and friends).
 *
 *   forward: A = g(Z);  backward: dZ = dA ⊙ g′(Z)      (dZ is what it returns as dA_prev)
 *
 * @example
 *   const act = new ActivationLayer("relu");
 *   act.forward(Z); act.backward(dA);   // act.grads.dZ
 */
export class ActivationLayer extends LayerBase<ActivationCache, ActivationGrads> {
  readonly kind = "activation";
  readonly activation: Activation;

  constructor(activation: Activation | ActivationName, name = "") {
    super(name);
    this.activation = typeof activation === "string" ? activations[activation] : activation;
    if (!this.activation) throw new RangeError(`ActivationLayer: unknown activation '${String(activation)}'`);
  }

  protected allocate(m: number, n: number) {
    const Z = new Tensor([n, m]),
      dZ = new Tensor([n, m]);
    return { cache: { Z, A: new Tensor([n, m]) }, grads: { dA: dZ, dZ } };
  }

  forward(Z: Tensor): Tensor {
    this.useBatch(Z.cols, Z.rows);
    this.cache.Z = Z;
    return activateInto(this.activation, Z, this.cache.A);
  }

  backward(dA: Tensor): Tensor {
    if (this.cache === undefined) throw new Error("ActivationLayer.backward: call forward first");
    this.grads.dA = dA;
    return activationBackwardInto(this.activation, this.cache.Z, this.cache.A, dA, this.grads.dZ);
  }
}
