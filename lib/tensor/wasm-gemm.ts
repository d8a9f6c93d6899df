// The WebAssembly SIMD kernel behind large matrix products (source: gemm.wat, bytes: gemm-wasm.ts, built by
// `npm run build:wasm`). matmulInto and affineInto call `wasmProduct` first and run their own TypeScript loops
// when it declines: below the size where copying in and out costs more than it saves, or when WebAssembly is
// missing, lacks SIMD or is refused (a Content-Security-Policy without 'wasm-unsafe-eval'). The TypeScript loops
// stay the reference; for finite numbers the kernel adds the same products in the same order.
import { GEMM_WASM_BASE64 } from "./gemm-wasm";

/**
 * Whether the kernel is in use, and how often it ran: `state` is "unloaded" until the first large product,
 * then "ready" or "unavailable" (the TypeScript loops are used). Set `enabled` to false to force the loops.
 * @example
 *   matmul(W, X); gemmKernel.state;   // "ready" where WebAssembly SIMD may run
 */
export const gemmKernel = {
  state: "unloaded" as "unloaded" | "ready" | "unavailable",
  /** Products the kernel computed since the page (or process) started. */
  calls: 0,
  enabled: true,
  /** The smallest product (n·K·p multiply-adds) sent to the kernel; WASM_MIN_WORK unless a test lowers it. */
  minWork: 0,
};

/**
 * Multiply-adds (n·K·p) from which a product goes to the kernel, whose operands are copied in and result copied out.
 * Chosen with margin: timed on the (loaded) 2-core development machine, the kernel already beat the loops from
 * 4,096 multiply-adds (16×16×16) up; the smallest products (most widgets' models) stay on the loops.
 */
export const WASM_MIN_WORK = 32_768;
gemmKernel.minWork = WASM_MIN_WORK;

type Gemm = (a: number, bp: number, bias: number, c: number, n4: number, K: number, p4: number) => void;
let memory: WebAssembly.Memory | null = null;
let gemm: Gemm | null = null;
let heap = new Float64Array(0);
// Views of the heap reused to copy a result out without allocating a view per call (cleared when the heap grows).
const views: Float64Array[] = [];

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const s = atob(base64),
    bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** Compiles the kernel once, synchronously: it is 571 bytes, far under the 4 KB browsers allow on the main thread. */
function load(): boolean {
  try {
    if (typeof WebAssembly !== "object" || WebAssembly === null) throw new Error("no WebAssembly");
    const bytes = decode(GEMM_WASM_BASE64);
    // NOTE: validate first: an engine without SIMD rejects the bytes here, without a compile error.
    if (!WebAssembly.validate(bytes)) throw new Error("no WebAssembly SIMD");
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
    memory = exports.memory as WebAssembly.Memory;
    gemm = exports.gemm as Gemm;
    heap = new Float64Array(memory.buffer);
    gemmKernel.state = "ready";
  } catch {
    // A refused or missing WebAssembly is not an error for the engine: the TypeScript loops give the same numbers.
    gemmKernel.state = "unavailable";
  }
  return gemmKernel.state === "ready";
}

/** Makes the heap at least `bytes` long; false when it cannot grow. */
function reserve(bytes: number): boolean {
  if (memory === null) return false;
  if (memory.buffer.byteLength >= bytes) return true;
  if (bytes > 1 << 30) return false;
  try {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  } catch {
    return false;
  }
  heap = new Float64Array(memory.buffer);
  views.length = 0;
  return true;
}

function view(offset: number, length: number): Float64Array {
  for (let i = 0; i < views.length; i++) if (views[i].byteOffset === offset * 8 && views[i].length === length) return views[i];
  const v = heap.subarray(offset, offset + length);
  if (views.length >= 16) views.shift();
  views.push(v);
  return v;
}

/**
 * out ← bias·1ᵀ + alpha·op(A)·op(B) by the kernel, where op(A) is n×K and op(B) is K×p (row-major buffers `a` with
 * `ac` columns and `b` with `bc` columns, read transposed when asked); `bias` null means zero. Returns false, having
 * written nothing, when the kernel is not used; the caller then runs its loop. Allocates nothing once warm.
 * As the TypeScript loops: alpha multiplies A before the sum when B is read as stored, the sum after it otherwise.
 */
export function wasmProduct(
  out: Float64Array,
  a: Float64Array,
  ac: number,
  transA: boolean,
  b: Float64Array,
  bc: number,
  transB: boolean,
  bias: Float64Array | null,
  n: number,
  K: number,
  p: number,
  alpha: number,
): boolean {
  if (!gemmKernel.enabled || n * K * p < gemmKernel.minWork || n * K * p === 0) return false;
  if (gemmKernel.state === "unavailable" || (gemmKernel.state === "unloaded" && !load())) return false;
  const n4 = (n + 3) & ~3,
    p4 = (p + 3) & ~3;
  // Offsets in float64 elements: A [n4, K], bias [n4], packed B [p4/4 panels of K×4], C [n4, p4].
  const oA = 0,
    oBias = oA + n4 * K,
    oB = oBias + n4,
    oC = oB + p4 * K,
    end = oC + n4 * p4;
  if (!reserve(end * 8)) return false;
  const h = heap,
    scaleA = transB ? 1 : alpha;
  // A, as op(A) row by row, rows past n zero.
  if (!transA && scaleA === 1 && a.length === n * K) h.set(a, oA);
  else if (!transA) for (let t = 0; t < n * K; t++) h[oA + t] = scaleA * a[t];
  else
    for (let k = 0; k < K; k++) {
      const ak = k * ac;
      for (let i = 0; i < n; i++) h[oA + i * K + k] = scaleA * a[ak + i];
    }
  h.fill(0, oA + n * K, oBias);
  for (let i = 0; i < n4; i++) h[oBias + i] = bias !== null && i < n ? bias[i] : 0;
  // B into panels of 4 columns: element (k, j) at oB + ((j >> 2)·K + k)·4 + (j & 3); columns past p zero.
  if (!transB)
    for (let k = 0; k < K; k++) {
      const bk = k * bc;
      for (let j = 0; j < p; j++) h[oB + (((j >> 2) * K + k) << 2) + (j & 3)] = b[bk + j];
    }
  else
    for (let j = 0; j < p; j++) {
      const bj = j * bc,
        o = oB + (j >> 2) * K * 4 + (j & 3);
      for (let k = 0; k < K; k++) h[o + (k << 2)] = b[bj + k];
    }
  if (p4 !== p) for (let k = 0; k < K; k++) for (let j = p; j < p4; j++) h[oB + (((j >> 2) * K + k) << 2) + (j & 3)] = 0;
  (gemm as Gemm)(oA * 8, oB * 8, oBias * 8, oC * 8, n4, K, p4);
  gemmKernel.calls++;
  const scaleC = transB ? alpha : 1;
  if (p4 === p && scaleC === 1 && out.length === n * p) out.set(view(oC, n * p));
  else
    for (let i = 0; i < n; i++) {
      const ci = i * p,
        hi = oC + i * p4;
      for (let j = 0; j < p; j++) out[ci + j] = scaleC * h[hi + j];
    }
  return true;
}
