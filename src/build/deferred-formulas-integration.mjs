// After the build, before the CSP and the service worker see the pages: the drawn part of each deferred formula
// (rehype-deferred-formulas.mjs) leaves its <template> for one JSON data block at the end of the page, and the
// template keeps only its index in it. A template's markup is still parsed into elements; a data block is read
// as one run of text (chapter 4 at 412 px: 149 -> 99 ms parsing, 687 -> 558 ms on the main thread while loading).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFERRED } from "./rehype-deferred-formulas.mjs";
import { filesUnder } from "./walk.mjs";

/** The id of the page's data block: a JSON array of the deferred formulas' HTML, in document order. */
export const FORMULA_DATA_ID = "dl-formulas";

// A template as rehype-deferred-formulas.mjs marks it (with `=""` where MDX wrote it through hast-util-to-html).
const TEMPLATE = new RegExp(`<template ${DEFERRED}(?:="")?>([\\s\\S]*?)</template>`, "g");

/** `html` with each deferred formula's markup moved to the data block; unchanged when it has none. */
export function moveDeferredFormulas(html) {
  const formulas = [];
  const out = html.replace(TEMPLATE, (_, inner) => `<template ${DEFERRED}="${formulas.push(inner) - 1}"></template>`);
  if (formulas.length === 0) return html;
  // "<" escaped, so no "</script>" in a formula can end the block.
  const data = JSON.stringify(formulas).replace(/</g, "\\u003c");
  const at = out.lastIndexOf("</body>");
  return `${out.slice(0, at)}<script type="application/json" id="${FORMULA_DATA_ID}">${data}</script>${out.slice(at)}`;
}

export default function deferredFormulasIntegration() {
  return {
    name: "course-deferred-formulas",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        let pages = 0;
        for (const file of filesUnder(fileURLToPath(dir), ".html")) {
          const html = readFileSync(file, "utf8");
          const moved = moveDeferredFormulas(html);
          if (moved === html) continue;
          writeFileSync(file, moved);
          pages++;
        }
        logger.info(`deferred formulas moved to a data block on ${pages} pages`);
      },
    },
  };
}
