// Site search (Pagefind) should send a reader to the chapter section that teaches a topic, not to the pages that
// restate it or drill it. The question pages, the exercises and the engine reference therefore carry a low
// Pagefind weight on their title and body (Pagefind multiplies the weight of every word inside the element by
// it), so for a topic's own word the chapter comes first and these pages follow.
import { withoutLangPrefix } from "../../i18n/lang";

/** Pagefind weight of the question pages, the exercises and the engine reference (1 is a chapter's body text, 7 an h1). */
export const SECONDARY_SEARCH_WEIGHT = 0.2;

/** True for the pages ranked below the chapters: the question bank, the exercises and the engine reference (route ids). */
export function isSecondaryPage(id: string): boolean {
  return /^(questions|exercises|reference)(\/|$)/.test(withoutLangPrefix(id));
}

/**
 * The question topics a chapter is the home of: those most of whose questions link into it (ties go to the earlier
 * chapter). Chapters carry these names as a Pagefind meta field ("topics", weighted in astro.config.mjs), so a search
 * for a topic's name puts the chapter that teaches it first even when another chapter mentions the word more often.
 *
 *   home(topic) = the chapter with the most questions of that topic
 */
export function homeTopics(questions: readonly { id: string; chapter: string }[], chapter: string): string[] {
  const counts = new Map<string, Map<string, number>>();
  for (const q of questions) {
    const topic = q.id.split("/")[0],
      byChapter = counts.get(topic) ?? new Map<string, number>();
    byChapter.set(q.chapter, (byChapter.get(q.chapter) ?? 0) + 1);
    counts.set(topic, byChapter);
  }
  const home = (byChapter: Map<string, number>) => [...byChapter].sort(([a, m], [b, n]) => n - m || a.localeCompare(b))[0][0];
  return [...counts]
    .filter(([, byChapter]) => home(byChapter) === chapter)
    .map(([topic]) => topic)
    .sort();
}

/**
 * Orders a search result's sections for display: sections whose own heading names the query (the strongest single
 * match, since Pagefind weighs a heading above body text) come first, the rest keep page order; `limit` are kept.
 * Pagefind's interface would otherwise keep the three sections with the most mentions, in page order.
 */
export function rankSections<S extends { weighted_locations: readonly { balanced_score: number }[] }>(
  sections: readonly S[],
  limit = 3,
): S[] {
  const best = (s: S) => Math.max(0, ...s.weighted_locations.map((l) => l.balanced_score));
  return sections
    .map((s, i) => ({ s, i, score: best(s) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.s);
}
