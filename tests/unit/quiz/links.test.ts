import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { filesUnder } from "../../../src/build/walk.mjs";
import GithubSlugger from "github-slugger";

// Starlight makes heading anchors with github-slugger; a question's link must name an existing
// chapter and, after a #, one of its headings.
function anchors(slug: string): Set<string> | null {
  const file = `content/chapters/${slug}.mdx`;
  if (!existsSync(file)) return null;
  const slugger = new GithubSlugger();
  return new Set(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => /^#{2,6} /.test(l))
      .map((l) => slugger.slug(l.replace(/^#+ /, "").trim())),
  );
}

describe("question links", () => {
  it("every question's link names a heading of its chapter", () => {
    const cache = new Map<string, Set<string> | null>();
    const bad: string[] = [];
    for (const path of filesUnder("content/questions", ".yaml")) {
      const link = /^link:\s*(\S+)/m.exec(readFileSync(path, "utf8"))?.[1]?.replace(/^['"]|['"]$/g, "");
      if (!link) continue;
      const [slug, anchor] = link.split("#");
      if (!cache.has(slug)) cache.set(slug, anchors(slug));
      const known = cache.get(slug);
      // A renamed or missing chapter fails here instead of passing unchecked.
      if (!known) bad.push(`${path}: ${link} (no chapter content/chapters/${slug}.mdx)`);
      else if (anchor !== undefined && !known.has(anchor)) bad.push(`${path}: ${link}`);
    }
    expect(bad).toEqual([]);
  });
});
