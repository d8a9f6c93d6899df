import { describe, expect, it } from "vitest";
import { fromHtml } from "hast-util-from-html";
import katex from "katex";
import { readFileSync } from "node:fs";
import { facesUsed, katexFontRules, withFontPreloads } from "../../../src/build/katex-fonts.mjs";

// KaTeX's own stylesheet, as the build bundles it (its font URLs are relative there, hashed in the build).
const css = readFileSync("node_modules/katex/dist/katex.min.css", "utf8");
const { faces, rules } = katexFontRules(css);
const page = (...tex: string[]) =>
  fromHtml(`<main>${tex.map((t) => katex.renderToString(t, { output: "html" })).join("<p>text</p>")}</main>`);

describe("katex-fonts", () => {
  it("reads every woff2 face KaTeX declares, with its weight and style", () => {
    expect(faces.get("KaTeX_Main|400|normal")).toMatch(/KaTeX_Main-Regular\.woff2$/);
    expect(faces.get("KaTeX_Main|700|normal")).toMatch(/KaTeX_Main-Bold\.woff2$/);
    expect(faces.get("KaTeX_Math|400|italic")).toMatch(/KaTeX_Math-Italic\.woff2$/);
    expect(faces.size).toBe(20);
  });

  it("finds the faces a formula's text is drawn with, and only those", () => {
    expect([...facesUsed(page("1 + 2"), rules)].sort()).toEqual(["KaTeX_Main|400|normal"]);
    expect([...facesUsed(page("x + 1"), rules)].sort()).toEqual(["KaTeX_Main|400|normal", "KaTeX_Math|400|italic"]);
    expect(facesUsed(page("\\mathbf{W}"), rules)).toEqual(new Set(["KaTeX_Main|700|normal"]));
    expect(facesUsed(page("\\mathcal{L}"), rules)).toEqual(new Set(["KaTeX_Caligraphic|400|normal"]));
    expect(facesUsed(page("\\sum_i x_i"), rules).has("KaTeX_Size1|400|normal")).toBe(true);
  });

  it("ignores text outside formulas, formulas past the first screen's text, and the hidden TeX kept for screen readers", () => {
    const bold = fromHtml('<h2><strong>Bold prose</strong> <span class="formula-tex">\\mathbf{W}</span></h2>');
    expect(facesUsed(bold, rules).size).toBe(0);
    const math = (tex: string) => katex.renderToString(tex, { output: "html" });
    const long = fromHtml(`<nav>${"x".repeat(900)}</nav><main>${math("1")}<p>${"y".repeat(500)}</p>${math("\\mathcal{L}")}</main>`);
    expect(facesUsed(long, rules, 600)).toEqual(new Set(["KaTeX_Main|400|normal", "KaTeX_Caligraphic|400|normal"]));
    expect(facesUsed(long, rules, 400)).toEqual(new Set(["KaTeX_Main|400|normal"]));
  });

  it("puts the preloads right after the charset declaration", () => {
    const html = '<html><head><meta charset="utf-8"/><title>t</title></head></html>';
    expect(withFontPreloads(html, ["/a.woff2"])).toBe(
      '<html><head><meta charset="utf-8"/><link rel="preload" href="/a.woff2" as="font" type="font/woff2" crossorigin><title>t</title></head></html>',
    );
    expect(withFontPreloads(html, [])).toBe(html);
    expect(() => withFontPreloads("<html><head></head></html>", ["/a.woff2"])).toThrow(/charset/);
  });
});
