// How a cell's values are shown: console.log text (tensors as aligned matrices, objects one level
// at a time, cycles and huge arrays cut short) and tables for arrays and tensors. Pure functions,
// run in the worker, so only strings and plain arrays cross to the page.
import { LIMITS, type CellTable } from "./protocol";

export type { CellTable };

/** A tensor as the engine defines it, recognised by shape (no import of lib needed here). */
interface TensorLike {
  shape: readonly number[];
  data: Float64Array;
}
const isTensor = (v: unknown): v is TensorLike =>
  typeof v === "object" && v !== null && Array.isArray((v as TensorLike).shape) && (v as TensorLike).data instanceof Float64Array;

const MAX_ITEMS = 100;
const MAX_ROWS = 12;
const MAX_COLS = 10;

/** A number as a reader wants to see it in a matrix: integers exact, others to 6 significant digits. */
export function formatEntry(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  const s = x.toPrecision(6);
  return s.includes("e") ? s : s.replace(/\.?0+$/, "");
}

/** A tensor: its shape, then its entries in aligned rows; large ones keep the corners with "…". */
export function formatTensor(t: TensorLike): string {
  const head = `Tensor [${t.shape.join(" × ")}]`;
  if (t.shape.length === 0) return `${head} ${formatEntry(t.data[0])}`;
  const rows = t.shape.length === 1 ? 1 : t.shape[0];
  const cols = t.shape.length === 1 ? t.shape[0] : t.data.length / Math.max(rows, 1);
  if (t.shape.length > 2)
    return `${head} [${Array.from(t.data.subarray(0, MAX_ITEMS), formatEntry).join(", ")}${t.data.length > MAX_ITEMS ? ", …" : ""}]`;
  const pick = (n: number, max: number) =>
    n <= max ? [...Array(n).keys()] : [...Array(max / 2).keys(), -1, ...Array.from({ length: max / 2 }, (_, k) => n - max / 2 + k)];
  const rowIdx = pick(rows, MAX_ROWS),
    colIdx = pick(cols, MAX_COLS);
  const cells = rowIdx.map((i) => colIdx.map((j) => (i < 0 || j < 0 ? "…" : formatEntry(t.data[i * cols + j]))));
  const widths = colIdx.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const lines = cells.map((r) => r.map((s, c) => s.padStart(widths[c])).join("  "));
  if (t.shape.length === 1) return `${head}\n[ ${lines[0]} ]`;
  return `${head}\n${lines.map((l, k) => `${k === 0 ? "[" : " "}[ ${l} ]${k === lines.length - 1 ? "]" : ""}`).join("\n")}`;
}

