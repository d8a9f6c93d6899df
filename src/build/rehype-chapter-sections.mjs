// Each h2 and what follows it up to the next h2 becomes a <section class="page-part">. Inside a part, each run
// of plain prose (paragraphs, lists, asides, tables and the display formulas between them) becomes a
// <div class="prose-run">, which the stylesheet lets the browser skip styling, laying out and painting while it
// is off screen (content-visibility: auto in src/styles/course.css): most of a long chapter's elements are
// KaTeX spans in prose. Headings, widgets, cells and quizzes stay outside the runs, so an anchor or a control is
// never inside a skipped box (a skipped box clips its content, so an element scrolled to by anything but the
// browser's own scrollIntoView could stay unshown). Only the top level of a page is grouped, and the bodies of
// the components listed in PROSE_COMPONENTS.
export default function rehypeChapterSections() {
  return (tree) => {
    const out = [];
    let part = null;
    for (const child of tree.children) {
      if (child.type === "element" && child.tagName === "h2") {
        part = { type: "element", tagName: "section", properties: { className: ["page-part"] }, children: [] };
        out.push(part);
      }
      if (part && child.type !== "mdxjsEsm") part.children.push(child);
      else out.push(child);
    }
    for (const node of out) if (node.type === "element" && node.tagName === "section") node.children = wrapProseRuns(node.children);
    tree.children = out;
  };
}

/** Components whose body is prose (an errata entry, a common-mistake callout): their bodies get runs too. */
const PROSE_COMPONENTS = new Set(["Erratum", "Mistake"]);
const isProseComponent = (node) => node.type === "mdxJsxFlowElement" && PROSE_COMPONENTS.has(node.name);

const PROSE = new Set(["p", "ul", "ol", "blockquote", "table", "aside", "dl"]);
const isFormula = (node) => node.type === "element" && (node.properties?.className ?? []).includes("katex-display");
const isProse = (node) => node.type === "element" && (PROSE.has(node.tagName) || isFormula(node));
const isBlank = (node) => node.type === "text" && node.value.trim() === "";
const PHRASING = new Set(["a", "abbr", "b", "br", "code", "del", "em", "i", "kbd", "mark", "small", "span", "strong", "sub", "sup", "var"]);
/** Inline content: a component written on one line (`<Mistake>Text with $x$.</Mistake>`) holds only this, no paragraph. */
const isPhrasing = (node) =>
  node.type === "text" || node.type === "mdxJsxTextElement" || (node.type === "element" && PHRASING.has(node.tagName));

/**
 * Wraps each maximal run of prose in `children` in a div.prose-run. A display formula at a run's edge goes inside
 * too (on the errata page such formulas were 5,500 of 14,500 elements): its margin at that edge would no longer
 * collapse with the neighbour's across the run's edge, so the run takes that margin instead (classes
 * formula-first and formula-last, course.css) and the spacing stays as it was.
 */
export function wrapProseRuns(children) {
  const out = [];
  let run = [];
  const flush = () => {
    const first = run.findIndex(isProse);
    const last = run.findLastIndex(isProse);
    if (first < 0) out.push(...run);
    else out.push(...run.slice(0, first), proseRun(run.slice(first, last + 1)), ...run.slice(last + 1));
    run = [];
  };
  for (const child of children) {
    if (isProse(child) || (isBlank(child) && run.length > 0)) run.push(child);
    else {
      flush();
      if (isProseComponent(child))
        child.children = child.children.every(isPhrasing) ? [proseRun(child.children, { inline: true })] : wrapProseRuns(child.children);
      out.push(child);
    }
  }
  flush();
  return out;
}

/** The run's box, with what its height is estimated from until it is first shown (see course.css). An `inline` run
 * holds a component's inline content, which makes one block. */
function proseRun(nodes, { inline = false } = {}) {
  const formulaFirst = isFormula(nodes[0]);
  const formulaLast = isFormula(nodes.at(-1));
  const className = ["prose-run"];
  if (formulaFirst) className.push("formula-first");
  if (formulaLast) className.push("formula-last");
  // Inline content was no element before what follows it, which had no sibling margin (course.css).
  if (inline) className.push("inline");
  // An edge formula's margin there is the run's, outside its box: 1em less to estimate for each.
  const style = proseRunStyle(nodes, { outsideEm: Number(formulaFirst) + Number(formulaLast), blocks: Number(inline) });
  return { type: "element", tagName: "div", properties: { className, style }, children: nodes };
}

/** The style attribute of a prose run holding `nodes`: what its height is estimated from (see course.css), less
 * `outsideEm` of formula margins that lie outside the run, with `blocks` more than its own. */
export function proseRunStyle(nodes, { outsideEm = 0, blocks = 0 } = {}) {
  const m = measure(nodes);
  return `--run-chars:${m.chars};--run-blocks:${m.blocks + m.rows + blocks};--run-formula-em:${(m.formulaEm - outsideEm).toFixed(1)}`;
}

/** Characters a line holds about half as many of as Latin ones (Han, kana, Hangul, full-width forms): each counts as two.
 * Counted once, the Chinese chapters' runs were estimated a third too short (chapter 8 at 412 px: 8,276 px for 12,434),
 * so laying them out as they came near moved what was below, a click aimed at it, and axe's reading of it. */
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g;

/**
 * What a block's height grows with, before it is laid out: its visible characters (a formula's glyphs, not its
 * hidden TeX; a wide character counts twice), its blocks (paragraphs, list items, captions: each adds a gap), its
 * table rows, and its display formulas' heights in em (KaTeX's struts give each line's height and depth). A closed
 * <details> shows only its summary.
 */
export function measure(nodes) {
  let chars = 0;
  let blocks = 0;
  let rows = 0;
  let formulaEm = 0;
  const visit = (node) => {
    if (node.type === "text") chars += node.value.trim() === "" ? 0 : node.value.length + (node.value.match(WIDE)?.length ?? 0);
    if (node.type !== "element" && node.type !== "root") {
      for (const c of node.children ?? []) visit(c);
      return;
    }
    const classes = node.properties?.className ?? [];
    if (classes.includes("formula-tex")) return;
    if (["p", "li", "blockquote", "aside", "dt", "dd", "figcaption"].includes(node.tagName)) blocks++;
    if (node.tagName === "tr") rows++;
    if (classes.includes("katex-display")) {
      formulaEm += displayHeightEm(node) + 2; // its margins: 1em above and below
      return;
    }
    const shown =
      node.tagName === "details" && !node.properties?.open ? node.children.filter((c) => c.tagName === "summary") : node.children;
    for (const c of shown ?? []) visit(c);
  };
  for (const n of nodes) visit(n);
  return { chars, blocks, rows, formulaEm };
}

/** A display formula's height in em: the sum over its lines of the tallest strut (KaTeX sets each strut's height). */
function displayHeightEm(node) {
  let tallest = 0;
  const visit = (n) => {
    const classes = n.properties?.className ?? [];
    if (classes.includes("strut")) {
      const m = /height:\s*([\d.]+)em/.exec(String(n.properties?.style ?? ""));
      if (m) tallest = Math.max(tallest, Number(m[1]));
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(node);
  return Math.max(tallest, 1.2) * 1.21; // .katex is 1.21em
}
