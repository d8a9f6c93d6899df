// Wide display formulas and tables scroll sideways inside their own box instead of widening the
// page on a phone. A scrolling box must be reachable by keyboard, so it gets tabindex="0"
// (tables and formulas both).
export default function rehypeScrollable() {
  return (tree) => walk(tree);
}

function walk(node) {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    // MDX components (mdxJsx* nodes) hold markdown too: walk into them.
    if (child.type !== "element") {
      walk(child);
      return child;
    }
    const classes = child.properties?.className ?? [];
    if (classes.includes("katex-display")) {
      child.properties.tabIndex = 0;
      return child; // its TeX (rehype-formula-text.mjs) names it for screen readers
    }
    walk(child);
    // Starlight's tables are display:block with overflow:auto, so the table itself scrolls.
    if (child.tagName === "table") child.properties.tabIndex = 0;
    return child;
  });
}
