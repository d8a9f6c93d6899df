// Reads the chapters' front matter at config time so that the sidebar (and with it prev/next)
// follows each chapter's `order`. The content collection's schema validates the same fields later.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { filesUnder } from "./walk.mjs";

export function chapterSlugsInOrder(dir) {
  return filesUnder(dir, ".mdx")
    .map((path) => {
      const text = readFileSync(path, "utf8");
      const order = Number(/^order:\s*(-?\d+)/m.exec(text)?.[1] ?? Number.MAX_SAFE_INTEGER);
      return { slug: `chapters/${basename(path, ".mdx")}`, order };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
    .map((c) => c.slug);
}
