// Where each translation lives and what it was translated from (content/zh-cn/TRANSLATING.md).
import { existsSync } from "node:fs";

/**
 * The translated editions the build makes, besides English at the root. COURSE_LANGS overrides it ("" for English
 * only, e.g. to look at a change quickly; CI builds the default).
 */
export const EDITIONS = (process.env.COURSE_LANGS ?? "zh-cn").split(",").filter(Boolean);

/** The English source of a translated content file, or undefined for a file that is not a translation. */
export function englishTwin(path) {
  const m = /^(.*[\\/]content)[\\/]([a-z]{2}(?:-[a-z]+)?)[\\/](chapters[\\/][^\\/]+\.mdx)$/.exec(path);
  if (!m || !EDITIONS.includes(m[2])) return undefined;
  const twin = `${m[1]}/${m[3]}`;
  return existsSync(twin) ? twin : undefined;
}
