// No line of code or comment over 140 characters (the formatter's width, biome.jsonc). As ESLint's max-len with
// ignoreStrings and ignoreTemplateLiterals, a line that holds a string or template literal may run on: a question's
// prompt or a test's title reads better whole than cut into concatenated pieces.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { execSync } from "node:child_process";

const MAX = 140;
const files = execSync(
  "git ls-files 'lib/*.ts' 'src/*.ts' 'src/*.mjs' 'tests/*.ts' 'scripts/*.mjs' 'bench/*.ts' 'bench/*.mjs' '*.ts' '*.mjs'",
  {
    encoding: "utf8",
  },
)
  .split("\n")
  .filter(Boolean);

/** Whether a line holds a string, template or regular-expression literal (the exemption max-len makes). */
const holdsLiteral = (line: string) => /["'`]/.test(line.replace(/\/\/.*$/, "")) || /[=(,:]\s*\/[^/*].*\/[dgimsuy]*[,;)]/.test(line);

describe("line length", () => {
  it(`no line of code or comment is over ${MAX} characters`, () => {
    expect(files.length).toBeGreaterThan(300);
    const long = files.flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line, i) => (line.length > MAX && !holdsLiteral(line) ? [`${path}:${i + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
  });

  it("the check sees a long comment and a long line of code", () => {
    const comment = `// ${"word ".repeat(40)}`;
    const code = `const total = ${Array.from({ length: 40 }, (_, i) => `a${i}`).join(" + ")};`;
    expect(comment.length > MAX && !holdsLiteral(comment)).toBe(true);
    expect(code.length > MAX && !holdsLiteral(code)).toBe(true);
    expect(holdsLiteral(`prompt: \`${"x".repeat(150)}\``)).toBe(true);
  });
});
