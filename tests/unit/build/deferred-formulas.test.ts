import { describe, expect, it } from "vitest";
import { unified, type PluggableList } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { mathRehypePlugins } from "../../../src/build/rehype-math.mjs";
import rehypeChapterSections from "../../../src/build/rehype-chapter-sections.mjs";
import rehypeDeferredFormulas, { LIVE_CHARS } from "../../../src/build/rehype-deferred-formulas.mjs";
import { FORMULA_DATA_ID, moveDeferredFormulas } from "../../../src/build/deferred-formulas-integration.mjs";
import { inlineScriptHashes } from "../../../src/build/csp.mjs";

const render = async (markdown: string, defer = true) => {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(mathRehypePlugins as PluggableList)
    .use(rehypeChapterSections);
  if (defer) processor.use(rehypeDeferredFormulas);
  return `<html><body><main>${String(await processor.use(rehypeStringify).process(markdown))}</main></body></html>`;
};

const dataOf = (html: string): string[] =>
  JSON.parse(new RegExp(`<script type="application/json" id="${FORMULA_DATA_ID}">([^<]*)</script>`).exec(html)![1]);

// A first part whose prose is just over LIVE_CHARS, then a part with an inline and a display formula.
const long = `## One\n\nThe first $w_1$ formula. ${"word ".repeat(Math.ceil(LIVE_CHARS / 5))}\n\n`;
const page = `${long}## Two\n\nThen $b^2$ here.\n\n$$\n\\frac{\\partial L}{\\partial W} = dZ\\,A^T\n$$\n\nEnd.`;

describe("deferred formulas", () => {
  it("keeps the formulas of the first screens live and moves later ones' drawn part to the page's data block", async () => {
    const html = moveDeferredFormulas(await render(page));
    // The first run's formula is drawn as built; the two after LIVE_CHARS of prose are placeholders with an index.
    expect(html.match(/class="katex-html"/g)).toHaveLength(1);
    expect(html).toMatch(/The first <span class="katex">.*?<span class="katex-html"/);
    expect(html.match(/<template data-formula="(\d+)"><\/template>/g)).toEqual([
      '<template data-formula="0"></template>',
      '<template data-formula="1"></template>',
    ]);
    // Their TeX stays in the page, outside the placeholders, for screen readers and the search.
    expect(html).toContain('<span class="formula-tex">b^2</span><template data-formula="0">');
    expect(html).toContain('\\frac{\\partial L}{\\partial W} = dZ\\,A^T</span><template data-formula="1">');
    const data = dataOf(html);
    expect(data).toHaveLength(2);
    expect(data[0]).toMatch(/^<span class="katex-html" aria-hidden="true">.*>b<\/span>.*>2<\/span>/);
    expect(data[1]).toContain("katex-html");
    // The data block is the body's last child, after <main>.
    expect(html).toMatch(/<\/main><script type="application\/json"[^>]*>[^<]*<\/script><\/body>/);
  });

  it("leaves each run's height estimate as it was without deferring", async () => {
    const styles = (html: string) => html.match(/<div class="prose-run[^>]*>/g);
    expect(styles(await render(page))).toEqual(styles(await render(page, false)));
  });

  it("puts back exactly what it moved", async () => {
    const built = await render(page);
    const moved = moveDeferredFormulas(built);
    const data = dataOf(moved);
    const restored = moved
      .replace(
        /<template data-formula="(\d+)"><\/template>/g,
        (_: string, i: string) => `<template data-formula="">${data[Number(i)]}</template>`,
      )
      .replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/, "");
    expect(restored).toBe(built);
  });

  it("keeps a formula holding </script> inside the data block", () => {
    const html = `<html><body><p><template data-formula><span>a</span></script><span>b</span></template></p></body></html>`;
    const moved = moveDeferredFormulas(html);
    expect(moved.match(/<\/script>/g)).toHaveLength(1);
    expect(dataOf(moved)).toEqual(["<span>a</span></script><span>b</span>"]);
  });

  it("leaves a page without deferred formulas as it is, and the CSP hashes no data block", async () => {
    const short = await render("## One\n\nOnly $x$ here.");
    expect(moveDeferredFormulas(short)).toBe(short);
    const moved = moveDeferredFormulas(await render(page));
    expect(inlineScriptHashes(moved)).toEqual([]);
    expect(inlineScriptHashes(`${moved}<script>let a = 1;</script>`)).toHaveLength(1);
  });
});
