// Sinusoidal positional encodings (chapter 10): the engine's table PE [T × d], and the dot products of one position's
// encoding with every other's, computed as rows of the Gram matrix PE·PEᵀ. The dot product depends only on the offset
// between positions; the model measures how far it strays from that over the whole table.
import { Tensor, matmul, sinusoidalPositionalEncoding, transpose } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const positionalEncodingSchema = {
  d: { kind: "number", label: t("positional.d"), min: 4, max: 128, step: 4, default: 32 },
  positions: { kind: "number", label: t("positional.positions"), min: 8, max: 64, step: 1, default: 40 },
  pos: { kind: "number", label: t("positional.pos"), min: 0, max: 63, step: 1, default: 12 },
} satisfies Schema;
export type PositionalEncodingState = StateOf<typeof positionalEncodingSchema>;

export interface PositionalRun {
  /** pe[pos][c]: the encoding table. */
  pe: number[][];
  /** The chosen position (held below the number of positions). */
  pos: number;
  /** dots[q] = PE_pos · PE_q. */
  dots: number[];
  /** The largest |PE_p·PE_{p+k} − PE_0·PE_k| over all p, k in the table: the dot product depends on k alone. */
  offsetError: number;
  /** Wavelengths (in positions) of the first and the last sine–cosine pair: 2π and 2π·10000^((d−2)/d). */
  shortest: number;
  longest: number;
}

/** The encoding table and one position's dot products with all positions. */
export function runPositional(s: PositionalEncodingState): PositionalRun {
  const T = Math.round(s.positions),
    d = Math.round(s.d),
    pos = Math.min(T - 1, Math.max(0, Math.round(s.pos)));
  const pe = sinusoidalPositionalEncoding(T, d);
  const P = Tensor.from(pe),
    G = matmul(P, transpose(P));
  const g = (p: number, q: number) => G.data[p * T + q];
  let offsetError = 0;
  for (let p = 0; p < T; p++) for (let q = p; q < T; q++) offsetError = Math.max(offsetError, Math.abs(g(p, q) - g(0, q - p)));
  return {
    pe,
    pos,
    dots: Array.from({ length: T }, (_, q) => g(pos, q)),
    offsetError,
    shortest: 2 * Math.PI,
    longest: 2 * Math.PI * 10000 ** ((d - 2) / d),
  };
}
