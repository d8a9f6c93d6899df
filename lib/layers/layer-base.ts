import type { Tensor } from "../tensor/tensor";
import type { Layer, Param } from "./layer";

/**
 * The shared plumbing of the engine's layers: modes, naming, and per-batch-size buffers.
 * Buffers are made by `allocate(m)` the first time a batch of m examples arrives and reused afterwards, so a
 * training step allocates nothing once each batch size has been seen (two sizes, e.g. train and eval, both stay cached).
 *
 * @example
 *   class Square extends LayerBase<{ A: Tensor }, { dA_prev: Tensor }> { … }
 *   layer.train(); layer.eval(); layer.freeze();
 */
export abstract class LayerBase<C extends Record<string, Tensor>, G extends Record<string, Tensor>> implements Layer {
  abstract readonly kind: string;
  name: string;
  training = true;
  frozen = false;
  /** The named values of the last forward; undefined until the first forward. */
  cache!: C;
  /** The named gradients of the last backward; undefined until the first backward. */
  grads!: G;
  private readonly byBatch = new Map<number, { cache: C; grads: G }>();

  constructor(name = "") {
    this.name = name;
  }

  abstract forward(A_prev: Tensor): Tensor;
  abstract backward(dA: Tensor, inputGrad?: boolean): Tensor;

  params(): Param[] {
    return [];
  }

  children(): readonly Layer[] {
    return [];
  }

  train(on = true): this {
    this.training = on;
    for (const c of this.children()) c.train(on);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  freeze(on = true): this {
    this.frozen = on;
    for (const c of this.children()) c.freeze(on);
    return this;
  }

  /** Makes the cache and gradient buffers for a batch of m examples of width n (called once per shape). */
  protected abstract allocate(m: number, n: number): { cache: C; grads: G };

  /**
   * Points `cache` and `grads` at the buffers for m examples (of width n, for layers whose width comes from
   * their input), allocating them on first use.
   */
  protected useBatch(m: number, n = 0): void {
    const key = n * 2097152 + m; // NOTE: a number key (no string building), unique while m < 2²¹
    let b = this.byBatch.get(key);
    if (b === undefined) {
      b = this.allocate(m, n);
      this.byBatch.set(key, b);
    }
    this.cache = b.cache;
    this.grads = b.grads;
  }

  /** A Param entry over a tensor and its gradient, named `<layer>.<key>`. */
  protected param(key: string, value: Tensor, grad: Tensor, decay: boolean): Param {
    return { name: this.name ? `${this.name}.${key}` : key, value: value.data, grad: grad.data, decay, shape: value.shape };
  }
}
