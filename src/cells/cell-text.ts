// How a cell's text is tidied: the code and expected output as written in a chapter's template
// literal (dedent, at build time in Cell.astro), and a run's printed output as compared with the
// expected text (normalizeOutput, on the page). The chapter-cells unit test uses both, so it
// checks exactly what the page shows and compares.

/** Drops the blank first and last lines a template literal brings and the indentation they share (a tab counts as two spaces). */
export function dedent(text: string): string {
  const lines = text.replace(/\t/g, "  ").split("\n");
  while (lines.length && lines[0].trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

/** Printed output as compared with a cell's expected text: trailing spaces and outer blank lines ignored. */
export const normalizeOutput = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
