/**
 * Cosine similarity of two vectors: the cosine of the angle between them, from −1 (opposite) through 0
 * (orthogonal) to 1 (same direction); their lengths do not matter.
 *
 *   cos(u, v) = u·v / (‖u‖·‖v‖)
 *
 * As `torch.nn.functional.cosine_similarity` on two 1-D tensors, except that a zero vector throws instead of
 * being clamped by an eps (the angle to a zero vector is undefined).
 *
 * @example
 *   cosineSimilarity([1, 0], [0, 2]);    // 0
 *   cosineSimilarity([1, 2], [2, 4]);    // 1
 */
export function cosineSimilarity(u: readonly number[], v: readonly number[]): number {
  if (u.length !== v.length) throw new RangeError(`cosineSimilarity: vectors of length ${u.length} and ${v.length}`);
  let dot = 0,
    uu = 0,
    vv = 0;
  for (let i = 0; i < u.length; i++) {
    dot += u[i] * v[i];
    uu += u[i] * u[i];
    vv += v[i] * v[i];
  }
  if (uu === 0 || vv === 0) throw new RangeError("cosineSimilarity: a zero vector has no direction");
  return dot / Math.sqrt(uu * vv);
}
