import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

// astro sync validates every question file against the collection's schema, as the build does, but faster.
function sync(dir: string) {
  const r = spawnSync("npx", ["astro", "sync"], {
    env: { ...process.env, COURSE_CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: 120_000,
  });
  // Colours split "generator: …" with escape codes when a CI forces them; read the plain text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal's colour codes (ESC [ … m)
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, "") };
}

describe("questions collection", () => {
  it("the content sync fails on a bad question, naming the file and the field", () => {
    const r = sync("./tests/fixtures/bad-question");
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/adam\/bad-difficulty\.yaml/);
    expect(r.output).toMatch(/difficulty/);
  }, 130_000);

  it("the content sync fails on a generated question naming an unknown template, naming the file and `generator`", () => {
    const r = sync("./tests/fixtures/bad-generator");
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/adam\/gen-typo\.yaml/);
    expect(r.output).toMatch(/generator: no template "adam-stepp"/);
  }, 130_000);
});
