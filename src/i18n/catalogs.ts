// The string tables of the languages loaded in this page (or worker), kept apart from the English table itself so that
// loading another language (load.ts) does not bring the English strings into a page's first script.
import type { Lang } from "./lang";

const catalogs: Partial<Record<Lang, Record<string, string>>> = {};

/** Adds strings of a language (its whole table, or the part a worker is given). */
export function addCatalog(lang: Lang, messages: Record<string, string>): void {
  catalogs[lang] = { ...catalogs[lang], ...messages };
}

/** The strings of `lang` loaded so far, if any. */
export function catalog(lang: Lang): Record<string, string> | undefined {
  return catalogs[lang];
}
