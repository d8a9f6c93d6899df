import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { chapterFields } from "./content/chapter-schema";
import { questionSchema } from "./quiz/schema";
import { generators } from "./quiz/generators";
import { questionTranslationSchema } from "./quiz/translation";
import { EDITIONS } from "./build/translations.mjs";

// COURSE_CONTENT_DIR lets the schema test point the build at a fixture folder.
const base = process.env.COURSE_CONTENT_DIR || "./content";
// Chapters in English and in each translated edition (content/<lang>/chapters, content/zh-cn/TRANSLATING.md).
const chapterFiles = () => glob({ pattern: ["chapters/*.mdx", ...EDITIONS.map((lang) => `${lang}/chapters/*.mdx`)], base });

export const collections = {
  // Starlight's collection. The course fields are optional here only because Starlight checks
  // pages made with <StarlightPage> (home, API reference) against this schema too.
  docs: defineCollection({ loader: chapterFiles(), schema: docsSchema({ extend: chapterFields.partial() }) }),
  // The same files under the course's strict schema: a chapter missing a field fails the build,
  // naming the file and the field.
  chapters: defineCollection({ loader: chapterFiles(), schema: chapterFields.passthrough() }),
  // The questions' translations: their text only (src/quiz/translation.ts).
  questionTranslations: defineCollection({
    loader: glob({ pattern: EDITIONS.map((lang) => `${lang}/questions/**/*.yaml`), base }),
    schema: questionTranslationSchema,
  }),
  // The question bank: one YAML file per question (src/quiz/schema.ts). A generated question must name a template
  // of the registry, so a typo fails the build naming the file and the field `generator`.
  questions: defineCollection({
    loader: glob({ pattern: "questions/**/*.yaml", base }),
    schema: questionSchema.superRefine((q, ctx) => {
      if (q.type === "generated" && !generators.has(q.generator)) {
        ctx.addIssue({
          code: "custom",
          path: ["generator"],
          message: `no template "${q.generator}" in src/quiz/generators (known: ${[...generators.keys()].join(", ")})`,
        });
      }
    }),
  }),
};
