import { describe, expect, it } from "vitest";
import { gradeChoice, gradeNumeric, gradeGenerated, gradeFlashcard, shuffleOptions } from "../../../src/quiz/grade";
import { generators } from "../../../src/quiz/generators";

const single = { options: [{ correct: false }, { correct: true }, { correct: false }, { correct: false }] };
const several = { options: [{ correct: true }, { correct: false }, { correct: true }, { correct: false }] };

describe("choice grading", () => {
  it("shuffleOptions gives a permutation that depends on the seed only", () => {
    const a = shuffleOptions(6, 5);
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shuffleOptions(6, 5)).toEqual(a);
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => shuffleOptions(6, s).join())).size).toBeGreaterThan(4);
  });
  it("gradeChoice grades by option identity, whatever order the options were shown in", () => {
    for (const seed of [1, 2, 3, 4]) {
      const order = shuffleOptions(4, seed);
      const shownPosition = order.indexOf(1); // where the correct option appeared
      expect(gradeChoice(single, [order[shownPosition]]).correct).toBe(true);
      expect(gradeChoice(single, [shownPosition === 0 ? order[1] : order[0]]).correct).toBe(false);
    }
  });
  it("gradeChoice with several correct options needs all of them and no others", () => {
    expect(gradeChoice(several, [2, 0])).toMatchObject({ correct: true, missed: [], wrong: [], rating: "good" });
    expect(gradeChoice(several, [0])).toMatchObject({ correct: false, missed: [2], wrong: [], rating: "again" });
    expect(gradeChoice(several, [0, 1, 2])).toMatchObject({ correct: false, missed: [], wrong: [1] });
  });
  it("gradeChoice treats an empty selection as invalid, not as a wrong answer", () => {
    expect(gradeChoice(single, [])).toMatchObject({ correct: false, invalid: true });
    expect(gradeChoice(single, [9])).toMatchObject({ invalid: true });
  });
});

describe("numeric grading", () => {
  const q = { value: 0.125, tolerance: { abs: 0, rel: 1e-3 } };
  it("gradeNumeric accepts the value in any notation within max(abs, rel·|value|)", () => {
    for (const s of ["0.125", "1/8", "12.5%", "1.25e-1", "0.12501"]) expect(gradeNumeric(q, s).correct, s).toBe(true);
    expect(gradeNumeric(q, "0.1252").correct).toBe(false);
    expect(gradeNumeric({ value: 0, tolerance: { abs: 0.01, rel: 0.5 } }, "0.009").correct).toBe(true);
    expect(gradeNumeric({ value: 0, tolerance: { abs: 0.01, rel: 0.5 } }, "0.011").correct).toBe(false);
  });
  it("gradeNumeric says when a correct reply was rounded, and gives the answer when wrong", () => {
    expect(gradeNumeric(q, "0.12501").message).toMatch(/tolerance/);
    expect(gradeNumeric(q, "0.2")).toMatchObject({ correct: false, rating: "again", value: 0.2, expected: 0.125 });
    expect(gradeNumeric(q, "0.2").message).toContain("0.125");
  });
  it("gradeNumeric marks garbage invalid with the parser's message", () => {
    const r = gradeNumeric(q, "one eighth");
    expect(r).toMatchObject({ correct: false, invalid: true });
    expect(r.message).toMatch(/not a number/);
  });
});

describe("generated grading", () => {
  it("gradeGenerated names the bias-correction mistake of an Adam step", () => {
    const q = generators.get("adam-step")!.generate(11);
    const m = q.mistakes.find((x) => x.id === "adam-no-bias-correction")!;
    const r = gradeGenerated(q, m.value.toPrecision(4));
    expect(r.correct).toBe(false);
    expect(r.mistake?.id).toBe("adam-no-bias-correction");
    expect(r.message).toMatch(/bias correction/);
  });
  it("gradeGenerated accepts the answer rounded to four significant figures", () => {
    const q = generators.get("bce")!.generate(3);
    expect(gradeGenerated(q, q.answer.toPrecision(4)).correct).toBe(true);
  });
  it("gradeGenerated gives no mistake for an unrelated wrong number", () => {
    const q = generators.get("conv-output-size")!.generate(5);
    const r = gradeGenerated(q, String(q.answer + 1000));
    expect(r.correct).toBe(false);
    expect(r.mistake).toBeUndefined();
  });
});

describe("flashcard grading", () => {
  it("gradeFlashcard counts Again as not remembered and the rest as remembered", () => {
    expect(gradeFlashcard("again")).toMatchObject({ correct: false, rating: "again" });
    for (const r of ["hard", "good", "easy"] as const) expect(gradeFlashcard(r)).toMatchObject({ correct: true, rating: r });
  });
});
