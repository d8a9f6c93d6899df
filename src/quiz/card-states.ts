// The card browser's model: every question with its review state (new, learning, review, relearning, suspended),
// filtered by text, topic and state. Pure, so the filters are tested without a browser.
import type { BankQuestion } from "./bank-types";
import type { Topic } from "./schema";
import type { QuizProgress } from "./store";
import type { StoredCard } from "./schedule";

/** A question's state in the review, as Anki's browser names them. */
export type CardState = "new" | "learning" | "review" | "relearning" | "suspended";

const FSRS_STATE: Record<StoredCard["state"], CardState> = { 0: "new", 1: "learning", 2: "review", 3: "relearning" };

/** The state of question `id`: suspended wins over the FSRS state; no card means new. */
export function cardState(progress: QuizProgress, id: string): CardState {
  if (progress.settings.suspended.includes(id)) return "suspended";
  const card = Object.hasOwn(progress.cards, id) ? progress.cards[id] : undefined;
  return card ? FSRS_STATE[card.state] : "new";
}

/** What the browser filters on; empty fields match everything. */
export interface CardFilter {
  text?: string;
  topic?: Topic | "";
  state?: CardState | "";
}

/** One row of the browser. */
export interface CardRow {
  id: string;
  text: string;
  topics: Topic[];
  state: CardState;
  /** When the card is due next (undefined for a question never answered). */
  due?: number;
}

/**
 * The questions matching `filter`, in bank order: the search text matches the question's text or id, case and
 * accents ignored; every word must match.
 *
 * @example
 *   browseCards(bank, progress, { text: "bias correction", state: "review" });
 */
export function browseCards(
  bank: readonly Pick<BankQuestion, "id" | "text" | "topics">[],
  progress: QuizProgress,
  filter: CardFilter,
): CardRow[] {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const words = fold(filter.text ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const out: CardRow[] = [];
  for (const q of bank) {
    if (filter.topic && !q.topics.includes(filter.topic)) continue;
    const state = cardState(progress, q.id);
    if (filter.state && state !== filter.state) continue;
    if (words.length) {
      const hay = fold(`${q.id} ${q.text}`);
      if (!words.every((w) => hay.includes(w))) continue;
    }
    const card = Object.hasOwn(progress.cards, q.id) ? progress.cards[q.id] : undefined;
    out.push({ id: q.id, text: q.text, topics: q.topics, state, due: card?.due });
  }
  return out;
}
