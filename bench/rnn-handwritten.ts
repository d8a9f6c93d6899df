// Workload (c) written by hand as plain loops over Float64Arrays, every buffer allocated once: the baseline the
// engine's RNN is measured against.
import type { Step } from "./workloads";
import { handAdam } from "./hand-adam";
import type { RnnProblem, RnnWorkload } from "./rnn-workload";

export function rnnHandwritten(w: RnnWorkload, p: RnnProblem): Step {
  const { T, batch: m, input: I, hidden: H, output: O } = w,
    Hm = H * m,
    Im = I * m;
  const W_ih = p.W_ih.slice(),
    W_hh = p.W_hh.slice(),
    b_ih = p.b_ih.slice(),
    b_hh = p.b_hh.slice(),
    W_hy = p.W_hy.slice(),
    b_y = p.b_y.slice();
  const X = p.X,
    Y = p.Y;
  const h = new Float64Array((T + 1) * Hm); // h_0 … h_T, h_0 = 0
  const yhat = new Float64Array(O * m),
    dy = new Float64Array(O * m);
  const dh = new Float64Array(Hm),
    dhPrev = new Float64Array(Hm),
    dz = new Float64Array(Hm);
  const dW_ih = new Float64Array(H * I),
    dW_hh = new Float64Array(H * H),
    db_ih = new Float64Array(H),
    db_hh = new Float64Array(H);
  const dW_hy = new Float64Array(O * H),
    db_y = new Float64Array(O);
  const params = [W_ih, W_hh, b_ih, b_hh, W_hy, b_y],
    grads = [dW_ih, dW_hh, db_ih, db_hh, dW_hy, db_y];
  const adamStep = handAdam(params, grads);

  return () => {
    // forward through time
    for (let s = 0; s < T; s++) {
      const ho = (s + 1) * Hm,
        hp = s * Hm,
        xo = s * Im;
      for (let i = 0; i < H; i++) {
        const zi = ho + i * m,
          bi = b_ih[i] + b_hh[i];
        for (let j = 0; j < m; j++) h[zi + j] = bi;
        for (let k = 0; k < I; k++) {
          const wik = W_ih[i * I + k],
            xk = xo + k * m;
          for (let j = 0; j < m; j++) h[zi + j] += wik * X[xk + j];
        }
        for (let k = 0; k < H; k++) {
          const wik = W_hh[i * H + k],
            hk = hp + k * m;
          for (let j = 0; j < m; j++) h[zi + j] += wik * h[hk + j];
        }
        for (let j = 0; j < m; j++) h[zi + j] = Math.tanh(h[zi + j]);
      }
    }
    // read-out of h_T and the loss J = (1/2m)·Σ (ŷ − y)²; dy = ∂J/∂ŷ = (ŷ − y)/m
    const hT = T * Hm;
    let loss = 0;
    for (let o = 0; o < O; o++) {
      for (let j = 0; j < m; j++) {
        let s = b_y[o];
        for (let k = 0; k < H; k++) s += W_hy[o * H + k] * h[hT + k * m + j];
        yhat[o * m + j] = s;
        const r = s - Y[o * m + j];
        loss += r * r;
        dy[o * m + j] = r / m;
      }
    }
    loss /= 2 * m;
    // read-out gradients and ∂J/∂h_T
    dh.fill(0);
    for (let o = 0; o < O; o++) {
      let sb = 0;
      for (let j = 0; j < m; j++) sb += dy[o * m + j];
      db_y[o] = sb;
      for (let k = 0; k < H; k++) {
        let s = 0;
        const w = W_hy[o * H + k];
        for (let j = 0; j < m; j++) {
          s += dy[o * m + j] * h[hT + k * m + j];
          dh[k * m + j] += w * dy[o * m + j];
        }
        dW_hy[o * H + k] = s;
      }
    }
    // backpropagation through time
    dW_ih.fill(0);
    dW_hh.fill(0);
    db_ih.fill(0);
    for (let s = T - 1; s >= 0; s--) {
      const ho = (s + 1) * Hm,
        hp = s * Hm,
        xo = s * Im;
      for (let i = 0; i < Hm; i++) dz[i] = dh[i] * (1 - h[ho + i] * h[ho + i]);
      dhPrev.fill(0);
      for (let i = 0; i < H; i++) {
        const zi = i * m;
        let sb = 0;
        for (let j = 0; j < m; j++) sb += dz[zi + j];
        db_ih[i] += sb;
        for (let k = 0; k < I; k++) {
          let acc = 0;
          const xk = xo + k * m;
          for (let j = 0; j < m; j++) acc += dz[zi + j] * X[xk + j];
          dW_ih[i * I + k] += acc;
        }
        for (let k = 0; k < H; k++) {
          let acc = 0;
          const hk = hp + k * m,
            wik = W_hh[i * H + k];
          for (let j = 0; j < m; j++) {
            acc += dz[zi + j] * h[hk + j];
            dhPrev[k * m + j] += wik * dz[zi + j];
          }
          dW_hh[i * H + k] += acc;
        }
      }
      dh.set(dhPrev);
    }
    db_hh.set(db_ih);
    adamStep();
    return loss;
  };
}
