// The drawn part of the formulas in runs of prose far below a chapter's first screen is shipped inside a <template>
// (its markup is parsed but makes no live elements) and put in place when its run nears the viewport
// (src/components/frame/deferred-formulas.ts). KaTeX's HTML was 348 of chapter 6's 472 KB and most of its elements;
// with it live, a phone's first load spent its blocking time parsing it and laying out between parser chunks. What
// stays live: each formula's box (span.katex) and its TeX, visually hidden, for screen readers and the site search
// (rehype-formula-text.mjs); the run's height estimate, computed before this (rehype-chapter-sections.mjs).
import { measure } from "./rehype-chapter-sections.mjs";

/**
 * Prose before a run, in visible characters (a wide character counts twice), under which its formulas stay live.
 * Runs are reached only through prose of at least this much, so they start at least this far down: about 4 phone
 * screens at 390 px, 2 at 1280 px (a 28 px line holds about 50 and 95 characters there); headings, widgets and
 * cells between them only push them further down.
 */
export const LIVE_CHARS = 6000;

/** Marks a template that holds a formula's drawn part. */
export const DEFERRED = "data-formula";

/** The rehype plugin: runs after rehype-chapter-sections, so the runs exist and their estimates count every glyph. */
export default function rehypeDeferredFormulas() {
  return (tree) => {
    let before = 0;
    const visit = (node) => {
      for (const child of node.children ?? []) {
        if (child.type === "element" && (child.properties?.className ?? []).includes("prose-run")) {
          if (before >= LIVE_CHARS) deferFormulas(child);
          before += measure([child]).chars;
        } else visit(child);
      }
    };
    visit(tree);
  };
}

/** Moves each formula's drawn part (KaTeX's aria-hidden .katex-html) in `run` into a template in its place. */
function deferFormulas(run) {
  const visit = (node) => {
    node.children = (node.children ?? []).map((child) => {
      if (child.type !== "element") return child;
      // Both ways MDX turns the tree into HTML are served: hast-util-to-html writes a template's `content`,
      // hast-util-to-estree (JSX) its children.
      if ((child.properties?.className ?? []).includes("katex-html"))
        return {
          type: "element",
          tagName: "template",
          properties: { [DEFERRED]: "" },
          children: [child],
          content: { type: "root", children: [child] },
        };
      visit(child);
      return child;
    });
  };
  visit(run);
}
