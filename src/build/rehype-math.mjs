// The one math pipeline (after remark-math), shared by the chapters (astro.config.mjs) and the question bank
// (src/quiz/bank.ts), so a formula renders, fails and reads aloud the same way everywhere: KaTeX's HTML only, its TeX
// kept as visually hidden text (rehype-formula-text.mjs), and a build error for TeX KaTeX cannot parse.
import rehypeKatex from "rehype-katex";
import rehypeFailOnKatexErrors from "./rehype-fail-on-katex-errors.mjs";
import { labelFormulas, rememberTex } from "./rehype-formula-text.mjs";

/** KaTeX's options: HTML output (no MathML copy); Unicode text in math mode (Chinese labels) is allowed. */
export const KATEX_OPTIONS = { output: "html", strict: (code) => (code === "unicodeTextInMathMode" ? "ignore" : "warn") };

/** The rehype plugins that render `$…$` and `$$…$$`, in order. */
export const mathRehypePlugins = [rememberTex, [rehypeKatex, KATEX_OPTIONS], rehypeFailOnKatexErrors, labelFormulas];
