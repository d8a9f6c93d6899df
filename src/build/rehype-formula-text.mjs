// KaTeX renders with output "html" only (no MathML copy of every formula: it doubled the page's DOM and
// its style and layout work). Its HTML is aria-hidden, so each formula gets its TeX once as visually hidden
// text: screen readers read it and the site search indexes it, as it did the MathML's TeX annotation.
// rememberTex runs before rehype-katex (which drops the source), labelFormulas after it; both walk the
// tree in document order, so the n-th formula gets the n-th source.
const MATH = ["language-math", "math-display", "math-inline"];

export function rememberTex() {
  return (tree, file) => {
    const sources = [];
    walk(tree, (node) => {
      if (!classesOf(node).some((c) => MATH.includes(c))) return false;
      sources.push(textOf(node));
      return true;
    });
    file.data.texSources = sources;
  };
}

export function labelFormulas() {
  return (tree, file) => {
    const sources = file.data.texSources ?? [];
    let n = 0;
    walk(tree, (node) => {
      if (!classesOf(node).includes("katex")) return false;
      const tex = sources[n++];
      if (tex === undefined) throw new Error("labelFormulas: more formulas than TeX sources");
      node.children.unshift({
        type: "element",
        tagName: "span",
        properties: { className: ["formula-tex"] },
        children: [{ type: "text", value: tex.trim() }],
      });
      return true;
    });
    if (n !== sources.length) throw new Error(`labelFormulas: ${sources.length} TeX sources but ${n} formulas`);
  };
}

const classesOf = (node) => (node.type === "element" && Array.isArray(node.properties?.className) ? node.properties.className : []);
const textOf = (node) => (node.type === "text" ? node.value : (node.children ?? []).map(textOf).join(""));

// Depth-first, document order; visit returns true to not descend (a formula's own inside).
function walk(node, visit) {
  for (const child of node.children ?? []) if (!visit(child)) walk(child, visit);
}
