// The sentence a reader types into an attention widget: words from the engine's tokenizer, at most MAX_WORDS of
// them, so a heatmap stays legible on a phone (12 × 12 cells) and a change redraws in one frame.
import { tokenize } from "../../lib";

/** Most words a widget reads; more are dropped with a note. */
export const MAX_WORDS = 12;
/** The text box's maxlength: more than enough for 12 words. */
export const MAX_CHARS = 160;
/** The sentence shown first: "the" twice, and a pronoun with two candidate nouns. */
export const DEFAULT_SENTENCE = "the cat sat on the mat because it was tired";

export interface ParsedSentence {
  /** The words used, at most MAX_WORDS; empty when the text has no word. */
  tokens: string[];
  /** How many words beyond MAX_WORDS were dropped. */
  dropped: number;
}

/**
 * The words of a typed sentence, capped at MAX_WORDS (text beyond MAX_CHARS is cut first).
 * @example
 *   parseSentence("The cat sat").tokens;   // ["the", "cat", "sat"]
 */
export function parseSentence(text: string): ParsedSentence {
  const all = tokenize(text.slice(0, MAX_CHARS));
  return { tokens: all.slice(0, MAX_WORDS), dropped: Math.max(0, all.length - MAX_WORDS) };
}
