// The daily review as a session, as Anki runs one: a card missed (Again) goes through minutes-long (re)learning
// steps and comes back in the same session until recalled; learning cards are shown as soon as their step has
// passed, before anything else, and up to 20 minutes early when nothing else is left ("learn ahead"). The session
// is over only when no card is left within that window. New cards take turns between chapters. Pure functions.
import { createRng } from "../../lib";
import type { QuestionMeta } from "./sessions";
import { chapterOf, dayIndex } from "./sessions";
import type { QuizProgress } from "./store";
import { isLearning, reviewQueue, type StoredCard } from "./schedule";
import { isExerciseCard } from "./exercise-cards";

/** How early a learning card may be shown when nothing else is left (Anki's default learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** A review session: the cards planned at its start, and those answered since (in order, repeats included). */
export interface ReviewSession {
  planned: readonly string[];
  answered: readonly string[];
}

/** The card to show next and why: a learning step that is due, the next planned card, or a learning step shown early. */
export interface NextCard {
  id: string;
  reason: "learning" | "planned" | "early";
}

/**
 * Interleaves new questions across chapters: within a chapter they keep the order given (course order), and the
 * chapters take turns, starting from a chapter chosen by `seed` (the day), so that new cards do not follow the
 * bank's order chapter after chapter.
 *
 * @example
 *   interleaveChapters(["01/a", "01/b", "02/c"], (id) => id.slice(0, 2), 0);   // ["01/a", "02/c", "01/b"]
 */
export function interleaveChapters(ids: readonly string[], chapter: (id: string) => string, seed: number): string[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const c = chapter(id);
    const g = groups.get(c);
    if (g) g.push(id);
    else groups.set(c, [id]);
  }
  const order = createRng(seed).shuffle([...groups.keys()].sort());
  const out: string[] = [];
  for (let round = 0; out.length < ids.length; round++)
    for (const c of order) {
      const g = groups.get(c)!;
      if (round < g.length) out.push(g[round]);
    }
  return out;
}

/**
 * The questions the review may show: in the chosen chapters (all when none chosen), not suspended. A solved
 * exercise's card belongs to no chapter's reading, so the chapter choice leaves it in (suspending takes it out).
 */
export function reviewPool<Q extends QuestionMeta>(bank: readonly Q[], progress: QuizProgress): Q[] {
  const { chapters, suspended } = progress.settings;
  const out = new Set(suspended);
  return bank.filter((q) => !out.has(q.id) && (!chapters.length || isExerciseCard(q.id) || chapters.includes(chapterOf(q.link))));
}

/**
 * The cards planned for today's session: due cards (most overdue first), then new questions up to the daily limit
 * (counting those already started today), interleaved between chapters with the day as seed. Suspended questions
 * and chapters left out in the settings never appear. A solved exercise is never a new card: one without a card
 * (solved before exercises were cards, or reset in the card browser) is owed a review now, after the due cards.
 *
 * @example
 *   planReview(bank, progress, Date.now());
 */
export function planReview(bank: readonly QuestionMeta[], progress: QuizProgress, now: number, tzOffsetMinutes?: number): string[] {
  const pool = reviewPool(bank, progress);
  const first = new Map<string, number>();
  for (const a of progress.history) if (!isExerciseCard(a.id) && (!first.has(a.id) || a.at < first.get(a.id)!)) first.set(a.id, a.at);
  const today = dayIndex(now, tzOffsetMinutes);
  const newSeenToday = [...first.values()].filter((at) => dayIndex(at, tzOffsetMinutes) === today).length;
  const link = new Map(pool.map((q) => [q.id, q.link]));
  const owed = pool.filter((q) => isExerciseCard(q.id) && !progress.cards[q.id]).map((q) => q.id);
  const fresh = interleaveChapters(
    pool.filter((q) => !progress.cards[q.id] && !isExerciseCard(q.id)).map((q) => q.id),
    (id) => chapterOf(link.get(id)!),
    today,
  );
  const seen = pool.filter((q) => progress.cards[q.id]).map((q) => q.id);
  const due = reviewQueue(seen, progress.cards, now, { newPerDay: 0 });
  return [...due, ...owed, ...reviewQueue(fresh, progress.cards, now, { newPerDay: progress.settings.newPerDay, newSeenToday })];
}

/**
 * The next card of a session at `now`, or null when the session is over: a learning card whose step is due
 * comes first, then the next planned card not yet answered, then a learning card due within `LEARN_AHEAD_MS`.
 * A suspended card is never shown.
 *
 * @example
 *   nextCard(session, progress.cards, Date.now(), new Set(progress.settings.suspended));
 */
export function nextCard(
  session: ReviewSession,
  cards: Readonly<Record<string, StoredCard>>,
  now: number,
  suspended: ReadonlySet<string> = new Set(),
): NextCard | null {
  const answered = new Set(session.answered);
  const learning = [...answered]
    .filter((id) => !suspended.has(id) && isLearning(cards[id]))
    .sort((a, b) => cards[a].due - cards[b].due || a.localeCompare(b));
  if (learning.length && cards[learning[0]].due <= now) return { id: learning[0], reason: "learning" };
  const planned = session.planned.find((id) => !answered.has(id) && !suspended.has(id));
  if (planned) return { id: planned, reason: "planned" };
  if (learning.length && cards[learning[0]].due <= now + LEARN_AHEAD_MS) return { id: learning[0], reason: "early" };
  return null;
}

/** The session's counts, as Anki shows them: new cards still planned, cards in learning, reviews still planned. */
export function sessionCounts(
  session: ReviewSession,
  cards: Readonly<Record<string, StoredCard>>,
  suspended: ReadonlySet<string> = new Set(),
): { fresh: number; learning: number; review: number } {
  const answered = new Set(session.answered);
  const left = session.planned.filter((id) => !answered.has(id) && !suspended.has(id));
  const inLearning = new Set([...answered].filter((id) => !suspended.has(id) && isLearning(cards[id])));
  for (const id of left) if (isLearning(cards[id])) inLearning.add(id);
  return {
    fresh: left.filter((id) => !cards[id] && !isExerciseCard(id)).length,
    learning: inLearning.size,
    // A solved exercise owed a review without a card counts as a review, as planReview plans it.
    review: left.filter((id) => (cards[id] && !isLearning(cards[id])) || (!cards[id] && isExerciseCard(id))).length,
  };
}
