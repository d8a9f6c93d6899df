// The serialisable question bank the interface receives: every question of content/questions with its Markdown
// and math already rendered to HTML at build time (see bank.ts). No functions, so it can be emitted as JSON.
import type { Topic } from "./schema";
import type { Tolerance } from "./generators/types";

interface BankBase {
  /** "<topic>/<slug>", the file's path under content/questions without .yaml. */
  id: string;
  topics: Topic[];
  difficulty: 1 | 2 | 3;
  /** "04-optimization-algorithms#adam" as in the file. */
  link: string;
  /** The chapter slug part of `link`. */
  chapter: string;
  /** The prompt as HTML (KaTeX already rendered); for a generated question, the optional lead-in or "". */
  promptHtml: string;
  /** Plain text of prompt and answer, for search and for listing. */
  text: string;
  /** A page to open instead of the chapter section, as a path under the site's base (an exercise card's exercise). */
  href?: string;
}

/** A multiple-choice question; several correct options mean "select all that apply". */
export interface BankChoice extends BankBase {
  type: "choice";
  options: { html: string; correct: boolean; whyHtml?: string }[];
  multiple: boolean;
  answerHtml: string;
}
/** A numeric question. */
export interface BankNumeric extends BankBase {
  type: "numeric";
  value: number;
  tolerance: Tolerance;
  unit?: string;
  answerHtml: string;
}
/** A flashcard: reveal the answer, then grade yourself. */
export interface BankFlashcard extends BankBase {
  type: "flashcard";
  answerHtml: string;
}
/** A generated question: the interface calls `generators.get(generator).generate(seed)`. */
export interface BankGenerated extends BankBase {
  type: "generated";
  generator: string;
  /** The template's title. */
  title: string;
}

/** One question of the bank, as the interface receives it. */
export type BankQuestion = BankChoice | BankNumeric | BankFlashcard | BankGenerated;
