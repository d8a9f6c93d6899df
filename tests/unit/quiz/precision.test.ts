import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { precisionFor } from "../../../src/quiz/precision";
import { withinTolerance } from "../../../src/quiz/generators/types";
import { generatorList } from "../../../src/quiz/generators";

const roundTo = (x: number, figures: number) => Number(x.toPrecision(figures));

describe("precisionFor", () => {
  it("precisionFor says exact for a zero tolerance and 3 figures for the templates' default 0.5 %", () => {
    expect(precisionFor({ abs: 0, rel: 0 }, 42)).toEqual({ kind: "exact" });
    expect(precisionFor({ abs: 1e-9, rel: 5e-3 }, 0.1234)).toEqual({ kind: "figures", figures: 3 });
    expect(precisionFor({ abs: 1e-4, rel: 0 }, 12.3456)).toEqual({ kind: "figures", figures: 6 });
    // An answer with few digits needs no more than it has, whatever the tolerance.
    expect(precisionFor({ abs: 1e-6, rel: 0 }, -0.29)).toEqual({ kind: "figures", figures: 3 });
  });

  it("precisionFor: an answer rounded to the figures it names is always accepted", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => Math.abs(x) > 1e-8),
        fc.double({ min: 1e-9, max: 1e-1, noNaN: true }),
        fc.double({ min: 0, max: 1e-2, noNaN: true }),
        (answer, abs, rel) => {
          const p = precisionFor({ abs, rel }, answer);
          if (p.kind !== "figures") return;
          expect(withinTolerance(roundTo(answer, p.figures), answer, { abs, rel })).toBe(true);
        },
      ),
    );
  });

  it("precisionFor: every template's answer rounded as its hint says is accepted, over 200 seeds", () => {
    for (const g of generatorList)
      for (let s = 0; s < 200; s++) {
        const q = g.generate(11 + s * 7919),
          p = precisionFor(q.tolerance, q.answer);
        const reply = p.kind === "exact" ? q.answer : roundTo(q.answer, p.figures);
        expect(withinTolerance(reply, q.answer, q.tolerance), `${g.id} seed ${11 + s * 7919}`).toBe(true);
      }
  }, 60_000);
});
