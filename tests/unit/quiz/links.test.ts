import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import GithubSlugger from "github-slugger";

// Starlight makes heading anchors with github-slugger; a question's link must name one of them
// (checked for the chapters that exist so far).
function anchors(slug: string): Set<string> | null {
  const file = `content/chapters/${slug}.mdx`;
  if (!existsSync(file)) return null;
  const slugger = new GithubSlugger();
  return new Set(readFileSync(file, "utf8").split("\n").filter((l) => /^#{2,6} /.test(l)).map((l) => slugger.slug(l.replace(/^#+ /, "").trim())));
}

describe("question links", () => {
  it("every question's link names a heading of its chapter", () => {
    const cache = new Map<string, Set<string> | null>();
    const bad: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, f.name);
        if (f.isDirectory()) walk(path);
        else if (f.name.endsWith(".yaml")) {
          const link = /^link:\s*(\S+)/m.exec(readFileSync(path, "utf8"))?.[1];
          if (!link?.includes("#")) continue;
          const [slug, anchor] = link.split("#");
          if (!cache.has(slug)) cache.set(slug, anchors(slug));
          const known = cache.get(slug);
          if (known && !known.has(anchor)) bad.push(`${path}: ${link}`);
        }
      }
    };
    walk("content/questions");
    expect(bad).toEqual([]);
  });
});
