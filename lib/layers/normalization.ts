import { Tensor, shapeError } from "../tensor/tensor";
import type { Param } from "./layer";
import { LayerBase } from "./layer-base";
import { type NormAxis, NormLayout, momentsInto, normalizeBackwardInto, normalizeInto } from "./normalize";

/** Named values of a normalization layer's last forward: mu, var, invStd hold one entry per group ([n, 1] or [1, m]). */
export type NormalizationCache = { A_prev: Tensor; mu: Tensor; var: Tensor; invStd: Tensor; xHat: Tensor; A: Tensor };
/** Named gradients of a normalization layer's last backward (dA, dA_prev per example; dgamma, dbeta of the mean cost). */
export type NormalizationGrads = { dA: Tensor; dgamma: Tensor; dbeta: Tensor; dA_prev: Tensor };

/**
 * The base of `BatchNorm` and `LayerNorm`: a learnable per-feature scale γ (ones) and shift β (zeros), and the forward
 * and backward of a standardization over one axis (`over`), with ε inside the square root:
 *
 *   x̂ = (x − μ)/√(σ² + ε),   A = γ ⊙ x̂ + β        (μ, σ² per feature over the batch, or per example over the features)
 *
 * As PyTorch's normalization layers with affine=True, but features are rows; a subclass chooses μ and σ² through
 * `statistics` (the batch's own moments by default).
 * @example
 *   class BatchNorm extends Normalization<BatchNormCache> { … }   // over: "batch"
 *   layer.gamma; layer.params();                                 // γ and β, never decayed
 */
export abstract class Normalization<C extends NormalizationCache = NormalizationCache> extends LayerBase<C, NormalizationGrads> {
  readonly gamma: Tensor;
  readonly beta: Tensor;
  readonly dgamma: Tensor;
  readonly dbeta: Tensor;
  readonly eps: number;
  /** Where the groups lie for the current batch size (reset by forward and backward). */
  protected readonly layout: NormLayout;

  constructor(
    readonly n: number,
    /** The axis averaged over: "batch" (one μ, σ² per feature) or "features" (one per example). */
    readonly over: NormAxis,
    options: { eps?: number; name?: string },
  ) {
    super(options.name ?? "");
    this.eps = options.eps ?? 1e-5;
    this.layout = new NormLayout(over);
    this.gamma = Tensor.full([n, 1], 1);
    this.beta = new Tensor([n, 1]);
    this.dgamma = new Tensor([n, 1]);
    this.dbeta = new Tensor([n, 1]);
  }

  /** The label of error messages ("BatchNorm", "LayerNorm"). */
  protected abstract readonly label: string;

  /** Buffers of the subclass beyond the shared ones, for a batch of m examples (none by default). */
  protected allocateExtra(m: number): Omit<C, keyof NormalizationCache> {
    void m;
    return {} as Omit<C, keyof NormalizationCache>;
  }

  protected allocate(m: number) {
    const n = this.n,
      A = new Tensor([n, m]),
      perGroup = () => (this.over === "batch" ? new Tensor([n, 1]) : new Tensor([1, m]));
    const cache = { A_prev: A, mu: perGroup(), var: perGroup(), invStd: perGroup(), xHat: new Tensor([n, m]), A, ...this.allocateExtra(m) };
    return { cache: cache as C, grads: { dA: A, dgamma: this.dgamma, dbeta: this.dbeta, dA_prev: new Tensor([n, m]) } };
  }

  /** Fills cache.mu and cache.var for the input x (laid out as L): by default the moments of the batch itself. */
  protected statistics(x: Float64Array, L: NormLayout): void {
    momentsInto(x, L, this.cache.mu.data, this.cache.var.data, null);
  }

  /** Whether μ and σ² depend on the input, so that backward follows them too (false for BatchNorm in eval mode). */
  protected statsFromInput(): boolean {
    return true;
  }

  forward(A_prev: Tensor): Tensor {
    const n = this.n,
      m = A_prev.cols;
    if (A_prev.rows !== n) throw shapeError(`${this.label}.forward`, [n, m], A_prev.shape, `do not match: expected ${n} features (rows)`);
    this.useBatch(m);
    const c = this.cache,
      L = this.layout.of(n, m);
    c.A_prev = A_prev;
    this.statistics(A_prev.data, L);
    normalizeInto(A_prev.data, L, c.mu.data, c.var.data, this.eps, c.invStd.data, c.xHat.data, c.A.data, this.gamma.data, this.beta.data);
    return c.A;
  }

  backward(dA: Tensor): Tensor {
    const c = this.cache;
    if (c === undefined) throw new Error(`${this.label}.backward: call forward first`);
    if (dA.size !== c.A.size || dA.rows !== this.n)
      throw shapeError(`${this.label}.backward`, c.A.shape, dA.shape, "(A and dA) do not match");
    const gr = this.grads;
    gr.dA = dA;
    normalizeBackwardInto(
      dA.data,
      c.xHat.data,
      this.gamma.data,
      c.invStd.data,
      this.layout.of(this.n, c.A.cols),
      this.statsFromInput(),
      gr.dA_prev.data,
      this.dgamma.data,
      this.dbeta.data,
    );
    return gr.dA_prev;
  }

  /** gamma and beta, never decayed. */
  params(): Param[] {
    return [this.param("gamma", this.gamma, this.dgamma, false), this.param("beta", this.beta, this.dbeta, false)];
  }
}
