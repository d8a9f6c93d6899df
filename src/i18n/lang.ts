// The course's languages: English at the site's root, Chinese under /zh-cn/. In the browser a page's language is its
// <html lang>; while pages are built it is the language of the page being rendered (src/middleware.ts sets it).

export const LANGS = ["en", "zh-cn"] as const;
export type Lang = (typeof LANGS)[number];

/** The URL prefix of each language's pages, after the site's base ("" for the root language). */
export const LANG_PREFIX: Record<Lang, string> = { en: "", "zh-cn": "zh-cn/" };

/** The value of <html lang> for each language (BCP 47, as Starlight writes it). */
export const HTML_LANG: Record<Lang, string> = { en: "en", "zh-cn": "zh-CN" };

/** The language of an <html lang> value; English for anything else. */
export function langOfTag(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith("zh") ? "zh-cn" : "en";
}

/** The language of a page from its path, e.g. "/course/zh-cn/chapters/…" under base "/course/". */
export function langOfPath(pathname: string, base = "/"): Lang {
  const rest = `${pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, "")}/`;
  return LANGS.find((lang) => LANG_PREFIX[lang] && rest.startsWith(LANG_PREFIX[lang])) ?? "en";
}

/** A path below the site's base without its language prefix: "zh-cn/chapters/x/" → "chapters/x/". */
export function withoutLangPrefix(rest: string): string {
  const prefix = LANG_PREFIX[langOfPath(rest)];
  return prefix ? rest.slice(prefix.length) : rest;
}

let langSource: () => Lang | undefined = () => undefined;

/** Where there is no page (the build, src/middleware.ts; a worker, told by its page), sets where the language comes from. */
export function setLangSource(source: () => Lang | undefined): void {
  langSource = source;
}

/** The language of the page this code runs for. */
export function currentLang(): Lang {
  if (typeof document !== "undefined") return langOfTag(document.documentElement.lang);
  return langSource() ?? "en";
}

/** The site's base path, always with a trailing slash ("/" or e.g. "/course/"). */
export function siteBase(): string {
  return import.meta.env.BASE_URL.replace(/\/?$/, "/");
}

/** Where the pages of a language start: the site's base, then its prefix ("/" or "/zh-cn/" at the root). */
export function pageBase(lang: Lang = currentLang()): string {
  return siteBase() + LANG_PREFIX[lang];
}
