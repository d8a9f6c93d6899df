import { Tensor, shapeError } from "../tensor/tensor";
import type { Activation } from "./activation";

// The training path's activation loops: one specialised loop per built-in activation (chosen by
// name), so no function is called per entry; a custom activation falls back to calling f / df.

/**
 * Applies an activation to every entry of Z, writing A (may be Z itself); allocates nothing.
 *
 *   A = g(Z)
 *
 * Same numbers as `mapInto(A, Z, act.f)`, faster for the built-ins.
 * @example
 *   activateInto(relu, Z, A);
 *   activateInto(createLeakyRelu(0.2), Z, A);
 */
export function activateInto(act: Activation, Z: Tensor, A: Tensor): Tensor {
  if (A.size !== Z.size) throw shapeError(`activate(${act.name})`, Z.shape, A.shape, "(Z and A) do not match");
  const z = Z.data, a = A.data, n = z.length;
  switch (act.name) {
    case "linear":
      if (a !== z) a.set(z);
      break;
    case "relu":
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : 0;
      break;
    case "sigmoid":
      for (let i = 0; i < n; i++) {
        const v = z[i];
        if (v >= 0) a[i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          a[i] = e / (1 + e);
        }
      }
      break;
    case "tanh":
      for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i]);
      break;
    case "leakyRelu": {
      const s = act.slope ?? 0.01;
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : s * z[i];
      break;
    }
    default: {
      const f = act.f;
      for (let i = 0; i < n; i++) a[i] = f(z[i]);
    }
  }
  return A;
}

/**
 * The backward pass through an activation: dZ from dA, reading Z (and A = g(Z) where cheaper); allocates nothing.
 *
 *   dZ = dA ⊙ g′(Z)      (sigmoid: dA ⊙ A(1 − A); tanh: dA ⊙ (1 − A²))
 *
 * dZ may share a buffer with dA.
 * @example
 *   activationBackwardInto(sigmoid, Z, A, dA, dZ);
 *   activationBackwardInto(relu, Z, A, dA, dA);   // in place
 */
export function activationBackwardInto(act: Activation, Z: Tensor, A: Tensor, dA: Tensor, dZ: Tensor): Tensor {
  if (dA.size !== Z.size || dZ.size !== Z.size) throw shapeError(`activationBackward(${act.name})`, Z.shape, dA.shape, "(Z and dA) do not match");
  const z = Z.data, a = A.data, g = dA.data, d = dZ.data, n = z.length;
  switch (act.name) {
    case "linear":
      if (d !== g) d.set(g);
      break;
    case "relu":
      for (let i = 0; i < n; i++) d[i] = z[i] > 0 ? g[i] : 0;
      break;
    case "sigmoid":
      for (let i = 0; i < n; i++) d[i] = g[i] * a[i] * (1 - a[i]);
      break;
    case "tanh":
      for (let i = 0; i < n; i++) d[i] = g[i] * (1 - a[i] * a[i]);
      break;
    case "leakyRelu": {
      const s = act.slope ?? 0.01;
      for (let i = 0; i < n; i++) d[i] = z[i] > 0 ? g[i] : s * g[i];
      break;
    }
    default: {
      const df = act.df;
      for (let i = 0; i < n; i++) d[i] = g[i] * df(z[i]);
    }
  }
  return dZ;
}
