import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { filesUnder } from "../../../../src/build/walk.mjs";
import { generators, generatorList } from "../../../../src/quiz/generators";
import { withinTolerance } from "../../../../src/quiz/generators/types";
import { gradeGenerated } from "../../../../src/quiz/grade";
import { TOPICS } from "../../../../src/quiz/schema";
import { reference, namedMistakes } from "./independent";

const SEEDS = Array.from({ length: 50 }, (_, k) => 1 + k * 7919);

describe("generator registry", () => {
  it("generators holds at least 30 templates with unique ids and known topics", () => {
    expect(generatorList.length).toBeGreaterThanOrEqual(30);
    expect(generators.size).toBe(generatorList.length);
    for (const g of generatorList) expect(TOPICS).toContain(g.topic);
  });

  it("every template has an independent reference in this test", () => {
    expect(Object.keys(reference).sort()).toEqual([...generators.keys()].sort());
  });

  it("every template is named by a generated question file in content/questions", () => {
    const named = new Set<string>();
    for (const path of filesUnder("content/questions", ".yaml")) {
      const m = /^generator:\s*([a-z0-9-]+)/m.exec(readFileSync(path, "utf8"));
      if (m) named.add(m[1]);
    }
    expect([...generators.keys()].filter((id) => !named.has(id))).toEqual([]);
  });
});

describe.each(generatorList.map((g) => [g.id, g] as const))("template %s", (id, g) => {
  it(`${id}.generate agrees with an independent computation for 50 seeds`, () => {
    for (const seed of SEEDS) {
      const q = g.generate(seed);
      const expected = reference[id](q.params);
      expect(Number.isFinite(q.answer), `seed ${seed}`).toBe(true);
      expect(
        withinTolerance(expected, q.answer, { abs: 1e-9, rel: 1e-9 }) ||
          Math.abs(expected - q.answer) < 1e-5 * Math.max(1, Math.abs(expected)),
        `seed ${seed}: ${q.answer} vs ${expected}`,
      ).toBe(true);
    }
  });

  it(`${id}.generate is deterministic in the seed and varies across seeds`, () => {
    expect(g.generate(123)).toEqual(g.generate(123));
    expect(new Set(SEEDS.map((s) => g.generate(s).prompt)).size).toBeGreaterThan(5);
  });

  it(`${id}: the answer is accepted and each listed mistake is named by gradeGenerated`, () => {
    let named = 0;
    for (const seed of SEEDS) {
      const q = g.generate(seed);
      expect(gradeGenerated(q, String(q.answer)).correct).toBe(true);
      expect(q.solution.length).toBeGreaterThan(0);
      for (const m of q.mistakes) {
        const r = gradeGenerated(q, String(m.value));
        expect(r.correct, `${m.id} at seed ${seed}`).toBe(false);
        // Two mistakes can coincide; then the first listed is named. Either way a mistake is named.
        expect(r.mistake, `${m.id} at seed ${seed}`).toBeDefined();
        if (r.mistake?.id === m.id) named++;
        expect(r.message).toContain(r.mistake!.label);
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});

describe("named mistakes", () => {
  it.each(namedMistakes)("%s detects %s (value computed independently)", (id, mistakeId, wrong) => {
    let hits = 0;
    for (const seed of SEEDS) {
      const q = generators.get(id)!.generate(seed);
      const value = wrong(q.params);
      if (withinTolerance(value, q.answer, { abs: 2 * q.tolerance.abs, rel: 2 * q.tolerance.rel })) continue;
      const r = gradeGenerated(q, value.toPrecision(6));
      expect(r.correct).toBe(false);
      if (r.mistake?.id === mistakeId) hits++;
    }
    expect(hits).toBeGreaterThan(5);
  });
});
