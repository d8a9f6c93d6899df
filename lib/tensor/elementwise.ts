import { Tensor, assertSameLayout, assertSameShape } from "./tensor";

// The body shared by addInto, subInto and mulInto: the shape checks once, then the op's own loop. The op is picked once
// per call, not per entry, so each loop stays a plain typed-array loop with no call inside (a callback per entry is slower).
function binaryInto(op: "add" | "sub" | "mul", out: Tensor, A: Tensor, B: Tensor): Tensor {
  assertSameShape(op, A, B);
  assertSameLayout(op, A, out);
  const a = A.data,
    b = B.data,
    o = out.data;
  if (op === "add") for (let i = 0; i < o.length; i++) o[i] = a[i] + b[i];
  else if (op === "sub") for (let i = 0; i < o.length; i++) o[i] = a[i] - b[i];
  else for (let i = 0; i < o.length; i++) o[i] = a[i] * b[i];
  return out;
}

/**
 * Element-wise sum of two tensors of the same shape.
 *
 *   out[i] = A[i] + B[i]
 *
 * No broadcasting (torch would broadcast); for a bias column use `addColumn`.
 * @example
 *   add(Tensor.from([1, 2]), Tensor.from([10, 20]));   // [11, 22]
 *   add(A, B);                                         // throws "add: shapes [2, 3] and [3, 2] do not match"
 */
export function add(A: Tensor, B: Tensor): Tensor {
  return addInto(new Tensor(A.shape), A, B);
}

/**
 * `add` written into a preallocated `out` (may be A or B); allocates nothing.
 * @example
 *   addInto(A, A, B);   // A += B
 *   addInto(C, A, B);   // C = A + B
 */
export function addInto(out: Tensor, A: Tensor, B: Tensor): Tensor {
  return binaryInto("add", out, A, B);
}

/**
 * Element-wise difference of two tensors of the same shape.
 *
 *   out[i] = A[i] − B[i]
 *
 * @example
 *   sub(Tensor.from([5, 5]), Tensor.from([1, 2]));   // [4, 3]
 *   sub(Yhat, Y);                                    // the residuals
 */
export function sub(A: Tensor, B: Tensor): Tensor {
  return subInto(new Tensor(A.shape), A, B);
}

/**
 * `sub` written into a preallocated `out` (may be A or B); allocates nothing.
 * @example
 *   subInto(dZ, A, Y);   // dZ = A − Y
 *   subInto(A, A, B);    // A −= B
 */
export function subInto(out: Tensor, A: Tensor, B: Tensor): Tensor {
  return binaryInto("sub", out, A, B);
}

/**
 * Element-wise (Hadamard) product of two tensors of the same shape.
 *
 *   out[i] = A[i] · B[i]      (the ⊙ of dZ = dA ⊙ g′(Z))
 *
 * @example
 *   mul(Tensor.from([1, 2]), Tensor.from([3, 4]));   // [3, 8]
 *   mul(dA, map(Z, relu.df));                        // dZ for a ReLU layer
 */
export function mul(A: Tensor, B: Tensor): Tensor {
  return mulInto(new Tensor(A.shape), A, B);
}

/**
 * `mul` written into a preallocated `out` (may be A or B); allocates nothing.
 * @example
 *   mulInto(dZ, dA, gPrime);   // dZ = dA ⊙ g′(Z)
 *   mulInto(A, A, mask);       // A ⊙= mask
 */
export function mulInto(out: Tensor, A: Tensor, B: Tensor): Tensor {
  return binaryInto("mul", out, A, B);
}

/**
 * Every entry times one number.
 *
 *   out[i] = c · A[i]
 *
 * @example
 *   scale(Tensor.from([1, -2]), 3);        // [3, -6]
 *   scale(sumColumns(dZ), 1 / m);          // db
 */
export function scale(A: Tensor, c: number): Tensor {
  return scaleInto(new Tensor(A.shape), A, c);
}

/**
 * `scale` written into a preallocated `out` (may be A); allocates nothing.
 * @example
 *   scaleInto(dW, dW, 1 / m);   // dW /= m
 *   scaleInto(B, A, 2);         // B = 2A
 */
export function scaleInto(out: Tensor, A: Tensor, c: number): Tensor {
  assertSameLayout("scale", A, out);
  const a = A.data,
    o = out.data;
  for (let i = 0; i < o.length; i++) o[i] = c * a[i];
  return out;
}

/**
 * A scalar function applied to every entry: readable, for widgets and notebook cells.
 *
 *   out[i] = f(A[i])
 *
 * Layers do not use it in training (they switch on the activation instead of calling f per entry).
 * @example
 *   map(Tensor.from([-1, 2]), Math.abs);   // [1, 2]
 *   map(Z, sigmoid.f);                     // A = σ(Z)
 */
export function map(A: Tensor, f: (x: number) => number): Tensor {
  return mapInto(new Tensor(A.shape), A, f);
}

/**
 * `map` written into a preallocated `out` (may be A); allocates nothing.
 * @example
 *   mapInto(A, Z, tanh.f);     // A = tanh(Z)
 *   mapInto(Z, Z, Math.abs);   // in place
 */
export function mapInto(out: Tensor, A: Tensor, f: (x: number) => number): Tensor {
  assertSameLayout("map", A, out);
  const a = A.data,
    o = out.data;
  for (let i = 0; i < o.length; i++) o[i] = f(a[i]);
  return out;
}
