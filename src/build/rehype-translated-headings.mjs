// A translated chapter's headings take the anchors of its English twin's, position by position, so a link to
// "#adam" and the language switch land on the same section in every language. Chinese heading text would otherwise
// give Chinese anchors. The build fails, naming the file, when the two files' headings differ in number or level.
import { readFileSync } from "node:fs";
import GithubSlugger from "github-slugger";
import { englishTwin } from "./translations.mjs";

/** The headings (level ≥ 2) of an MDX source, outside code fences and the template literals of `export const`. */
export function markdownHeadings(source) {
  const headings = [];
  let fence = null;
  let inTemplate = false;
  for (const line of source.split("\n")) {
    const ticks = (line.replace(/\\`/g, "").match(/`/g) ?? []).length;
    if (inTemplate) {
      if (ticks % 2 === 1) inTemplate = false;
      continue;
    }
    if (/^export const /.test(line) && ticks % 2 === 1) {
      inTemplate = true;
      continue;
    }
    const open = /^(```+|~~~+)/.exec(line.trim());
    if (open) {
      if (!fence) fence = open[1];
      else if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (fence) continue;
    const h = /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) headings.push({ depth: h[1].length, text: plainText(h[2]) });
  }
  return headings;
}

/** A heading's text as Astro slugs it: links, emphasis and code marks removed. */
function plainText(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2")
    .trim();
}

/** The anchors Astro gives the headings of an English source, in order. */
export function headingAnchors(source) {
  const slugger = new GithubSlugger();
  return markdownHeadings(source).map((h) => ({ depth: h.depth, id: slugger.slug(h.text) }));
}

export default function rehypeTranslatedHeadings() {
  return (tree, file) => {
    const path = file.history[0] ?? file.path ?? "";
    const twin = englishTwin(path);
    if (!twin) return;
    const anchors = headingAnchors(readFileSync(twin, "utf8"));
    const mine = [];
    const visit = (node) => {
      if (node.type === "element" && /^h[2-6]$/.test(node.tagName)) mine.push(node);
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    const levels = (list) => list.map((h) => (typeof h.depth === "number" ? h.depth : Number(h.tagName[1]))).join(",");
    if (mine.length !== anchors.length || levels(mine) !== levels(anchors)) {
      throw new Error(
        `${path}: its headings (levels ${levels(mine) || "none"}) differ from those of ${twin} (levels ${levels(anchors)}); ` +
          "a translation keeps every heading of its source, in order and at the same level",
      );
    }
    mine.forEach((node, k) => {
      node.properties = { ...node.properties, id: anchors[k].id };
    });
  };
}
