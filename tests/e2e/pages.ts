// Every page of the built site, discovered from the build output (not a hard-coded list).
import { relative, sep } from "node:path";
import { filesUnder } from "../../src/build/walk.mjs";
import { CHAPTER_RENAMES } from "../../src/content/chapter-renames";

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

/** A question-topic page: one of many pages generated from one template with different data. */
export const isTemplatePage = (path: string): boolean => /^questions\/[^/]+\/$/.test(path);

/** The pages the browser gates run on: every page written by hand, and every SAMPLE_EVERY-th page of
 * those generated from one template (first one included). The template's other pages still get the
 * full link pass (crawl.spec.ts), which needs no browser. */
export const SAMPLE_EVERY = 8;
export function crawledPages(): string[] {
  const pages = builtPages().filter((p) => !isMovedPage(p));
  const generated = pages.filter(isTemplatePage);
  return pages.filter((p) => !isTemplatePage(p) || generated.indexOf(p) % SAMPLE_EVERY === 0);
}
