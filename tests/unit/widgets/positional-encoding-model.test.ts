import { describe, expect, it } from "vitest";
import { positionalEncodingSchema, runPositional } from "../../../src/widgets/positional-encoding-model";
import { defaults } from "../../../src/widgets/state";

const base = defaults(positionalEncodingSchema);

describe("positional encoding model", () => {
  it("runPositional: a position's encoding has squared length d/2 (one sin² + cos² per pair)", () => {
    const run = runPositional(base);
    expect(run.dots[run.pos]).toBeCloseTo(base.d / 2, 12);
    expect(Math.max(...run.dots)).toBeCloseTo(base.d / 2, 12);
  });

  it("runPositional: PE_p · PE_p+k depends only on k (to rounding)", () => {
    expect(runPositional({ ...base, d: 64, positions: 64 }).offsetError).toBeLessThan(1e-12);
  });

  it("runPositional: the dot product with the neighbour is Σ cos(ω_i) over the pairs", () => {
    const d = 8,
      run = runPositional({ ...base, d, pos: 3 });
    const expected = Array.from({ length: d / 2 }, (_, i) => Math.cos(1 / 10000 ** ((2 * i) / d))).reduce((a, b) => a + b, 0);
    expect(run.dots[4]).toBeCloseTo(expected, 12);
    expect(run.longest).toBeCloseTo(2 * Math.PI * 10000 ** (6 / 8), 9);
  });

  it("runPositional holds the position below the number of positions", () => {
    expect(runPositional({ ...base, positions: 8, pos: 63 }).pos).toBe(7);
  });
});
