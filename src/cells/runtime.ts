// Compiles and runs one cell against a notebook context. Used by the worker (cell-worker.ts) and by
// the unit tests in Node: TypeScript → JavaScript with sucrase (types and imports rewritten in
// place, so lines do not move), then an async function whose prelude shares names across cells.
import { transform } from "sucrase";
import { cellBody } from "./scope";
import { cellLine, syntaxErrorLine } from "./lines";

/** Module names a cell may import; each resolves to the engine. */
export const ENGINE_MODULES = ["dl", "@course/engine"];

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

/** A compiled cell, or where its code fails to parse (1-based line, null when unknown). */
export type Compiled = { ok: true; js: string } | { ok: false; message: string; line: number | null };

/** The cell's TypeScript as JavaScript with `require` calls for imports; same line count. */
export function compileCell(code: string): Compiled {
  try {
    const { code: js } = transform(code, { transforms: ["typescript", "imports"], disableESTransforms: true, production: true });
    return { ok: true, js };
  } catch (error) {
    const { message, line } = syntaxErrorLine(error instanceof Error ? error.message : String(error));
    return { ok: false, message, line };
  }
}

/** What a run ended with: its return value, or the error and its line in the reader's code. */
export type RunResult = { ok: true; value: unknown; ms: number } | { ok: false; error: unknown; name: string; message: string; line: number | null; ms: number };

/** Runs the names a notebook's cells share, one context per notebook. */
export class CellRunner {
  readonly context: Record<string, unknown> = Object.create(null);
  private runs = 0;
  private firstLine: number | null = null;

  constructor(private readonly engine: object) {}

  /** `require` inside cells: only the engine can be imported. */
  private require = (name: string) => {
    if (ENGINE_MODULES.includes(name)) return this.engine;
    throw new Error(`Cells can import only the course engine ("dl" or "@course/engine"), not "${name}".`);
  };

  /** The line number the JavaScript engine gives to the first line of a function body. */
  private bodyFirstLine(): number {
    if (this.firstLine === null) {
      let stack = "";
      try {
        new Function("__ctx", "__save", `throw new Error("probe");\n//# sourceURL=dl-cell-probe.js`)();
      } catch (e) {
        stack = (e as Error).stack ?? "";
      }
      const m = /dl-cell-probe\.js:(\d+)/.exec(stack);
      this.firstLine = m ? Number(m[1]) : 3;
    }
    return this.firstLine;
  }

  /** Compiles and runs `code`; the names it declares at top level join the context. */
  async run(code: string): Promise<RunResult> {
    const start = performance.now();
    const compiled = compileCell(code);
    if (!compiled.ok) return { ok: false, error: null, name: "SyntaxError", message: compiled.message, line: compiled.line, ms: performance.now() - start };
    const file = `dl-cell-${++this.runs}.js`;
    const body = `${cellBody(compiled.js, Object.keys(this.context))}\n//# sourceURL=${file}`;
    let save: (() => void) | null = null;
    try {
      const fn = new AsyncFunction("__ctx", "__save", "require", "exports", "module", body);
      const exports = {};
      const value = await fn(this.context, (f: () => void) => (save = f), this.require, exports, { exports });
      return { ok: true, value, ms: performance.now() - start };
    } catch (error) {
      const e = error instanceof Error ? error : null;
      return {
        ok: false,
        error,
        name: e?.name ?? "Error",
        message: e ? e.message : String(error),
        line: e ? cellLine(e.stack, file, this.bodyFirstLine()) : null,
        ms: performance.now() - start,
      };
    } finally {
      (save as (() => void) | null)?.();
    }
  }
}
