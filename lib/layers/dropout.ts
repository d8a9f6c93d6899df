import { createRng, type Rng } from "../random/rng";
import { Tensor, shapeError } from "../tensor/tensor";
import { LayerBase } from "./layer-base";

/** Named values of a dropout layer's last forward: the input, the 0/1 keep mask r, and the output. */
export type DropoutCache = { A_prev: Tensor; mask: Tensor; A: Tensor };
/** Named gradients of a dropout layer's last backward (per example). */
export type DropoutGrads = { dA: Tensor; dA_prev: Tensor };

/**
 * Inverted dropout: in training each unit is zeroed independently with probability p and survivors are scaled by
 * 1/(1 − p), so evaluation needs no rescaling and is the identity.
 *
 *   train: r_ij ~ Bernoulli(1 − p),  A = r ⊙ A_prev / (1 − p),  dA_prev = r ⊙ dA / (1 − p)
 *   eval:  A = A_prev,  dA_prev = dA
 *
 * As torch.nn.Dropout(p), with masks drawn from the layer's seeded generator (same seed, same masks); a fresh mask
 * per example per forward, unless `frozen`, which reuses the last one.
 * @example
 *   const drop = new Dropout(0.5, { rng: createRng(7) });
 *   drop.forward(A); drop.cache.mask;   // 0/1 entries
 */
export class Dropout extends LayerBase<DropoutCache, DropoutGrads> {
  readonly kind = "dropout";
  readonly rng: Rng;

  constructor(
    readonly p = 0.5,
    options: { rng?: Rng; name?: string } = {},
  ) {
    super(options.name ?? "");
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Dropout: p must be in [0, 1], got ${p}`);
    this.rng = options.rng ?? createRng(1);
  }

  protected allocate(m: number, n: number) {
    const A = new Tensor([n, m]),
      dA_prev = new Tensor([n, m]);
    return { cache: { A_prev: A, mask: new Tensor([n, m]), A }, grads: { dA: dA_prev, dA_prev } };
  }

  /** The factor kept units are multiplied by: 1/(1 − p), or 0 when p = 1 (everything dropped). */
  get keepScale(): number {
    return this.p === 1 ? 0 : 1 / (1 - this.p);
  }

  forward(A_prev: Tensor): Tensor {
    if (!this.training) return A_prev;
    const fresh = !this.frozen || this.cache === undefined || this.cache.mask.size !== A_prev.size || this.cache.mask.rows !== A_prev.rows;
    this.useBatch(A_prev.cols, A_prev.rows);
    const c = this.cache,
      r = c.mask.data,
      a = A_prev.data,
      out = c.A.data,
      s = this.keepScale,
      keep = 1 - this.p;
    c.A_prev = A_prev;
    if (fresh) {
      this.rng.fill(r); // uniforms, then thresholded: r_ij = 1 with probability 1 − p
      for (let i = 0; i < r.length; i++) r[i] = r[i] < keep ? 1 : 0;
    }
    for (let i = 0; i < r.length; i++) out[i] = r[i] * a[i] * s;
    return c.A;
  }

  backward(dA: Tensor): Tensor {
    if (!this.training) return dA;
    const c = this.cache;
    if (c === undefined) throw new Error("Dropout.backward: call forward first");
    if (dA.size !== c.A.size) throw shapeError("Dropout.backward", c.A.shape, dA.shape, "(A and dA) do not match");
    const g = this.grads,
      r = c.mask.data,
      d = dA.data,
      out = g.dA_prev.data,
      s = this.keepScale;
    g.dA = dA;
    for (let i = 0; i < r.length; i++) out[i] = r[i] * d[i] * s;
    return g.dA_prev;
  }
}
