import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { chapterFields } from "./content/chapter-schema";

// COURSE_CONTENT_DIR lets the schema test point the build at a fixture folder.
const base = process.env.COURSE_CONTENT_DIR || "./content";

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: "chapters/*.mdx", base }),
    schema: docsSchema({ extend: chapterFields }),
  }),
};
