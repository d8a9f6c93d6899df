// How a cell's values are shown: console.log text (tensors as aligned matrices, objects one level
// at a time, cycles and huge arrays cut short) and tables for arrays and tensors. Pure functions,
// run in the worker, so only strings and plain arrays cross to the page.

/** A tensor as the engine defines it, recognised by shape (no import of lib needed here). */
interface TensorLike { shape: readonly number[]; data: Float64Array }
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
  if (t.shape.length > 2) return `${head} [${Array.from(t.data.subarray(0, MAX_ITEMS), formatEntry).join(", ")}${t.data.length > MAX_ITEMS ? ", …" : ""}]`;
  const pick = (n: number, max: number) => (n <= max ? [...Array(n).keys()] : [...Array(max / 2).keys(), -1, ...Array.from({ length: max / 2 }, (_, k) => n - max / 2 + k)]);
  const rowIdx = pick(rows, MAX_ROWS), colIdx = pick(cols, MAX_COLS);
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
  if (typeof v === "function") return /^class\b/.test(Function.prototype.toString.call(v)) ? `[class ${v.name || "anonymous"}]` : `[Function ${v.name || "anonymous"}]`;
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
      return flat.length <= 72 && !flat.includes("\n") ? flat : `${open}\n${all.map((s) => "  " + s.replace(/\n/g, "\n  ")).join(",\n")}\n${close}`;
    };
    if (Array.isArray(obj)) return list(obj.slice(0, MAX_ITEMS).map(inner), obj.length - MAX_ITEMS, "[", "]");
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const arr = Array.from(obj as unknown as ArrayLike<number>);
      return `${obj.constructor.name}(${arr.length}) ` + list(arr.slice(0, MAX_ITEMS).map((x) => inner(x)), arr.length - MAX_ITEMS, "[", "]");
    }
    if (obj instanceof Map) return `Map(${obj.size}) ` + list([...obj].slice(0, MAX_ITEMS).map(([k, x]) => `${inner(k)} => ${inner(x)}`), obj.size - MAX_ITEMS, "{", "}");
    if (obj instanceof Set) return `Set(${obj.size}) ` + list([...obj].slice(0, MAX_ITEMS).map(inner), obj.size - MAX_ITEMS, "{", "}");
    if (obj instanceof Date) return obj.toISOString();
    const keys = Object.keys(obj);
    const proto = Object.getPrototypeOf(obj);
    const name = proto && proto !== Object.prototype && proto.constructor?.name ? `${proto.constructor.name} ` : "";
    const entries = keys.slice(0, MAX_ITEMS).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inner((obj as Record<string, unknown>)[k])}`);
    return name + (keys.length ? list(entries, keys.length - MAX_ITEMS, "{ ", " }") : "{}");
  } finally {
    seen.delete(obj);
  }
}

/** console.log's arguments as one line of text. */
export function formatArgs(args: unknown[]): string {
  return args.map((a) => formatValue(a)).join(" ");
}

/** A table of plain strings: what the page draws for `table(x)`. */
export interface CellTable { columns: string[]; rows: string[][]; more: number }

const TABLE_ROWS = 200;

/** The table `table(x)` shows: a tensor's entries, an array of numbers, rows of arrays, or objects by key. */
export function toTable(x: unknown): CellTable {
  if (isTensor(x)) {
    const rows = x.shape.length === 2 ? x.shape[0] : x.data.length;
    const cols = x.shape.length === 2 ? x.shape[1] : 1;
    const out: string[][] = [];
    for (let i = 0; i < Math.min(rows, TABLE_ROWS); i++) out.push([String(i), ...Array.from({ length: cols }, (_, j) => formatEntry(x.data[i * cols + j]))]);
    return { columns: ["#", ...Array.from({ length: cols }, (_, j) => String(j))], rows: out, more: Math.max(0, rows - TABLE_ROWS) };
  }
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const arr = Array.from(x as ArrayLike<unknown>);
    const cell = (v: unknown) => (typeof v === "number" ? formatEntry(v) : formatValue(v, true));
    const more = Math.max(0, arr.length - TABLE_ROWS);
    const first = arr.slice(0, TABLE_ROWS);
    if (first.every((r) => Array.isArray(r) || ArrayBuffer.isView(r))) {
      const width = Math.max(0, ...first.map((r) => (r as ArrayLike<unknown>).length));
      return { columns: ["#", ...Array.from({ length: width }, (_, j) => String(j))], rows: first.map((r, i) => [String(i), ...Array.from(r as ArrayLike<unknown>, cell)]), more };
    }
    if (first.length && first.every((r) => typeof r === "object" && r !== null && !isTensor(r))) {
      const keys = [...new Set(first.flatMap((r) => Object.keys(r as object)))];
      return { columns: ["#", ...keys], rows: first.map((r, i) => [String(i), ...keys.map((k) => cell((r as Record<string, unknown>)[k]))]), more };
    }
    return { columns: ["#", "value"], rows: first.map((v, i) => [String(i), cell(v)]), more };
  }
  if (typeof x === "object" && x !== null) return { columns: ["key", "value"], rows: Object.entries(x).map(([k, v]) => [k, formatValue(v, true)]), more: 0 };
  return { columns: ["value"], rows: [[formatValue(x, true)]], more: 0 };
}
