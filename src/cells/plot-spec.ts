// Charts from cells. A cell cannot send functions or DOM to the page, so `plot({...})` describes a
// chart as data: Observable Plot's options, with each mark written as { mark: "lineY", data, ...options }.
// The same check runs in the worker (to tell the reader what is wrong) and on the page (which trusts
// nothing it receives): only listed options, plain data, bounded sizes, no links.

/** The Plot marks a cell may use. */
export const MARKS = [
  "line",
  "lineX",
  "lineY",
  "dot",
  "dotX",
  "dotY",
  "barX",
  "barY",
  "areaX",
  "areaY",
  "ruleX",
  "ruleY",
  "text",
  "cell",
  "rect",
  "rectX",
  "rectY",
  "tickX",
  "tickY",
  "frame",
  "gridX",
  "gridY",
] as const;

/** One mark of a cell chart. */
export interface MarkSpec {
  mark: (typeof MARKS)[number];
  data?: unknown[];
  [option: string]: unknown;
}
/** A cell chart: Plot's top-level options plus marks; `title` becomes its text description. */
export interface PlotSpec {
  marks: MarkSpec[];
  title?: string;
  [option: string]: unknown;
}

/** Marks per chart and data points (data rows plus channel values) per chart. */
export const PLOT_LIMITS = { marks: 20, points: 5_000, text: 200 } as const;

type Check = (v: unknown, path: string) => unknown;
const fail = (path: string, what: string): never => {
  throw new TypeError(`plot(): ${path} ${what}.`);
};
// NOTE: no string anywhere may carry a script URL or a CSS url(): Plot writes strings into SVG attributes.
const text =
  (max: number): Check =>
  (v, path) =>
    typeof v === "string" && v.length <= max && !/javascript:|url\(/i.test(v) ? v : fail(path, `must be text of at most ${max} characters`);
const num =
  (lo: number, hi: number): Check =>
  (v, path) =>
    typeof v === "number" && v >= lo && v <= hi ? v : fail(path, `must be a number from ${lo} to ${hi}`);
const bool: Check = (v, path) => (typeof v === "boolean" ? v : fail(path, "must be true or false"));
const oneOf =
  (...names: string[]): Check =>
  (v, path) =>
    typeof v === "string" && names.includes(v) ? v : fail(path, `must be one of ${names.join(", ")}`);
const either =
  (...checks: Check[]): Check =>
  (v, path) => {
    for (const c of checks)
      try {
        return c(v, path);
      } catch {
        /* try the next */
      }
    return fail(
      path,
      typeof v === "function"
        ? 'is a function; a chart description holds only numbers, text, lists and tensors (name channels by field, e.g. y: "loss")'
        : "has a value a cell chart cannot use",
    );
  };
const primitive: Check = (v, path) => (v === null || typeof v === "number" || typeof v === "boolean" ? v : text(PLOT_LIMITS.text)(v, path));
const list =
  (max: number, item: Check): Check =>
  (v, path) =>
    Array.isArray(v) && v.length <= max ? v.map((x, i) => item(x, `${path}[${i}]`)) : fail(path, `must be a list of at most ${max} values`);

/** A data row: a value, a short list of values, or an object of values. */
const row: Check = (v, path) => {
  if (Array.isArray(v)) return list(20, primitive)(v, path);
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length > 20) fail(path, "has more than 20 fields");
    return Object.fromEntries(keys.map((k) => [text(50)(k, path), primitive(v[k], `${path}.${k}`)]));
  }
  return primitive(v, path);
};
const channel = either(text(PLOT_LIMITS.text), num(-1e12, 1e12), bool, list(PLOT_LIMITS.points, primitive));

