// The pages that are not chapters (home, question pages, exercises, engine reference, the bank's JSON) in each
// translated edition: the same page files at /<lang>/…, whose strings, bank and links follow the path's language
// (src/i18n/lang.ts, src/middleware.ts).
import { EDITIONS } from "./translations.mjs";

/** The course's own pages, by the pattern of their English route. */
const PAGES = {
  "/": "index.astro",
  "/exercises": "exercises/index.astro",
  "/questions": "questions/index.astro",
  "/questions/[topic]": "questions/[topic].astro",
  "/reference/engine": "reference/engine.astro",
  "/quiz/bank/[chapter].json": "quiz/bank/[chapter].json.ts",
};

export default function editionRoutesIntegration() {
  return {
    name: "course-edition-routes",
    hooks: {
      "astro:config:setup": ({ injectRoute }) => {
        for (const lang of EDITIONS)
          for (const [pattern, file] of Object.entries(PAGES))
            injectRoute({ pattern: `/${lang}${pattern === "/" ? "" : pattern}`, entrypoint: `./src/pages/${file}` });
      },
    },
  };
}
