// How the worker turns a cell into a function without eval: the page's Content-Security-Policy,
// which a blob: worker inherits, allows no eval and no script from another origin, so each run is
// a module loaded from a blob: URL. Its body starts on line 1, so stack lines are the reader's lines.
import type { CellLoader, LoadedCell } from "./runtime";

/** Loads run `n`'s body as `export default async function (…) { body }` from a blob: URL. */
export const moduleLoader: CellLoader = async (body, n) => {
  const file = `dl-cell-${n}.js`;
  const source = `export default async function (__ctx, __save, require, exports, module) {${body}\n}\n//# sourceURL=${file}`;
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    const mod = (await import(/* @vite-ignore */ url)) as { default: LoadedCell["fn"] };
    return { fn: mod.default, file, firstLine: 1 };
  } finally {
    URL.revokeObjectURL(url);
  }
};
