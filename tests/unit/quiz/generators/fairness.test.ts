// The fairness rules every question template obeys, over 200 seeds each: no named mistake is accepted
// as correct, no two named mistakes give the same number, and the worked solution's own route (at the
// precision it shows) is accepted. defineGenerator redraws an unfair instance; these tests check the
// instances that come out, and that every seed finds a fair one.
import { describe, expect, it } from "vitest";
import { generatorList } from "../../../../src/quiz/generators";
import { unfairness, withinTolerance } from "../../../../src/quiz/generators/types";

const SEEDS = Array.from({ length: 200 }, (_, k) => 11 + k * 104_729);

describe("question templates are fair", () => {
  for (const g of generatorList) {
    it(`${g.id}.generate gives fair instances for 200 seeds`, () => {
      for (const seed of SEEDS) {
        const q = g.generate(seed);
        expect(unfairness(q), `${g.id} seed ${seed}`).toBeNull();
        // The answer itself is accepted, and a named mistake's value is not.
        expect(withinTolerance(q.answer, q.answer, q.tolerance)).toBe(true);
        for (const m of q.mistakes) expect(withinTolerance(m.value, q.answer, q.tolerance), `${g.id} seed ${seed}: ${m.id}`).toBe(false);
      }
    }, 30_000);
  }

  it("adam-step and adamw-step start from moments a real run leaves, with earlier gradients of the current one's scale", () => {
    for (const id of ["adam-step", "adamw-step"]) {
      for (const seed of SEEDS) {
        const { t, g, m, v } = generatorList.find((x) => x.id === id)!.generate(seed).params as Record<string, number>;
        if (t === 1) {
          expect([m, v]).toEqual([0, 0]);
          continue;
        }
        // Bias-corrected, v is a weighted mean square of the earlier gradients and m a weighted mean: both of g's size.
        const rms = Math.sqrt(v / (1 - 0.999 ** (t - 1))),
          mean = Math.abs(m / (1 - 0.9 ** (t - 1)));
        expect(rms, `${id} seed ${seed}`).toBeGreaterThanOrEqual(0.45 * Math.abs(g));
        expect(rms, `${id} seed ${seed}`).toBeLessThanOrEqual(2.05 * Math.abs(g));
        expect(mean, `${id} seed ${seed}`).toBeLessThanOrEqual(2.05 * Math.abs(g));
      }
    }
  });

  it("worked solutions show no float noise and put a negative factor or term in parentheses", () => {
    const bad: string[] = [];
    for (const g of generatorList) {
      for (const seed of SEEDS) {
        const q = g.generate(seed);
        // A legitimately tiny answer (a vanishing bound) may print a small exponent; nothing else may.
        const tiny = Math.abs(q.answer) < 1e-9;
        for (const line of q.solution) {
          if (!tiny && /e−(1[2-9]|[2-9]\d)/.test(line)) bad.push(`${g.id} seed ${seed}: noise in "${line}"`);
          if (/[·×/+]\s*−\d|[−]\s+−\d/.test(line)) bad.push(`${g.id} seed ${seed}: bare negative in "${line}"`);
        }
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("unfairness names a mistake that lands on the answer, two that collide, and a route outside the tolerance", () => {
    const base = { prompt: "", answer: 1, solution: [], params: {}, tolerance: { abs: 0, rel: 0.01 } };
    expect(unfairness({ ...base, mistakes: [{ id: "a", label: "", value: 1.005 }] })).toMatch(/mistake a lands on the answer/);
    expect(
      unfairness({
        ...base,
        mistakes: [
          { id: "a", label: "", value: 2 },
          { id: "b", label: "", value: 2.001 },
        ],
      }),
    ).toMatch(/a and b give the same number/);
    expect(unfairness({ ...base, route: 1.05 })).toMatch(/rounded route/);
    expect(unfairness({ ...base, mistakes: [{ id: "a", label: "", value: 2 }], route: 1.001 })).toBeNull();
  });
});
