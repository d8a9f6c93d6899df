import { describe, expect, it } from "vitest";
import { runHeatmap, attentionHeatmapSchema } from "../../../src/widgets/attention-heatmap-model";
import { DEFAULT_SENTENCE, MAX_WORDS, parseSentence } from "../../../src/widgets/sentence-model";
import { defaults } from "../../../src/widgets/state";
import { softmax } from "../../../lib";

const base = defaults(attentionHeatmapSchema);
const tokens = parseSentence(DEFAULT_SENTENCE).tokens;

describe("attention heatmap model", () => {
  it("parseSentence keeps at most MAX_WORDS words and counts the rest", () => {
    const long = Array.from({ length: MAX_WORDS + 3 }, (_, k) => `w${k}`).join(" ");
    expect(parseSentence(long)).toEqual({ tokens: Array.from({ length: MAX_WORDS }, (_, k) => `w${k}`), dropped: 3 });
    expect(parseSentence(" ,;. ").tokens).toEqual([]);
  });

  it("runHeatmap: each row is the softmax of its scores, and repeated words get equal rows with raw vectors", () => {
    const run = runHeatmap(tokens, base);
    expect(run.weights).toHaveLength(tokens.length);
    expect(run.scale).toBeCloseTo(1 / 4, 15);
    softmax(run.row.scores).forEach((a, j) => expect(run.row.weights[j]).toBeCloseTo(a, 12));
    run.row.dots.forEach((v, j) => expect(run.row.scores[j]).toBeCloseTo(v / 4, 12));
    // "the" is word 1 and word 5: identical vectors, identical rows.
    expect(run.weights[4]).toEqual(run.weights[0]);
    // With W_Q = W_K = I a word's own key scores ‖x‖², its best match unless the word repeats.
    expect(run.weights[1].indexOf(Math.max(...run.weights[1]))).toBe(1);
  });

  it("runHeatmap without the scale gives sharper rows (lower entropy) than with it", () => {
    const scaled = runHeatmap(tokens, { ...base, d: 64 }),
      raw = runHeatmap(tokens, { ...base, d: 64, scaled: false });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(raw.entropy)).toBeLessThan(mean(scaled.entropy));
  });

  it("runHeatmap with the causal mask gives zero weight to later keys and rows that still sum to 1", () => {
    const run = runHeatmap(tokens, { ...base, causal: true, row: 3 });
    run.weights.forEach((r, i) => {
      r.forEach((a, j) => (j > i ? expect(a).toBe(0) : expect(a).toBeGreaterThan(0)));
      expect(r.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    });
    expect(run.weights[0][0]).toBe(1);
    expect(run.row.scores.slice(3)).toEqual(Array(tokens.length - 3).fill(Number.NEGATIVE_INFINITY));
  });

  it("runHeatmap with random projections no longer favours the diagonal", () => {
    const run = runHeatmap(tokens, { ...base, projection: "random" });
    const diagonal = run.weights.filter((r, i) => r.indexOf(Math.max(...r)) === i).length;
    expect(diagonal).toBeLessThan(tokens.length);
  });

  it("runHeatmap holds the row to the sentence's length", () => {
    expect(runHeatmap(["one", "two"], { ...base, row: 12 }).row.i).toBe(1);
  });
});
