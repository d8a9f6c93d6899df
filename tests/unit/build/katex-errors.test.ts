import { describe, expect, it } from "vitest";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import rehypeFailOnKatexErrors from "../../../src/build/rehype-fail-on-katex-errors.mjs";

const render = (markdown: string) =>
  unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex)
    .use(rehypeFailOnKatexErrors)
    .use(rehypeStringify)
    .process(new VFile({ path: "content/chapters/99-edge.mdx", value: markdown }));

describe("rehypeFailOnKatexErrors", () => {
  it("lets good math through as KaTeX HTML", async () => {
    const html = String(await render("The mean is $\\bar x = \\frac{1}{m}\\sum_i x_i$."));
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("katex-error");
  });

  it("fails on a parse error, naming the file and the line", async () => {
    await expect(render("Line one.\n\nBroken: $\\frac{1}{$")).rejects.toThrow(/99-edge\.mdx:3: .*KaTeX parse error/);
  });

  it("fails on an undefined macro", async () => {
    await expect(render("$$\\notamacro{x}$$")).rejects.toThrow(/99-edge\.mdx/);
  });
});
