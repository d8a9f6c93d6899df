import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { codeToHtml } from "shiki";
import { TOKEN_COLORS, tokenClass, tokenClasses } from "../../../src/build/code-token-classes.mjs";

const themes = { light: "github-light-default", dark: "github-dark-default" } as const;
const highlight = (code: string, transformers = [tokenClasses]) =>
  codeToHtml(code, { lang: "ts", themes, defaultColor: false, transformers });
const sample = `// a comment
import { Tensor } from "lib";
const x: number = 3 * Math.max(1, 2);
function f(a: string) { return \`\${a}!\`; }
class A extends B { private y = true; }`;

describe("code-token-classes", () => {
  it("leaves no inline colour on tokens whose pair code.css defines, and draws the same colours", async () => {
    const plain = await highlight(sample, []);
    const html = await highlight(sample);
    expect(html.match(/<span style=/g) ?? []).toEqual([]);
    expect(html.length).toBeLessThan(plain.length * 0.6);
    // Each token keeps its pair of colours: inline before, by class (or the block's own) after.
    const pairs = (h: string) =>
      [...h.matchAll(/<span (?:style="--shiki-light:#(\w+);--shiki-dark:#(\w+)"|class="sk-(\w+)-(\w+)"|)>/g)].map((m) =>
        (m[1] ?? m[3] ?? "block").toLowerCase(),
      );
    expect(pairs(html).filter((p) => p !== "block")).toEqual(pairs(plain).filter((p) => p !== "1f2328"));
  });

  it("has a rule in code.css for every pair it turns into a class, with those colours", () => {
    const css = readFileSync("src/styles/code.css", "utf8");
    for (const [light, dark] of TOKEN_COLORS)
      expect(css).toContain(`.${tokenClass(light, dark)} { --shiki-light: #${light}; --shiki-dark: #${dark}; }`);
  });

  it("keeps the inline style of a pair it has no class for, so no token loses its colour", () => {
    const pre = {
      type: "element",
      tagName: "pre",
      properties: { style: "--shiki-light:#1f2328;--shiki-dark:#e6edf3" },
      children: [{ type: "element", tagName: "span", properties: { style: "--shiki-light:#123456;--shiki-dark:#654321" }, children: [] }],
    };
    (tokenClasses.pre as (this: unknown, node: typeof pre) => void).call({}, pre);
    expect(pre.children[0].properties).toEqual({ style: "--shiki-light:#123456;--shiki-dark:#654321" });
  });
});
