import { describe, expect, it } from "vitest";
import { keyAction, type KeyContext } from "../../../../src/quiz/ui/keys";

const ctx = (over: Partial<KeyContext>): KeyContext => ({
  phase: "asking",
  type: "choice",
  options: 4,
  target: "other",
  modified: false,
  ...over,
});

describe("keyAction", () => {
  it("keyAction picks options 1–8 of a choice question and ignores digits past the last option", () => {
    expect(keyAction("1", ctx({}))).toEqual({ kind: "pick", index: 0 });
    expect(keyAction("4", ctx({}))).toEqual({ kind: "pick", index: 3 });
    expect(keyAction("5", ctx({}))).toBeNull();
    expect(keyAction("8", ctx({ options: 8 }))).toEqual({ kind: "pick", index: 7 });
    expect(keyAction("9", ctx({ options: 8 }))).toBeNull();
  });
  it("keyAction submits with Enter and moves on with Enter once answered", () => {
    expect(keyAction("Enter", ctx({}))).toEqual({ kind: "submit" });
    expect(keyAction("Enter", ctx({ type: "generated", options: 0 }))).toEqual({ kind: "submit" });
    expect(keyAction("Enter", ctx({ phase: "answered" }))).toEqual({ kind: "next" });
    expect(keyAction("1", ctx({ phase: "answered" }))).toBeNull();
  });
  it("keyAction reveals a flashcard with Space or Enter, then grades 1–4 as Again, Hard, Good, Easy", () => {
    const card = ctx({ type: "flashcard", options: 0 });
    expect(keyAction(" ", card)).toEqual({ kind: "reveal" });
    expect(keyAction("Enter", card)).toEqual({ kind: "reveal" });
    expect(keyAction("1", card)).toBeNull();
    const grading = { ...card, phase: "grading" as const };
    expect(["1", "2", "3", "4"].map((k) => keyAction(k, grading))).toEqual([
      { kind: "grade", rating: "again" },
      { kind: "grade", rating: "hard" },
      { kind: "grade", rating: "good" },
      { kind: "grade", rating: "easy" },
    ]);
    expect(keyAction("5", grading)).toBeNull();
  });
  it("keyAction rates a right answer of a checked question 2–4 as Hard, Good, Easy; 1 (Again) is not offered", () => {
    for (const type of ["choice", "numeric", "generated"] as const) {
      const grading = ctx({ type, phase: "grading", target: "button" });
      expect(["1", "2", "3", "4", "5"].map((k) => keyAction(k, grading))).toEqual([
        null,
        { kind: "grade", rating: "hard" },
        { kind: "grade", rating: "good" },
        { kind: "grade", rating: "easy" },
        null,
      ]);
      expect(keyAction("Enter", { ...grading, target: "other" })).toBeNull();
    }
  });
  it("keyAction never takes keys typed into a text field or a select, or with a modifier", () => {
    for (const key of ["1", "Enter", " ", "3"]) {
      expect(keyAction(key, ctx({ target: "text", type: "numeric", options: 0 }))).toBeNull();
      expect(keyAction(key, ctx({ target: "select" }))).toBeNull();
      expect(keyAction(key, ctx({ modified: true }))).toBeNull();
    }
  });
  it("keyAction leaves Enter and Space on a focused button to the browser but still reads digits", () => {
    expect(keyAction("Enter", ctx({ target: "button", phase: "answered" }))).toBeNull();
    expect(keyAction(" ", ctx({ target: "button", type: "flashcard" }))).toBeNull();
    expect(keyAction("3", ctx({ target: "button", phase: "grading", type: "flashcard" }))).toEqual({ kind: "grade", rating: "good" });
  });
  it("keyAction does nothing while no question is shown", () => {
    expect(keyAction("1", ctx({ phase: "idle" }))).toBeNull();
  });

  it("keyAction: U or Ctrl+Z undoes in any phase, never while typing or with Alt", () => {
    expect(keyAction("u", ctx({ phase: "answered" }))).toEqual({ kind: "undo" });
    expect(keyAction("z", ctx({ phase: "asking", modified: true, ctrl: true }))).toEqual({ kind: "undo" });
    expect(keyAction("u", ctx({ target: "text" }))).toBeNull();
    expect(keyAction("z", ctx({ target: "text", modified: true, ctrl: true }))).toBeNull();
    expect(keyAction("u", ctx({ modified: true }))).toBeNull();
    expect(keyAction("z", ctx({}))).toBeNull();
  });
});
