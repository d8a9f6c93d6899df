// Compiles and runs one cell against a notebook context. Used by the worker (cell-worker.ts) and by
// the unit tests in Node: TypeScript → JavaScript with sucrase (types and imports rewritten in
// place, so lines do not move), then an async function whose prelude shares names across cells.
// How the body becomes a function is the loader's business: `new AsyncFunction` in Node, a blob:
// module in the page's worker (module-loader.ts), where the page's policy forbids eval.
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

/** A compiled cell body as a function, with the file name its stack frames carry and the line its body starts on. */
export interface LoadedCell {
  fn: (ctx: object, save: (f: () => void) => void, require: (name: string) => unknown, exports: object, module: object) => Promise<unknown>;
  file: string;
  firstLine: number;
}
/** Turns a cell body into a function; run `n` of the notebook. */
export type CellLoader = (body: string, n: number) => Promise<LoadedCell>;

let probedFirstLine: number | null = null;
/** The line number the JavaScript engine gives to the first line of a `new Function` body. */
function functionFirstLine(): number {
  if (probedFirstLine === null) {
    let stack = "";
    try {
      new Function("__ctx", "__save", `throw new Error("probe");\n//# sourceURL=dl-cell-probe.js`)();
    } catch (e) {
      stack = (e as Error).stack ?? "";
    }
    const m = /dl-cell-probe\.js:(\d+)/.exec(stack);
    probedFirstLine = m ? Number(m[1]) : 3;
  }
  return probedFirstLine;
}

/** Compiles with `new AsyncFunction` (Node and the tests; the page's worker has no eval and loads modules instead). */
export const functionLoader: CellLoader = async (body, n) => {
  const file = `dl-cell-${n}.js`;
  const fn = new AsyncFunction("__ctx", "__save", "require", "exports", "module", `${body}\n//# sourceURL=${file}`) as LoadedCell["fn"];
  return { fn, file, firstLine: functionFirstLine() };
};

/** What a run ended with: its return value, or the error and its line in the reader's code. */
export type RunResult =
  | { ok: true; value: unknown; ms: number }
  | { ok: false; error: unknown; name: string; message: string; line: number | null; ms: number };

/** Runs the names a notebook's cells share, one context per notebook. */
export class CellRunner {
  readonly context: Record<string, unknown> = Object.create(null);
  private runs = 0;

  constructor(
    private readonly engine: object,
    private readonly load: CellLoader = functionLoader,
  ) {}

  /** `require` inside cells: only the engine can be imported. */
  private require = (name: string) => {
    if (ENGINE_MODULES.includes(name)) return this.engine;
    throw new Error(`Cells can import only the course engine ("dl" or "@course/engine"), not "${name}".`);
  };

  /** Compiles and runs `code`; the names it declares at top level join the context. */
  async run(code: string): Promise<RunResult> {
    const start = performance.now();
    const compiled = compileCell(code);
    if (!compiled.ok)
      return { ok: false, error: null, name: "SyntaxError", message: compiled.message, line: compiled.line, ms: performance.now() - start };
    const body = cellBody(compiled.js, Object.keys(this.context));
    let save: (() => void) | null = null;
    let file = "",
      firstLine = 1;
    try {
      const loaded = await this.load(body, ++this.runs);
      ({ file, firstLine } = loaded);
      const fn = loaded.fn;
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
        line: e && file ? cellLine(e.stack, file, firstLine) : null,
        ms: performance.now() - start,
      };
    } finally {
      (save as (() => void) | null)?.();
    }
  }
}
