// A light reader of the solved exercises for the page's first paint: plain JSON, no schema library, so the
// exercises page stays within its script budget. Writing goes through the quiz store (loaded on a solve).

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
  for (const [id, e] of Object.entries(table)) {
    const { solvedAt, due } = (e ?? {}) as { solvedAt?: unknown; due?: unknown };
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && Number.isFinite(solvedAt) && Number.isFinite(due))
      out[id] = { solvedAt: solvedAt as number, due: due as number };
  }
  return out;
}
