// A light reader of the solved exercises for the page's first paint: plain JSON, no schema library, so the
// exercises page stays within its script budget. Writing goes through the quiz store (loaded on a solve). The
// card id "exercises/<id>" is EXERCISE_CARD_PREFIX of src/quiz/exercise-cards.ts, written out to stay light.

/** The quiz progress key (QUIZ_KEY in src/quiz/store.ts; a test keeps them equal). */
export const PROGRESS_KEY = "dlf.quiz.v1";

/**
 * The solved exercises of a stored progress record, keeping only well-formed entries; {} for anything else.
 * @example
 *   readSolved('{"version":1,"exercises":{"mse":{"solvedAt":1,"due":2}}}');   // { mse: { solvedAt: 1, due: 2 } }
 */
export function readSolved(raw: string | null): Record<string, { solvedAt: number; due: number }> {
  const out = Object.create(null) as Record<string, { solvedAt: number; due: number }>;
  let parsed: unknown;
  try {
    parsed = raw === null ? null : JSON.parse(raw);
  } catch {
    return out;
  }
  const table = (parsed as { exercises?: unknown } | null)?.exercises;
  if (!table || typeof table !== "object") return out;
  const cards = (parsed as { cards?: unknown }).cards;
  for (const [id, e] of Object.entries(table)) {
    const { solvedAt, due } = (e ?? {}) as { solvedAt?: unknown; due?: unknown };
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || !Number.isFinite(solvedAt) || !Number.isFinite(due)) continue;
    // The review card decides when the exercise is due (a review in the daily review moves it); the record's own
    // due time is for a record without a card.
    const card =
      cards && typeof cards === "object" ? (cards as Record<string, { due?: unknown } | undefined>)[`exercises/${id}`] : undefined;
    out[id] = { solvedAt: solvedAt as number, due: Number.isFinite(card?.due) ? (card!.due as number) : (due as number) };
  }
  return out;
}
