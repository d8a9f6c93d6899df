// Spaced repetition with FSRS (the ts-fsrs package): one card per question id, stored as plain JSON numbers.
import { fsrs, createEmptyCard, Rating as FsrsRating, State, type Card, type FSRS, type Grade } from "ts-fsrs";
import { z } from "astro/zod";
import type { Rating } from "./grade";

/** A question's FSRS card as stored: ts-fsrs's Card with dates as milliseconds since the epoch. */
export const storedCardSchema = z.object({
  due: z.number().finite(),
  stability: z.number().finite().nonnegative(),
  difficulty: z.number().finite().nonnegative(),
  elapsed_days: z.number().finite().nonnegative(),
  scheduled_days: z.number().finite().nonnegative(),
  learning_steps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  last_review: z.number().finite().optional(),
});
export type StoredCard = z.infer<typeof storedCardSchema>;

const DAY = 86_400_000;
/** The retention FSRS aims for unless the learner chose another (ts-fsrs's default request_retention). */
export const DEFAULT_RETENTION = 0.9;
/** The learning steps (new cards) and relearning steps (after Again on a review card), as Anki's defaults. */
export const LEARNING_STEPS = ["1m", "10m"] as const;
export const RELEARNING_STEPS = ["10m"] as const;

// NOTE: fuzz off, so the same answers at the same times always give the same schedule (tests, export/import).
// Short-term scheduling on: a missed card steps through minutes-long (re)learning steps within the session.
const schedulers = new Map<number, FSRS>();
function schedulerFor(retention = DEFAULT_RETENTION): FSRS {
  let s = schedulers.get(retention);
  if (!s) {
    s = fsrs({
      enable_fuzz: false,
      enable_short_term: true,
      request_retention: retention,
      learning_steps: [...LEARNING_STEPS],
      relearning_steps: [...RELEARNING_STEPS],
    });
    schedulers.set(retention, s);
  }
  return s;
}
const scheduler = schedulerFor();
const GRADE: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good, easy: FsrsRating.Easy };

function toStored(c: Card): StoredCard {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as StoredCard["state"],
    ...(c.last_review ? { last_review: c.last_review.getTime() } : {}),
  };
}

function toCard(s: StoredCard): Card {
  return {
    ...s,
    due: new Date(s.due),
    last_review: s.last_review === undefined ? undefined : new Date(s.last_review),
    state: s.state as State,
  };
}

/**
 * A card for a question never reviewed, due now.
 *
 * @example
 *   newCard(Date.now()).state;   // 0 (new)
 */
export function newCard(now: number): StoredCard {
  return toStored(createEmptyCard(new Date(now)));
}

/**
 * The card after a review with `rating` at time `now` (FSRS; a missing card counts as new).
 * Again brings it back within minutes; Good on a new card schedules it minutes later, then days.
 *
 * @example
 *   let card = review(undefined, "good", now);
 *   card = review(card, "good", card.due);   // a few days later
 */
export function review(card: StoredCard | undefined, rating: Rating, now: number, retention = DEFAULT_RETENTION): StoredCard {
  return toStored(schedulerFor(retention).next(toCard(card ?? newCard(now)), new Date(now), GRADE[rating]).card);
}

/**
 * What each grade would do to the card at `now`: the card it would become, from ts-fsrs's `repeat` preview.
 * The grade buttons show `after[rating].due - now` as the interval.
 *
 * @example
 *   preview(undefined, now).again.due - now;   // 60 000 (the first learning step, 1 min)
 */
export function preview(card: StoredCard | undefined, now: number, retention = DEFAULT_RETENTION): Record<Rating, StoredCard> {
  const log = schedulerFor(retention).repeat(toCard(card ?? newCard(now)), new Date(now));
  return {
    again: toStored(log[FsrsRating.Again].card),
    hard: toStored(log[FsrsRating.Hard].card),
    good: toStored(log[FsrsRating.Good].card),
    easy: toStored(log[FsrsRating.Easy].card),
  };
}

/** Whether a card is in a (re)learning step: due again within minutes, so it belongs to the current session. */
export function isLearning(card: StoredCard | undefined): boolean {
  return card?.state === State.Learning || card?.state === State.Relearning;
}

/**
 * The probability FSRS gives of recalling the card at `now` (0 for a card never reviewed).
 *
 * @example
 *   retrievability(review(undefined, "good", t0), t0 + 86_400_000);   // ≈ 0.9…
 */
export function retrievability(card: StoredCard | undefined, now: number): number {
  if (!card || card.state === State.New) return 0;
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}

/**
 * Whether a card is due for review at `now`.
 *
 * @example
 *   isDue(card, Date.now());
 */
export function isDue(card: StoredCard, now: number): boolean {
  return card.due <= now;
}

/** Options of the daily queue. */
export interface QueueOptions {
  /** New questions introduced per day (default 10). */
  newPerDay?: number;
  /** New questions already introduced today (first answered today); they count against the limit. */
  newSeenToday?: number;
  /** Cap on due reviews shown (default: all). */
  maxReviews?: number;
}

/**
 * The daily review queue: question ids whose card is due (most overdue first), then questions never seen,
 * in the order given, up to the daily limit of new ones.
 *
 * @example
 *   reviewQueue(bank.map((q) => q.id), progress.cards, Date.now(), { newPerDay: 10 });
 */
export function reviewQueue(
  ids: readonly string[],
  cards: Readonly<Record<string, StoredCard>>,
  now: number,
  options: QueueOptions = {},
): string[] {
  const { newPerDay = 10, newSeenToday = 0, maxReviews = Infinity } = options;
  const due = ids
    .filter((id) => cards[id] && isDue(cards[id], now))
    .sort((a, b) => cards[a].due - cards[b].due)
    .slice(0, maxReviews);
  const fresh = ids.filter((id) => !cards[id]).slice(0, Math.max(0, newPerDay - newSeenToday));
  return [...due, ...fresh];
}

/**
 * How many cards are due at `now`, and how many within the next day.
 *
 * @example
 *   dueCounts(progress.cards, Date.now());   // { now: 4, tomorrow: 9 }
 */
export function dueCounts(cards: Readonly<Record<string, StoredCard>>, now: number): { now: number; tomorrow: number } {
  const all = Object.values(cards);
  return { now: all.filter((c) => c.due <= now).length, tomorrow: all.filter((c) => c.due <= now + DAY).length };
}
