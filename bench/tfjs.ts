// The same training step in TensorFlow.js (float32), on its CPU or WASM backend.
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { ADAM, type Problem, type Step, type Workload } from "./workloads";

export async function useBackend(name: "cpu" | "wasm"): Promise<void> {
  if (name === "wasm") {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json"))}/dist/`);
  }
  await tf.setBackend(name);
  await tf.ready();
}

export function tfjsStep(w: Workload, p: Problem): Step {
  const L = w.sizes.length - 1,
    m = w.batch;
  // tfjs keeps examples as rows, so X is [m, n_x] and W is [n_in, n_out].
  const X = tf.tensor2d(transpose(p.X, w.sizes[0], m), [m, w.sizes[0]]);
  const nL = w.sizes[L];
  const Y = tf.tensor2d(transpose(p.Y, nL, m), [m, nL]);
  const W = p.W.map((a, l) => tf.variable(tf.tensor2d(transpose(a, w.sizes[l + 1], w.sizes[l]), [w.sizes[l], w.sizes[l + 1]])));
  const b = p.b.map((a) => tf.variable(tf.tensor1d(Array.from(a))));
  const opt = tf.train.adam(ADAM.lr, ADAM.beta1, ADAM.beta2, ADAM.eps);
  const lossFn = () =>
    tf.tidy(() => {
      let A: tf.Tensor2D = X;
      for (let l = 0; l < L; l++) {
        const Z = tf.add(tf.matMul(A, W[l]), b[l]) as tf.Tensor2D;
        if (l < L - 1) A = w.acts[l] === "tanh" ? tf.tanh(Z) : tf.relu(Z);
        else return w.loss === "bce" ? tf.losses.sigmoidCrossEntropy(Y, Z) : tf.losses.softmaxCrossEntropy(Y, Z);
      }
      throw new Error("no layers");
    }) as tf.Scalar;
  return () => {
    const loss = opt.minimize(lossFn, true)!;
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  };
}

function transpose(a: Float64Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}
