// Chapters whose file, and so whose URL, changed. The build writes a page at each old URL that sends the reader on
// (src/pages/chapters/[renamed].astro), and progress saved under an old slug is read under the new one.

/** Old chapter slug → new chapter slug. */
export const CHAPTER_RENAMES: Readonly<Record<string, string>> = Object.freeze({
  "09-interview-preparation": "11-interview-preparation",
});

/**
 * The current slug of a chapter, given its slug or its path ("chapters/<slug>") from before a rename; anything else
 * comes back unchanged.
 *
 * @example
 *   currentChapter("09-interview-preparation");            // "11-interview-preparation"
 *   currentChapter("chapters/09-interview-preparation");   // "chapters/11-interview-preparation"
 */
export function currentChapter(slugOrPath: string): string {
  const prefix = slugOrPath.startsWith("chapters/") ? "chapters/" : "";
  const slug = slugOrPath.slice(prefix.length);
  return Object.hasOwn(CHAPTER_RENAMES, slug) ? prefix + CHAPTER_RENAMES[slug] : slugOrPath;
}
