import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import rehypeChapterSections, { wrapProseRuns } from "../../../src/build/rehype-chapter-sections.mjs";

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

  it("keeps a display formula at a run's edge outside the run, and one between paragraphs inside", async () => {
    const html = await render("## One\n\n$$\na = b\n$$\n\nText.\n\n$$\nc = d\n$$\n\nMore.\n\n$$\ne = f\n$$");
    const runs = html.match(/<div class="prose-run"[\s\S]*?<\/p>\s*<\/div>/g) ?? [];
    expect(runs).toHaveLength(1);
    expect(runs[0]?.match(/katex-display/g)).toHaveLength(1);
    expect(html.match(/katex-display/g)).toHaveLength(3);
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
});
