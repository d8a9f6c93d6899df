import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import starlightLongLists from "../../../src/build/starlight-long-lists.mjs";

const id = createRequire(import.meta.url).resolve("@astrojs/starlight/style/markdown.css");
const transform = (code: string, file = id) => starlightLongLists().transform(code, file);

describe("starlight-long-lists", () => {
  it("leaves lists marked dl-long-list out of Starlight's spacing rule, in the installed Starlight", () => {
    const css = readFileSync(id, "utf8");
    const out = transform(css)?.code ?? "";
    expect(out).toContain(":is(ol, ul):not(.dl-long-list):has(> li > :not(");
    expect(out.replace(":not(.dl-long-list)", "")).toBe(css);
  });

  it("fails the build when the rule is not there to change, and passes other files by", () => {
    expect(() => transform(".sl-markdown-content ul { margin: 0 }")).toThrow(/Starlight's list rule changed/);
    expect(transform(":is(ol, ul):has(> li > :not(a))", "/src/styles/course.css")).toBeNull();
  });
});
