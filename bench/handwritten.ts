// The baseline: the same training step written by hand as plain loops over Float64Arrays,
// with every buffer allocated once. The engine is measured against this.
import type { Problem, Step, Workload } from "./workloads";
import { handAdam } from "./hand-adam";

export function handwritten(w: Workload, p: Problem): Step {
  const L = w.sizes.length - 1,
    m = w.batch;
  const W = p.W.map((a) => a.slice()),
    b = p.b.map((a) => a.slice());
  const Z = w.sizes.slice(1).map((n) => new Float64Array(n * m));
  const A = w.sizes.slice(1).map((n) => new Float64Array(n * m));
  const dZ = w.sizes.slice(1).map((n) => new Float64Array(n * m));
  const dA = w.sizes.slice(1).map((n) => new Float64Array(n * m));
  const dW = W.map((a) => new Float64Array(a.length)),
    db = b.map((a) => new Float64Array(a.length));
  const params = [...W, ...b],
    grads = [...dW, ...db];
  const adamStep = handAdam(params, grads);

  return () => {
    // forward
    for (let l = 0; l < L; l++) {
      const nIn = w.sizes[l],
        nOut = w.sizes[l + 1],
        Wl = W[l],
        bl = b[l],
        Zl = Z[l],
        Al = A[l];
      const Ain = l === 0 ? p.X : A[l - 1];
      for (let i = 0; i < nOut; i++) {
        const zi = i * m;
        for (let j = 0; j < m; j++) Zl[zi + j] = bl[i];
        for (let k = 0; k < nIn; k++) {
          const wik = Wl[i * nIn + k],
            ak = k * m;
          for (let j = 0; j < m; j++) Zl[zi + j] += wik * Ain[ak + j];
        }
      }
      const act = w.acts[l];
      if (act === "tanh") for (let i = 0; i < Zl.length; i++) Al[i] = Math.tanh(Zl[i]);
      else if (act === "relu") for (let i = 0; i < Zl.length; i++) Al[i] = Zl[i] > 0 ? Zl[i] : 0;
      else if (act === "sigmoid") for (let i = 0; i < Zl.length; i++) Al[i] = 1 / (1 + Math.exp(-Zl[i]));
      else {
        for (let j = 0; j < m; j++) {
          let max = -Infinity,
            sum = 0;
          for (let i = 0; i < nOut; i++) max = Math.max(max, Zl[i * m + j]);
          for (let i = 0; i < nOut; i++) sum += Al[i * m + j] = Math.exp(Zl[i * m + j] - max);
          for (let i = 0; i < nOut; i++) Al[i * m + j] /= sum;
        }
      }
    }
    // loss and dZ of the output (sigmoid + BCE and softmax + CE both give (A − Y)/m)
    const AL = A[L - 1],
      dZL = dZ[L - 1];
    let loss = 0;
    for (let i = 0; i < AL.length; i++) {
      const a = AL[i],
        y = p.Y[i];
      if (w.loss === "bce") loss -= y * Math.log(a) + (1 - y) * Math.log(1 - a);
      else if (y > 0) loss -= Math.log(a);
      dZL[i] = (a - y) / m;
    }
    loss /= m;
    // backward
    for (let l = L - 1; l >= 0; l--) {
      const nIn = w.sizes[l],
        nOut = w.sizes[l + 1],
        Wl = W[l],
        dWl = dW[l],
        dbl = db[l],
        dZl = dZ[l];
      const Ain = l === 0 ? p.X : A[l - 1];
      for (let i = 0; i < nOut; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += dZl[i * m + j];
        dbl[i] = s;
        for (let k = 0; k < nIn; k++) {
          let acc = 0;
          const zi = i * m,
            ak = k * m;
          for (let j = 0; j < m; j++) acc += dZl[zi + j] * Ain[ak + j];
          dWl[i * nIn + k] = acc;
        }
      }
      if (l === 0) break;
      const dAp = dA[l - 1],
        Ap = A[l - 1],
        act = w.acts[l - 1];
      dAp.fill(0);
      for (let i = 0; i < nOut; i++) {
        for (let k = 0; k < nIn; k++) {
          const wik = Wl[i * nIn + k],
            zi = i * m,
            ak = k * m;
          for (let j = 0; j < m; j++) dAp[ak + j] += wik * dZl[zi + j];
        }
      }
      const dZp = dZ[l - 1];
      if (act === "tanh") for (let i = 0; i < dZp.length; i++) dZp[i] = dAp[i] * (1 - Ap[i] * Ap[i]);
      else if (act === "relu") for (let i = 0; i < dZp.length; i++) dZp[i] = Ap[i] > 0 ? dAp[i] : 0;
      else for (let i = 0; i < dZp.length; i++) dZp[i] = dAp[i] * Ap[i] * (1 - Ap[i]);
    }
    adamStep();
    return loss;
  };
}
