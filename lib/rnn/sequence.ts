import { Tensor, shapeError } from "../tensor/tensor";

// A sequence is ONE flat Tensor of shape [T, n, m]: step t is the n×m matrix (examples as columns) stored at
// offset t·n·m. The time loops then address any step by an offset, with no object per step; per-step Tensor
// views (which share the buffer) are made once per sequence and cached, for widgets and per-step losses.

const viewCache = new WeakMap<Tensor, readonly Tensor[]>();

/**
 * Stacks T matrices of equal shape [n, m] into one sequence tensor [T, n, m] (a copy).
 *
 *   S[t, i, j] = xs[t][i, j]
 *
 * The engine's recurrent layers take either form; this one keeps their inner loops free of per-step objects.
 * @example
 *   const X = stackSteps([x1, x2, x3]);   // x_t [I, m] → X [3, I, m]
 *   rnn.forward(X);
 */
export function stackSteps(xs: readonly Tensor[]): Tensor {
  if (xs.length === 0) throw new RangeError("stackSteps: needs at least one step");
  const n = xs[0].rows,
    m = xs[0].cols,
    out = new Tensor([xs.length, n, m]);
  xs.forEach((x, t) => {
    if (x.rows !== n || x.cols !== m || x.size !== n * m) throw shapeError(`stackSteps (step ${t})`, xs[0].shape, x.shape);
    out.data.set(x.data, t * n * m);
  });
  return out;
}

/**
 * The per-step views [n, m] of a sequence [T, n, m]: they share its buffer (writing one writes the sequence).
 * Made on the first call for a given sequence tensor and cached, so later calls allocate nothing.
 *
 *   stepViews(S)[t][i, j] = S[t, i, j]
 *
 * @example
 *   const h = stepViews(rnn.cache.h);   // h[0] = h_0, h[t] = h_t
 *   h[3].get(0, 0);
 */
export function stepViews(seq: Tensor): readonly Tensor[] {
  let views = viewCache.get(seq);
  if (views === undefined) {
    if (seq.shape.length !== 3) throw new RangeError(`stepViews: a sequence has shape [T, n, m], got [${seq.shape.join(", ")}]`);
    const [T, n, m] = seq.shape,
      views_: Tensor[] = [];
    for (let t = 0; t < T; t++) views_.push(new Tensor([n, m], seq.data.subarray(t * n * m, (t + 1) * n * m)));
    views = Object.freeze(views_);
    viewCache.set(seq, views);
  }
  return views;
}

/**
 * Step t of a sequence [T, n, m] as an [n, m] view sharing its buffer (from the cache of `stepViews`).
 *
 *   stepOf(S, t) = S[t, :, :]
 *
 * @example
 *   stepOf(lstm.cache.c, 5);         // c_5 (index 0 holds c_0)
 *   stepOf(lstm.grads.dX, 0).toArray();
 */
export function stepOf(seq: Tensor, t: number): Tensor {
  const views = stepViews(seq);
  if (!(t >= 0 && t < views.length)) throw new RangeError(`stepOf: step ${t} is outside 0…${views.length - 1}`);
  return views[t];
}

/**
 * The Frobenius norm of every step of a sequence [T, n, m]: what a widget plots as ‖∂L/∂h_t‖ against t.
 *
 *   out[t] = √(Σ_ij S[t, i, j]²)
 *
 * Over all m columns together (with per-example gradients, the root of the sum over examples).
 * @example
 *   stepNorms(rnn.grads.dh);          // [‖dh_0‖, ‖dh_1‖, …, ‖dh_T‖]
 *   stepNorms(seq, new Float64Array(T));
 */
export function stepNorms(seq: Tensor, out?: Float64Array): Float64Array {
  if (seq.shape.length !== 3) throw new RangeError(`stepNorms: a sequence has shape [T, n, m], got [${seq.shape.join(", ")}]`);
  const T = seq.shape[0],
    size = seq.shape[1] * seq.shape[2],
    d = seq.data;
  const norms = out ?? new Float64Array(T);
  if (norms.length !== T) throw new RangeError(`stepNorms: out has ${norms.length} entries for ${T} steps`);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let i = t * size; i < (t + 1) * size; i++) s += d[i] * d[i];
    norms[t] = Math.sqrt(s);
  }
  return norms;
}
