import { describe, expect, it } from "vitest";
import { EMBED, multiHeadSchema, runMultiHead } from "../../../src/widgets/multi-head-attention-model";
import { DEFAULT_SENTENCE, parseSentence } from "../../../src/widgets/sentence-model";
import { defaults } from "../../../src/widgets/state";

const base = defaults(multiHeadSchema);
const tokens = parseSentence(DEFAULT_SENTENCE).tokens;

describe("multi-head attention model", () => {
  it("runMultiHead: 4(E² + E) parameters for every head count, and width E/h per head", () => {
    for (const h of ["1", "2", "4", "8"]) {
      const run = runMultiHead(tokens, { ...base, heads: h });
      expect(run.params).toBe(4 * (EMBED * EMBED + EMBED));
      expect(run.heads).toHaveLength(Number(h));
      expect(run.headDim).toBe(EMBED / Number(h));
    }
  });

  it("runMultiHead: the average is the mean of the heads, and each head's rows sum to 1", () => {
    const run = runMultiHead(tokens, base);
    run.average.forEach((r, i) =>
      r.forEach((a, j) => expect(a).toBeCloseTo(run.heads.reduce((s, w) => s + w[i][j], 0) / run.heads.length, 12)),
    );
    for (const w of run.heads) for (const r of w) expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("runMultiHead: the average's entropy is at least the mean of the heads' (entropy is concave)", () => {
    for (const heads of ["2", "4", "8"]) {
      const run = runMultiHead(tokens, { ...base, heads, sharpness: 3 });
      const mean = run.entropy.reduce((a, b) => a + b, 0) / run.entropy.length;
      expect(run.averageEntropy).toBeGreaterThanOrEqual(mean - 1e-12);
    }
  });

  it("runMultiHead: a larger multiplier of W_Q and W_K sharpens every head (lower entropy)", () => {
    const soft = runMultiHead(tokens, { ...base, sharpness: 1 }),
      sharp = runMultiHead(tokens, { ...base, sharpness: 4 });
    soft.entropy.forEach((H, r) => expect(sharp.entropy[r]).toBeLessThan(H));
    expect(Math.max(...soft.entropy)).toBeLessThanOrEqual(Math.log(tokens.length));
  });

  it("runMultiHead: with the causal mask the first word attends only to itself in every head", () => {
    const run = runMultiHead(tokens, { ...base, causal: true });
    for (const w of run.heads) expect(w[0][0]).toBe(1);
  });
});
