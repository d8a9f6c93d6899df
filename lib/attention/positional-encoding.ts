/**
 * The sinusoidal positional encodings of the original Transformer: row `pos` is the vector added to the
 * embedding of the token at position pos; even columns are sines, odd columns cosines, with wavelengths
 * growing geometrically from 2π to 10000·2π.
 *
 *   PE(pos, 2i) = sin(pos / 10000^(2i/d)),   PE(pos, 2i + 1) = cos(pos / 10000^(2i/d))
 *
 * PyTorch has no built-in for it; this matches the table in its Transformer tutorial (`PositionalEncoding`).
 *
 * @example
 *   sinusoidalPositionalEncoding(2, 4)[0];   // [0, 1, 0, 1]
 *   sinusoidalPositionalEncoding(2, 4)[1];   // [sin 1, cos 1, sin 0.01, cos 0.01]
 */
export function sinusoidalPositionalEncoding(positions: number, d: number): number[][] {
  if (!Number.isInteger(d) || d < 2 || d % 2 !== 0)
    throw new RangeError(`sinusoidalPositionalEncoding: d = ${d} must be an even integer ≥ 2`);
  if (!Number.isInteger(positions) || positions < 0)
    throw new RangeError(`sinusoidalPositionalEncoding: positions = ${positions} is not a count`);
  return Array.from({ length: positions }, (_, pos) => {
    const row = new Array<number>(d);
    for (let i = 0; i < d / 2; i++) {
      const angle = pos / 10000 ** ((2 * i) / d);
      row[2 * i] = Math.sin(angle);
      row[2 * i + 1] = Math.cos(angle);
    }
    return row;
  });
}
