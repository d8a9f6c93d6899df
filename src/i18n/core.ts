// t() over whatever string tables are loaded (catalogs.ts), without bringing any table itself: code that also runs in
// a worker (the exercise grader) reads its strings through this, and the worker gets them from its page
// (`catalogSubset` there, `addCatalog` here). Page and build code import src/i18n/index.ts, which loads English.
import { fill } from "./fill";
import { currentLang, type Lang } from "./lang";
import { catalog } from "./catalogs";

export type MessageKey = string;

/** The interface string for `key` in the page's language, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, lang: Lang = currentLang()): string {
  // The translation tracker fails the build when a translated string is missing; a draft build (and a key added to
  // the English while its translation is in progress) shows the English.
  const text = catalog(lang)?.[key] ?? catalog("en")?.[key];
  if (text === undefined) throw new Error(`i18n: no ${lang} message "${key}"`);
  return fill(text, vars);
}

/** The page's strings whose keys start with one of `prefixes`, for a worker that prints them (`addCatalog` there). */
export function catalogSubset(prefixes: readonly string[], lang: Lang = currentLang()): { lang: Lang; messages: Record<string, string> } {
  const table = catalog(lang) ?? {};
  return { lang, messages: Object.fromEntries(Object.entries(table).filter(([key]) => prefixes.some((p) => key.startsWith(p)))) };
}
