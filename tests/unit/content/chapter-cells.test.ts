// Every <Cell> of every chapter runs here in Node, in page order with one shared notebook context,
// exactly as the page's worker runs it (engine names as globals, console captured), and its printed
// output must equal the `expected` text the page shows under it. A chapter's code can't rot.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { filesUnder } from "../../../src/build/walk.mjs";
import * as dl from "../../../lib";
import { CellRunner } from "../../../src/cells/runtime";
import { formatArgs } from "../../../src/cells/format";
// The page's own tidying: Cell.astro dedents code and expected text, cell-view.ts compares with normalizeOutput.
import { dedent, normalizeOutput } from "../../../src/cells/cell-text";

const DIR = "content/chapters";

type PageCell = { id: string; code: string; expected?: string };

/** The template literals a chapter exports (`export const name = \`…\`;`), evaluated as JavaScript would. */
function exportedStrings(mdx: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^export const (\w+) = (`(?:\\[\s\S]|[^`\\])*`);?$/gm;
  for (const m of mdx.matchAll(re)) out.set(m[1], new Function(`return ${m[2]};`)() as string);
  return out;
}

/** An attribute of a <Cell …/> tag: a quoted string or `{name}` naming an export. */
function attribute(tag: string, name: string, strings: Map<string, string>): string | undefined {
  const quoted = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  if (quoted) return quoted[1];
  const ref = new RegExp(`\\b${name}=\\{(\\w+)\\}`).exec(tag);
  if (!ref) return undefined;
  const value = strings.get(ref[1]);
  if (value === undefined) throw new Error(`${name}={${ref[1]}} names no exported template literal`);
  return value;
}

function cellsOf(mdx: string): PageCell[] {
  const strings = exportedStrings(mdx);
  return [...mdx.matchAll(/<Cell\b[^>]*\/>/g)].map(([tag]) => {
    const code = attribute(tag, "code", strings);
    const id = attribute(tag, "id", strings);
    if (!id || code === undefined) throw new Error(`a <Cell> without id or code: ${tag}`);
    const expected = attribute(tag, "expected", strings);
    return { id, code: dedent(code), expected: expected === undefined ? undefined : dedent(expected) };
  });
}

const pages = filesUnder(DIR, ".mdx")
  .map((path) => ({ file: basename(path), cells: cellsOf(readFileSync(path, "utf8")) }))
  .filter((p) => p.cells.length > 0);

it("chapter cells exist and every one states its expected output", () => {
  expect(pages.length).toBeGreaterThan(0);
  for (const { file, cells } of pages) for (const c of cells) expect(c.expected, `${file} ${c.id}`).toBeDefined();
});

describe.each(pages)("$file", ({ cells }) => {
  // One runner per page, like one worker per page. Engine names are globals, as in the worker.
  const runner = new CellRunner(dl);
  const g = globalThis as Record<string, unknown>;
  const missing = Object.keys(dl).filter((k) => !(k in g));
  for (const k of missing) g[k] = (dl as Record<string, unknown>)[k];

  it.each(cells)(
    "cell $id prints its expected output",
    async ({ code, expected }) => {
      const lines: string[] = [];
      const original = console;
      const capture = (...args: unknown[]) => void lines.push(formatArgs(args));
      g.console = { ...original, log: capture, info: capture, debug: capture, warn: capture, error: capture };
      g.table = () => {};
      g.plot = () => {};
      try {
        const result = await runner.run(code);
        expect(result.ok ? "ok" : `${result.name}: ${result.message} (line ${result.line})`).toBe("ok");
      } finally {
        g.console = original;
      }
      expect(normalizeOutput(lines.join("\n"))).toBe(normalizeOutput(expected!));
    },
    30_000,
  );
});
