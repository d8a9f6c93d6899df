// Mistake ids say what they compute: checked against the formula each label describes, over 200 seeds.
import { describe, expect, it } from "vitest";
import { generators } from "../../../../src/quiz/generators";

const SEEDS = Array.from({ length: 200 }, (_, k) => 5 + k * 7_919);
const mistake = (id: string, seed: number, name: string) =>
  generators
    .get(id)!
    .generate(seed)
    .mistakes.find((m) => m.id === name);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("named mistakes compute what their labels say", () => {
  it("adam-sign is the correct step with its sign flipped", () => {
    for (const seed of SEEDS) {
      const q = generators.get("adam-step")!.generate(seed);
      expect(close(mistake("adam-step", seed, "adam-sign")!.value, -q.answer), `seed ${seed}`).toBe(true);
    }
  });

  it("momentum-none is two steps with no velocity carried over (scaled by 1 − β in the moving-average form)", () => {
    for (const id of ["momentum-pytorch", "momentum-ema"]) {
      for (const seed of SEEDS) {
        const p = generators.get(id)!.generate(seed).params as Record<string, number>;
        const c = id === "momentum-ema" ? 1 - p.beta : 1;
        expect(close(mistake(id, seed, "momentum-none")!.value, p.theta - p.lr * c * (p.g1 + p.g2)), `${id} seed ${seed}`).toBe(true);
      }
    }
  });

  it("central-difference: the central difference is off from the analytic derivative by a·h², the forward one is not", () => {
    for (const seed of SEEDS) {
      const q = generators.get("central-difference")!.generate(seed);
      const { a, h } = q.params as Record<string, number>;
      expect(close(q.answer - mistake("central-difference", seed, "central-analytic")!.value, a * h * h), `seed ${seed}`).toBe(true);
      expect(close(mistake("central-difference", seed, "central-no-two")!.value, 2 * q.answer), `seed ${seed}`).toBe(true);
    }
  });

  it("bptt-factor: w-power is w^k and no-w times w^k gives the answer", () => {
    for (const seed of SEEDS) {
      const q = generators.get("bptt-factor")!.generate(seed);
      const { w, z } = q.params as { w: number; z: number[] };
      expect(close(mistake("bptt-factor", seed, "bptt-w-power")!.value, w ** z.length), `seed ${seed}`).toBe(true);
      expect(close(mistake("bptt-factor", seed, "bptt-no-w")!.value * w ** z.length, q.answer), `seed ${seed}`).toBe(true);
    }
  });

  it("linear-collapse: the collapsed layer reproduces the two layers on random inputs", () => {
    for (const seed of SEEDS) {
      const q = generators.get("linear-collapse")!.generate(seed);
      const { W1, W2, b1, b2, part, i, j } = q.params as {
        W1: number[];
        W2: number[];
        b1: number[];
        b2: number[];
        part: string;
        i: number;
        j: number;
      };
      // y_i(x) = Σ_k W2[i,k]·(W1[k,:]·x + b1[k]) + b2[i]; the bias is y_i(0) and W[i,j] is y_i(e_j) − y_i(0).
      const y = (x: number[]) => [0, 1].reduce((s, k) => s + W2[2 * i + k] * (W1[2 * k] * x[0] + W1[2 * k + 1] * x[1] + b1[k]), 0) + b2[i];
      const expected = part === "b" ? y([0, 0]) : y(j === 0 ? [1, 0] : [0, 1]) - y([0, 0]);
      expect(q.answer, `seed ${seed}`).toBe(expected);
    }
  });
});
