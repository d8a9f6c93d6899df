// Keyboard shortcuts of the quiz as a pure function of the key and the question's state, so they can be
// tested without a browser: 1–8 pick an option, Enter checks or moves on, Space reveals a flashcard,
// 1–4 grade a revealed flashcard, 2–4 rate a right answer (Hard, Good, Easy: the same keys as on a flashcard; a wrong
// answer is Again without asking), U (or Ctrl+Z) undoes the last grade. Keys typed into text fields are never taken.
import type { Rating } from "..";

/** What the quiz is doing, as far as the keyboard is concerned. */
export interface KeyContext {
  /**
   * "asking": waiting for an answer; "grading": a flashcard revealed, or a checked answer found right, waiting for a
   * self-grade; "answered": feedback shown.
   */
  phase: "asking" | "grading" | "answered" | "idle";
  type: "choice" | "numeric" | "flashcard" | "generated" | null;
  /** Number of options of a choice question. */
  options: number;
  /** Where the key was pressed: a text field, a button, a select, or anything else (a radio, the page). */
  target: "text" | "button" | "select" | "other";
  /** Ctrl, Alt or Meta held. */
  modified: boolean;
  /** Ctrl (or Meta, on a Mac) held: Ctrl+Z undoes. */
  ctrl?: boolean;
}

/** What a key asks the quiz to do. */
export type KeyAction =
  | { kind: "pick"; index: number }
  | { kind: "submit" }
  | { kind: "reveal" }
  | { kind: "grade"; rating: Rating }
  | { kind: "next" }
  | { kind: "undo" };

const GRADES: readonly Rating[] = ["again", "hard", "good", "easy"];

/**
 * The action for a key press, or null to leave the key to the browser.
 *
 * @example
 *   keyAction("2", { phase: "asking", type: "choice", options: 4, target: "other", modified: false });   // { kind: "pick", index: 1 }
 *   keyAction("2", { phase: "asking", type: "numeric", options: 0, target: "text", modified: false });   // null (typing)
 */
export function keyAction(key: string, ctx: KeyContext): KeyAction | null {
  // Undo, as Anki's Ctrl+Z; U alone too, since phones and some layouts make Ctrl awkward. Never while typing.
  if (ctx.target !== "text" && ctx.target !== "select" && (key === "u" || key === "U" || (ctx.ctrl && (key === "z" || key === "Z"))))
    return ctx.modified && !ctx.ctrl ? null : { kind: "undo" };
  if (ctx.modified || ctx.target === "text" || ctx.target === "select" || ctx.phase === "idle") return null;
  const activates = key === "Enter" || key === " ";
  // A focused button does what it says on Enter and Space; the browser clicks it.
  if (ctx.target === "button" && activates) return null;
  const digit = /^[1-9]$/.test(key) ? Number(key) : 0;
  switch (ctx.phase) {
    case "asking":
      if (ctx.type === "choice") {
        if (digit && digit <= Math.min(8, ctx.options)) return { kind: "pick", index: digit - 1 };
        if (key === "Enter") return { kind: "submit" };
        return null;
      }
      if (ctx.type === "flashcard") return activates ? { kind: "reveal" } : null;
      return key === "Enter" ? { kind: "submit" } : null;
    case "grading":
      // A right answer of a checked question offers Hard, Good and Easy only: Again is what a wrong answer gets.
      if (digit >= (ctx.type === "flashcard" ? 1 : 2) && digit <= 4) return { kind: "grade", rating: GRADES[digit - 1] };
      return null;
    case "answered":
      return key === "Enter" ? { kind: "next" } : null;
  }
}

/**
 * Classifies the element a key was pressed on, for `keyAction`.
 *
 * @example
 *   keyTarget(document.activeElement);   // "text" inside an <input type="text">
 */
export function keyTarget(el: Element | null): KeyContext["target"] {
  if (!el) return "other";
  const tag = el.tagName;
  if (tag === "TEXTAREA" || (el as HTMLElement).isContentEditable) return "text";
  if (tag === "SELECT") return "select";
  if (tag === "BUTTON" || tag === "SUMMARY" || tag === "A") return "button";
  if (tag === "INPUT") {
    const type = (el as HTMLInputElement).type;
    if (type === "radio" || type === "checkbox") return "other";
    if (type === "button" || type === "submit" || type === "reset" || type === "file") return "button";
    return "text";
  }
  return "other";
}
