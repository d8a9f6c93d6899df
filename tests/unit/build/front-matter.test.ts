import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { chapterFields } from "../../../src/content/chapter-schema";

describe("chapter front matter", () => {
  it("chapterFields accepts a complete chapter", () => {
    const ok = chapterFields.safeParse({ order: 1, summary: "A one-line summary.", objectives: ["Explain a thing"], sections: ["Ch1"] });
    expect(ok.success).toBe(true);
  });

  it("chapterFields names the field that is wrong", () => {
    const bad = chapterFields.safeParse({ order: 1.5, summary: "A one-line summary.", objectives: [], sections: ["Ch1"] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["order", "objectives"]));
  });

  it("the content sync fails on a bad chapter, naming the file and the field", () => {
    // astro sync validates every chapter against the schema, as the build does, but faster.
    const r = spawnSync("npx", ["astro", "sync"], {
      env: { ...process.env, COURSE_CONTENT_DIR: "./tests/fixtures/bad-front-matter", ASTRO_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 120_000,
    });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    expect(output).toMatch(/01-bad/);
    expect(output).toMatch(/order/);
  }, 130_000);
});
