import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import rehypeChapterSections, { measure, wrapProseRuns } from "../../../src/build/rehype-chapter-sections.mjs";
import { fromHtml } from "hast-util-from-html";

const render = async (markdown: string) =>
  String(
    await unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeKatex, { output: "html" })
      .use(rehypeChapterSections)
      .use(rehypeStringify)
      .process(markdown),
  );

describe("rehype-chapter-sections", () => {
  it("groups each h2 part into a section and its prose into runs, headings outside them", async () => {
    const html = await render("Intro.\n\n## One\n\nA $x$.\n\n- a\n- b\n\n### Sub\n\nMore.\n\n## Two\n\nLast.");
    expect(html.match(/<section class="page-part">/g)).toHaveLength(2);
    expect(html.match(/<div class="prose-run"/g)).toHaveLength(3);
    expect(html).toMatch(/^<p>Intro.<\/p>/); // before the first h2: not grouped
    expect(html).toMatch(/<h3>Sub<\/h3>\s*<div class="prose-run"/);
    expect(html).not.toMatch(/prose-run[^>]*>\s*<h[23]/);
  });

  it("takes display formulas at a run's edge into the run, marked so the run takes their outer margins", async () => {
    const html = await render("## One\n\n$$\na = b\n$$\n\nText.\n\n$$\na = b\n$$\n\nMore.\n\n$$\na = b\n$$");
    const runs = html.match(/<div class="prose-run[^"]*"/g) ?? [];
    expect(runs).toEqual(['<div class="prose-run formula-first formula-last"']);
    expect(html).toMatch(/<section class="page-part"><h2>One<\/h2>\s*<div class="prose-run[^>]*>\s*<span class="katex-display">/);
    expect(html.match(/katex-display/g)).toHaveLength(3);
    // Each edge formula's 1em margin lies outside the run: 2em less than three formulas' own 2em margins.
    const em = Number(/--run-formula-em:([\d.]+)/.exec(html)![1]);
    const single = Number(/--run-formula-em:([\d.]+)/.exec(await render("## One\n\nA.\n\n$$\na = b\n$$\n\nB."))![1]);
    expect(Math.abs(em - (3 * single - 2))).toBeLessThan(0.2); // each figure rounded to 0.1
  });

  it("makes a prose component's inline body (a one-line callout) one run of one block", () => {
    const text = (value: string) => ({ type: "text", value });
    const span = { type: "element", tagName: "span", properties: { className: ["katex"] }, children: [text("x")] };
    const mistake = { type: "mdxJsxFlowElement", name: "Mistake", attributes: [], children: [text("Some notes say "), span, text(".")] };
    const [out] = wrapProseRuns([mistake]);
    expect(out.children).toHaveLength(1);
    expect(out.children[0].properties.className).toEqual(["prose-run", "inline"]);
    expect(out.children[0].properties.style).toMatch(/--run-chars:17;--run-blocks:1;/);
    expect(out.children[0].children).toHaveLength(3);
  });

  it("estimates a run from its visible characters, blocks and display formulas' heights", async () => {
    const html = await render("## One\n\nFive.\n\n$$\n\\frac{a}{b}\n$$\n\nSix ch.");
    const style = /<div class="prose-run" style="([^"]+)"/.exec(html)![1];
    expect(style).toMatch(/--run-chars:12;--run-blocks:2;--run-formula-em:(\d+\.\d)/);
    // A fraction is taller than a line: more than its 2em of margins plus one 1.21em line.
    expect(Number(/--run-formula-em:([\d.]+)/.exec(style)![1])).toBeGreaterThan(3.5);
  });

  it("counts a wide character (Han, full-width punctuation) as two, since a line holds about half as many", async () => {
    const html = await render("## 一\n\n梯度消失。\n\nab");
    expect(/<div class="prose-run" style="([^"]+)"/.exec(html)![1]).toMatch(/--run-chars:12;--run-blocks:2;/);
  });

  it("gives an errata entry's body its own runs, and leaves other components whole", () => {
    const p = (value: string) => ({ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value }] });
    const component = (name: string) => ({ type: "mdxJsxFlowElement", name, attributes: [], children: [p("One."), p("Two.")] });
    const [erratum, widget] = wrapProseRuns([component("Erratum"), component("SlopeWidget")]);
    expect(erratum.children).toHaveLength(1);
    expect(erratum.children[0].properties.className).toEqual(["prose-run"]);
    expect(erratum.children[0].children).toHaveLength(2);
    expect(widget.children.map((c: { tagName: string }) => c.tagName)).toEqual(["p", "p"]);
  });

  it("measures a widget's fallback: table rows apart from blocks, a closed <details> by its summary only", () => {
    const html =
      "<figcaption>Title</figcaption><p>Two words</p><table><tr><td>1</td><td>22</td></tr><tr><td>333</td><td>4</td></tr></table>" +
      "<details><summary>Answer</summary><p>Hidden until opened.</p></details><details open><summary>S</summary><p>Shown</p></details>";
    expect(measure(fromHtml(html, { fragment: true }).children)).toEqual({
      chars: 5 + 9 + 7 + 6 + 1 + 5, // Title, Two words, the four cells, Answer, S, Shown
      blocks: 3, // the caption and the two shown paragraphs
      rows: 2,
      formulaEm: 0,
    });
  });
});
