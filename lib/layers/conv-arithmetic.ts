/**
 * The output length of a convolution along one spatial axis (as `torch.nn.Conv2d` computes it):
 * the kernel spans d(k − 1) + 1 inputs, padding adds p on BOTH sides, and the window moves s at a time.
 *
 *   out = ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1
 *
 * Same as PyTorch; a window that would run past the padded input is dropped (floor).
 *
 * @example
 *   convOutputSize(32, 3, { padding: 1 });   // 32 ("same" padding for k = 3)
 *   convOutputSize(7, 3, { stride: 2 });     // 3
 */
export function convOutputSize(n: number, kernel: number, options: { padding?: number; stride?: number; dilation?: number } = {}): number {
  const { padding = 0, stride = 1, dilation = 1 } = options;
  for (const [name, v, min] of [
    ["n", n, 1],
    ["kernel", kernel, 1],
    ["padding", padding, 0],
    ["stride", stride, 1],
    ["dilation", dilation, 1],
  ] as const) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`convOutputSize: ${name} = ${v} is not an integer ≥ ${min}`);
  }
  const span = dilation * (kernel - 1) + 1;
  if (n + 2 * padding < span)
    throw new RangeError(`convOutputSize: the kernel spans ${span} inputs but the padded input has only ${n + 2 * padding}`);
  return Math.floor((n + 2 * padding - span) / stride) + 1;
}

/**
 * The output length of a pooling window along one axis; the stride defaults to the window size,
 * as in `torch.nn.MaxPool2d` (ceil_mode=False).
 *
 *   out = ⌊(n + 2p − k) / s⌋ + 1,   s = k unless given
 *
 * @example
 *   poolOutputSize(4, 2);      // 2 (a 4×4 input max-pooled 2×2 gives 2×2)
 *   poolOutputSize(7, 3, 2);   // 3
 */
export function poolOutputSize(n: number, kernel: number, stride = kernel, padding = 0): number {
  return convOutputSize(n, kernel, { stride, padding });
}
