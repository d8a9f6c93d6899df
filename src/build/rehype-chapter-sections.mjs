// Each h2 and what follows it up to the next h2 becomes a <section class="page-part">, so the stylesheet
// can let the browser skip laying out and painting parts that are off screen (content-visibility: auto in
// src/styles/course.css). Only the top level of a page is grouped; anything before the first h2 stays as is.
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
    tree.children = out;
  };
}