const SCALE: Record<string, Check> = {
  label: text(200),
  domain: list(1000, primitive),
  range: list(100, primitive),
  type: oneOf("linear", "log", "pow", "sqrt", "symlog", "band", "point", "ordinal", "categorical", "utc", "time"),
  grid: bool,
  nice: bool,
  zero: bool,
  reverse: bool,
  clamp: bool,
  legend: bool,
  percent: bool,
  ticks: num(0, 50),
  tickFormat: text(20),
  scheme: text(30),
  base: num(1e-6, 1e6),
  exponent: num(-10, 10),
};
const scale = (v: unknown, path: string) => options(v, SCALE, path);
const TOP: Record<string, Check> = {
  title: text(200),
  subtitle: text(200),
  caption: text(500),
  width: num(100, 1600),
  height: num(50, 1200),
  margin: num(0, 200),
  marginTop: num(0, 200),
  marginRight: num(0, 200),
  marginBottom: num(0, 200),
  marginLeft: num(0, 200),
  inset: num(0, 100),
  grid: bool,
  x: scale,
  y: scale,
  color: scale,
  r: scale,
  opacity: scale,
};
const MARK: Record<string, Check> = {
  mark: oneOf(...MARKS),
  data: (v, path) => list(PLOT_LIMITS.points, row)(v, path),
  x: channel,
  y: channel,
  x1: channel,
  x2: channel,
  y1: channel,
  y2: channel,
  z: channel,
  fill: channel,
  stroke: channel,
  r: channel,
  text: channel,
  title: channel,
  symbol: channel,
  fillOpacity: channel,
  strokeOpacity: channel,
  opacity: channel,
  strokeWidth: num(0, 20),
  strokeDasharray: text(40),
  curve: oneOf("linear", "step", "step-after", "step-before", "natural", "monotone-x", "monotone-y", "basis", "cardinal", "catmull-rom"),
  marker: either(bool, oneOf("dot", "circle", "circle-fill", "circle-stroke", "arrow", "tick")),
  fontSize: num(4, 48),
  textAnchor: oneOf("start", "middle", "end"),
  lineAnchor: oneOf("top", "middle", "bottom"),
  frameAnchor: text(20),
  dx: num(-500, 500),
  dy: num(-500, 500),
  rotate: num(-360, 360),
  inset: num(0, 100),
  tip: bool,
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function options(v: unknown, allowed: Record<string, Check>, path: string): Record<string, unknown> {
  if (!isPlainObject(v)) return fail(path, "must be an object of options");
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const check = Object.hasOwn(allowed, k)
      ? allowed[k]
      : fail(`${path}.${k}`, `is not an option a cell chart may use (allowed: ${Object.keys(allowed).join(", ")})`);
    out[k] = check(v[k], `${path}.${k}`);
  }
  return out;
}

/** Tensors become plain arrays (rows of a matrix), typed arrays plain arrays; everything else as it is. */
function plain(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null || depth > 6) return value;
  const t = value as { shape?: unknown; toArray?: unknown };
  if (Array.isArray(t.shape) && typeof t.toArray === "function") return (t.toArray as () => unknown).call(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map((x) => plain(x, depth + 1));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, plain(x, depth + 1)]));
  return value;
}

const pointsOf = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/** Checks a chart description and returns a plain copy that can cross to the page; throws a TypeError naming what is wrong. */
export function checkPlotSpec(spec: unknown): PlotSpec {
  if (!isPlainObject(spec) || !Array.isArray(spec.marks))
    fail("its argument", 'must be { marks: [{ mark: "lineY", data: [...] }], ...Plot options }');
  const { marks, ...top } = plain(spec) as { marks: unknown[] };
  if (marks.length > PLOT_LIMITS.marks) fail("marks", `has more than ${PLOT_LIMITS.marks} marks`);
  const out = options(top, TOP, "spec") as PlotSpec;
  out.marks = marks.map((m, k) => {
    if (!isPlainObject(m) || !MARKS.includes(m.mark as MarkSpec["mark"])) fail(`marks[${k}].mark`, `must be one of ${MARKS.join(", ")}`);
    return options(m, MARK, `marks[${k}]`) as MarkSpec;
  });
  const points = out.marks.reduce((n, m) => n + Object.values(m).reduce<number>((s, v) => s + pointsOf(v), 0), 0);
  if (points > PLOT_LIMITS.points) fail("marks", `hold ${points} data points; a cell chart may hold ${PLOT_LIMITS.points}`);
  return out;
}

/** True for a value a cell returned that describes a chart. */
export const isPlotSpec = (v: unknown): boolean => typeof v === "object" && v !== null && Array.isArray((v as PlotSpec).marks);