/** One value as console.log shows it; `nested` quotes strings. */
export function formatValue(v: unknown, nested = false, seen = new Set<object>(), depth = 0): string {
  if (typeof v === "string") return nested ? JSON.stringify(v) : v;
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol") return v.toString();
  if (v === undefined || v === null || typeof v === "boolean") return String(v);
  if (typeof v === "function")
    return /^class\b/.test(Function.prototype.toString.call(v))
      ? `[class ${v.name || "anonymous"}]`
      : `[Function ${v.name || "anonymous"}]`;
  if (isTensor(v)) return formatTensor(v);
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  const obj = v as object;
  if (seen.has(obj)) return "[Circular]";
  if (depth > 3) return Array.isArray(obj) ? "[Array]" : "[Object]";
  seen.add(obj);
  try {
    const inner = (x: unknown) => formatValue(x, true, seen, depth + 1);
    const list = (items: string[], more: number, open: string, close: string) => {
      const all = more > 0 ? [...items, `… ${more} more`] : items;
      const flat = `${open}${all.join(", ")}${close}`;
      return flat.length <= 72 && !flat.includes("\n")
        ? flat
        : `${open}\n${all.map((s) => `  ${s.replace(/\n/g, "\n  ")}`).join(",\n")}\n${close}`;
    };
    if (Array.isArray(obj)) return list(obj.slice(0, MAX_ITEMS).map(inner), obj.length - MAX_ITEMS, "[", "]");
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const all = obj as unknown as ArrayLike<number>;
      const arr = Array.from({ length: Math.min(all.length, MAX_ITEMS) }, (_, i) => all[i]);
      return (
        `${obj.constructor.name}(${all.length}) ` +
        list(
          arr.map((x) => inner(x)),
          all.length - MAX_ITEMS,
          "[",
          "]",
        )
      );
    }
    if (obj instanceof Map)
      return (
        `Map(${obj.size}) ` +
        list(
          [...obj].slice(0, MAX_ITEMS).map(([k, x]) => `${inner(k)} => ${inner(x)}`),
          obj.size - MAX_ITEMS,
          "{",
          "}",
        )
      );
    if (obj instanceof Set) return `Set(${obj.size}) ${list([...obj].slice(0, MAX_ITEMS).map(inner), obj.size - MAX_ITEMS, "{", "}")}`;
    if (obj instanceof Date) return obj.toISOString();
    const keys = Object.keys(obj);
    const proto = Object.getPrototypeOf(obj);
    const name = proto && proto !== Object.prototype && proto.constructor?.name ? `${proto.constructor.name} ` : "";
    const entries = keys
      .slice(0, MAX_ITEMS)
      .map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inner((obj as Record<string, unknown>)[k])}`);
    return name + (keys.length ? list(entries, keys.length - MAX_ITEMS, "{ ", " }") : "{}");
  } finally {
    seen.delete(obj);
  }
}

/** console.log's arguments as one line of text. */
export function formatArgs(args: unknown[]): string {
  return args.map((a) => formatValue(a)).join(" ");
}

const { tableRows: TABLE_ROWS, tableColumns: TABLE_COLS, cellChars: CELL_CHARS } = LIMITS;

/** One table cell as text, cut to the cell limit. */
const cellText = (v: unknown): string => clipCell(typeof v === "number" ? formatEntry(v) : formatValue(v, true));
const clipCell = (s: string): string => (s.length <= CELL_CHARS ? s : `${s.slice(0, CELL_CHARS - 1)}…`);
const header = (width: number) => ["#", ...Array.from({ length: Math.min(width, TABLE_COLS) }, (_, j) => String(j))];

/**
 * The table `table(x)` shows: a tensor's entries, an array of numbers, rows of arrays, or objects by
 * key — at most LIMITS.tableRows rows and LIMITS.tableColumns columns, with what was cut counted.
 * @example
 *   toTable([[1, 2], [3, 4]]);   // { columns: ["#", "0", "1"], rows: [["0", "1", "2"], ["1", "3", "4"]], more: 0, moreColumns: 0 }
 */
export function toTable(x: unknown): CellTable {
  if (isTensor(x)) {
    const rows = x.shape.length === 2 ? x.shape[0] : x.data.length;
    const cols = x.shape.length === 2 ? x.shape[1] : 1;
    const out: string[][] = [];
    for (let i = 0; i < Math.min(rows, TABLE_ROWS); i++)
      out.push([String(i), ...Array.from({ length: Math.min(cols, TABLE_COLS) }, (_, j) => formatEntry(x.data[i * cols + j]))]);
    return { columns: header(cols), rows: out, more: Math.max(0, rows - TABLE_ROWS), moreColumns: Math.max(0, cols - TABLE_COLS) };
  }
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    const arr = x as ArrayLike<unknown>;
    const more = Math.max(0, arr.length - TABLE_ROWS);
    const first = Array.from({ length: Math.min(arr.length, TABLE_ROWS) }, (_, i) => arr[i]);
    if (first.length && first.every((r) => Array.isArray(r) || (ArrayBuffer.isView(r) && !(r instanceof DataView)))) {
      // NOTE: a loop, not Math.max(...widths): a spread of 200,000 arguments overflows the stack.
      let width = 0;
      for (const r of first) width = Math.max(width, (r as ArrayLike<unknown>).length);
      const shown = Math.min(width, TABLE_COLS);
      const rows = first.map((r, i) => [
        String(i),
        ...Array.from({ length: Math.min((r as ArrayLike<unknown>).length, shown) }, (_, j) => cellText((r as ArrayLike<unknown>)[j])),
      ]);
      return { columns: header(width), rows, more, moreColumns: width - shown };
    }
    if (first.length && first.every((r) => typeof r === "object" && r !== null && !isTensor(r))) {
      const keys = new Set<string>();
      let width = 0;
      for (const r of first) {
        const own = Object.keys(r as object);
        width = Math.max(width, own.length);
        for (let k = 0; k < own.length && keys.size < TABLE_COLS; k++) keys.add(own[k]);
      }
      const shown = [...keys];
      return {
        columns: ["#", ...shown.map(clipCell)],
        rows: first.map((r, i) => [String(i), ...shown.map((k) => cellText((r as Record<string, unknown>)[k]))]),
        more,
        moreColumns: Math.max(0, width - shown.length),
      };
    }
    return { columns: ["#", "value"], rows: first.map((v, i) => [String(i), cellText(v)]), more, moreColumns: 0 };
  }
  if (typeof x === "object" && x !== null) {
    const keys = Object.keys(x);
    const rows = keys.slice(0, TABLE_ROWS).map((k) => [clipCell(k), cellText((x as Record<string, unknown>)[k])]);
    return { columns: ["key", "value"], rows, more: Math.max(0, keys.length - TABLE_ROWS), moreColumns: 0 };
  }
  return { columns: ["value"], rows: [[cellText(x)]], more: 0, moreColumns: 0 };
}
