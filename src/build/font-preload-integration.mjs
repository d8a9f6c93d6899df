// After the build, before the CSP and the service worker see the pages: each page asks at once for the KaTeX
// font files the formulas of its first screen are drawn with (see katex-fonts.mjs).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fromHtml } from "hast-util-from-html";
import { facesUsed, katexFontRules, withFontPreloads } from "./katex-fonts.mjs";
import { filesUnder } from "./walk.mjs";

/** How much of a page's text, from the top of its <main>, decides its preloads: about one phone screen. */
export const FIRST_SCREEN_CHARS = 600;

export default function fontPreloadIntegration() {
  return {
    name: "course-font-preload",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { faces, rules } = katexFontRules(
          filesUnder(out, ".css")
            .map((f) => readFileSync(f, "utf8"))
            .join("\n"),
        );
        let pages = 0;
        for (const file of filesUnder(out, ".html")) {
          const html = readFileSync(file, "utf8");
          if (!html.includes('class="katex"')) continue;
          const urls = [...facesUsed(fromHtml(html), rules, FIRST_SCREEN_CHARS)]
            .map((key) => faces.get(key))
            .filter((url) => url !== undefined);
          writeFileSync(file, withFontPreloads(html, urls));
          pages++;
        }
        logger.info(`KaTeX font preloads added to ${pages} pages`);
      },
    },
  };
}
