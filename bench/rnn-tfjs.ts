// Workload (c) in TensorFlow.js (float32) on its CPU or WASM backend: the time loop unrolled into tf ops, gradients
// by tf.variableGrads (inside optimizer.minimize), Adam from tf.train.
import * as tf from "@tensorflow/tfjs";
import { ADAM, type Step } from "./workloads";
import type { RnnProblem, RnnWorkload } from "./rnn-workload";

/** A row-major [rows, cols] Float64Array transposed into a float32 [cols, rows] buffer. */
function transposed(a: Float64Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}

export function rnnTfjsStep(w: RnnWorkload, p: RnnProblem): Step {
  const { T, batch: m, input: I, hidden: H, output: O } = w;
  // tfjs keeps examples as rows: x_t is [m, I], h_t is [m, H], and h_t = tanh(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh).
  const xs = Array.from({ length: T }, (_, s) => tf.tensor2d(transposed(p.X.subarray(s * I * m, (s + 1) * I * m), I, m), [m, I]));
  const Y = tf.tensor2d(transposed(p.Y, O, m), [m, O]);
  const W_ih = tf.variable(tf.tensor2d(transposed(p.W_ih, H, I), [I, H]));
  const W_hh = tf.variable(tf.tensor2d(transposed(p.W_hh, H, H), [H, H]));
  const b_ih = tf.variable(tf.tensor1d(Float32Array.from(p.b_ih)));
  const b_hh = tf.variable(tf.tensor1d(Float32Array.from(p.b_hh)));
  const W_hy = tf.variable(tf.tensor2d(transposed(p.W_hy, O, H), [H, O]));
  const b_y = tf.variable(tf.tensor1d(Float32Array.from(p.b_y)));
  const opt = tf.train.adam(ADAM.lr, ADAM.beta1, ADAM.beta2, ADAM.eps);
  const lossFn = () =>
    tf.tidy(() => {
      let h: tf.Tensor2D = tf.zeros([m, H]);
      for (let s = 0; s < T; s++)
        h = tf.tanh(tf.add(tf.add(tf.matMul(xs[s], W_ih), b_ih), tf.add(tf.matMul(h, W_hh), b_hh))) as tf.Tensor2D;
      const r = tf.sub(tf.add(tf.matMul(h, W_hy), b_y), Y);
      return tf.div(tf.sum(tf.square(r)), 2 * m) as tf.Scalar; // J = (1/2m)·Σ (ŷ − y)²
    });
  return () => {
    const loss = opt.minimize(lossFn, true)!;
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  };
}
