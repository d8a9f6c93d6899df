// Reads the chapters' front matter at config time so that the sidebar (and with it prev/next)
// follows each chapter's `order`. The content collection's schema validates the same fields later.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function chapterSlugsInOrder(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      const order = Number(/^order:\s*(-?\d+)/m.exec(text)?.[1] ?? Number.MAX_SAFE_INTEGER);
      return { slug: `chapters/${f.replace(/\.mdx$/, "")}`, order };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
    .map((c) => c.slug);
}
