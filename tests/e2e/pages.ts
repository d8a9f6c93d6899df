// Every page of the built site, discovered from the build output (not a hard-coded list).
import { relative, sep } from "node:path";
import { filesUnder } from "../../src/build/walk.mjs";
import { CHAPTER_RENAMES } from "../../src/content/chapter-renames";
import { langOfPath } from "../../src/i18n/lang";

export const DIST = process.env.COURSE_OUT_DIR ?? "dist";

/** Paths relative to the site's base: "./", "chapters/01-what-is-deep-learning/", "404.html". */
export function builtPages(): string[] {
  return filesUnder(DIST, ".html")
    .map((f) => relative(DIST, f).split(sep).join("/"))
    .map((p) => (p === "index.html" ? "./" : p.endsWith("/index.html") ? p.slice(0, -"index.html".length) : p))
    .sort();
}

/** A page left at a renamed chapter's old URL, which only sends the reader on (checked in frame.spec.ts). */
export const movedPages = (): string[] => Object.keys(CHAPTER_RENAMES).map((slug) => `chapters/${slug}/`);
const isMovedPage = (path: string): boolean => movedPages().includes(path);

/** A question-topic page (in any language): one of many pages generated from one template with different data. */
export const isTemplatePage = (path: string): boolean => /^(zh-cn\/)?questions\/[^/]+\/$/.test(path);

/** A page of a translated edition ("zh-cn/chapters/…"): the same widgets and code as its English twin. */
export const isTranslatedPage = (path: string): boolean => langOfPath(path) !== "en";

/** Under a sub-path the crawl checks what a base path can break; a translated edition adds its own worker, bank and
 * links, which these pages of it cover (its other pages are built from the same code as these). */
export const SUBPATH_TRANSLATED = new Set(["zh-cn/", "zh-cn/chapters/11-interview-preparation/", "zh-cn/questions/"]);

/** The pages the browser gates run on: every page written by hand, and every SAMPLE_EVERY-th page of
 * those generated from one template (first one included). The template's other pages still get the
 * full link pass (crawl.spec.ts), which needs no browser. */
export const SAMPLE_EVERY = 8;
export function crawledPages(subPath = (process.env.BASE_PATH ?? "/") !== "/"): string[] {
  const pages = builtPages().filter((p) => !isMovedPage(p));
  const generated = pages.filter((p) => isTemplatePage(p) && !isTranslatedPage(p));
  // A translated edition's template pages are the English sample's template with the translated bank: its first one.
  const sample = (p: string) =>
    isTranslatedPage(p) ? p === pages.find((q) => isTemplatePage(q) && isTranslatedPage(q)) : generated.indexOf(p) % SAMPLE_EVERY === 0;
  return pages.filter((p) => !isTemplatePage(p) || sample(p)).filter((p) => !subPath || !isTranslatedPage(p) || SUBPATH_TRANSLATED.has(p));
}
