import { z } from "astro/zod";

/** The course's own front-matter fields of a chapter, on top of Starlight's (title, description, …). */
export const chapterFields = z.object({
  /** Position in the course; the sidebar and prev/next links follow it. */
  order: z.number().int().min(0),
  /** One line for the home page's chapter list. */
  summary: z.string().min(10).max(200),
  /** What a reader can do after the chapter. */
  objectives: z.array(z.string().min(5)).min(1),
  /** The handbook sections the chapter covers (their headings). */
  sections: z.array(z.string().min(1)).min(1),
  /** Terms this chapter teaches that no question topic names (e.g. "softmax", taught in chapter 2 and used in many
   * later ones): site search ranks the chapter first for them, as for its question topics (search-weight.ts). */
  teaches: z.array(z.string().min(2)).default([]),
  /** A translation's record of the English file it was made from (src/build/translation-tracker.mjs). */
  translatedFrom: z
    .string()
    .regex(/^[0-9a-f]{12}$/)
    .optional(),
});
