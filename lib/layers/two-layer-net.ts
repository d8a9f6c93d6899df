import type { Activation, ActivationName } from "../activations";
import { losses, type Loss } from "../losses";
import { Tensor } from "../tensor/tensor";
import { mlp } from "./mlp";
import type { Dense } from "./dense";
import type { Sequential } from "./sequential";

/** Options of `TwoLayerNet`: widths (default the 3-4-1 house network), activations, loss and seed. */
export interface TwoLayerNetOptions {
  nx?: number;
  nh?: number;
  ny?: number;
  hidden?: Activation | ActivationName;
  output?: Activation | ActivationName;
  /** Default: bce after a sigmoid output, the course's halfMse otherwise. */
  loss?: Loss;
  seed?: number;
}

/**
 * The two-layer network of chapters 2–3 with every quantity under its course name (1 = hidden layer, 2 = output layer).
 *
 *   Z1 = W1·X + b1, A1 = g1(Z1), Z2 = W2·A1 + b2, A2 = g2(Z2) = Ŷ
 *   dA2 (from the loss), dZ2 = dA2 ⊙ g2′(Z2), dW2 = (1/m)dZ2·A1ᵀ, db2 = (1/m)Σ dZ2, dA1 = W2ᵀdZ2, dZ1 = dA1 ⊙ g1′(Z1), dW1, db1
 *
 * With a sigmoid output and bce, dZ2 comes out as A2 − Y. Values are live views of the layers' buffers.
 * @example
 *   const net = new TwoLayerNet({ seed: 42 });   // 3-4-1, ReLU then sigmoid, bce
 *   net.forward(X); net.backward(Y); net.dW1;
 */
export class TwoLayerNet {
  readonly model: Sequential;
  readonly loss: Loss;
  /** The cost J of the last backward. */
  J = NaN;
  private dA2Buffer = new Tensor([0, 0]);

  constructor(options: TwoLayerNetOptions = {}) {
    const output = options.output ?? "sigmoid";
    this.model = mlp([options.nx ?? 3, options.nh ?? 4, options.ny ?? 1], {
      hidden: options.hidden ?? "relu",
      output,
      seed: options.seed ?? 1,
    });
    const outName = typeof output === "string" ? output : output.name;
    this.loss = options.loss ?? (outName === "sigmoid" ? losses.bce : losses.halfMse);
  }

  private get l1(): Dense {
    return this.model.layers[0] as Dense;
  }
  private get l2(): Dense {
    return this.model.layers[1] as Dense;
  }

  /** Runs the forward pass on X [nx, m] and returns A2. */
  forward(X: Tensor): Tensor {
    return this.model.forward(X);
  }

  /** Computes J and dA2 from the targets Y [ny, m] with the network's loss, then backpropagates; returns J. */
  backward(Y: Tensor): number {
    const A2 = this.A2;
    if (this.dA2Buffer.size !== A2.size) this.dA2Buffer = new Tensor(A2.shape);
    this.J = this.loss.computeInto(this.dA2Buffer, A2, Y);
    this.model.backward(this.dA2Buffer);
    return this.J;
  }

  get W1() {
    return this.l1.W;
  }
  get b1() {
    return this.l1.b;
  }
  get W2() {
    return this.l2.W;
  }
  get b2() {
    return this.l2.b;
  }
  get X() {
    return this.l1.cache.A_prev;
  }
  get Z1() {
    return this.l1.cache.Z;
  }
  get A1() {
    return this.l1.cache.A;
  }
  get Z2() {
    return this.l2.cache.Z;
  }
  get A2() {
    return this.l2.cache.A;
  }
  get dA2() {
    return this.l2.grads.dA;
  }
  get dZ2() {
    return this.l2.grads.dZ;
  }
  get dW2() {
    return this.l2.grads.dW;
  }
  get db2() {
    return this.l2.grads.db;
  }
  get dA1() {
    return this.l2.grads.dA_prev;
  }
  get dZ1() {
    return this.l1.grads.dZ;
  }
  get dW1() {
    return this.l1.grads.dW;
  }
  get db1() {
    return this.l1.grads.db;
  }
}
