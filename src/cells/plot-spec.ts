// Charts from cells. A cell cannot send functions or DOM to the page, so `plot({...})` describes a
// chart as data: Observable Plot's options, with each mark written as { mark: "lineY", data, ...options }.
// The worker checks and flattens the description; the page turns it into Plot calls.

/** The Plot marks a cell may use. */
export const MARKS = ["line", "lineX", "lineY", "dot", "dotX", "dotY", "barX", "barY", "areaX", "areaY", "ruleX", "ruleY", "text", "cell", "rect", "rectX", "rectY", "tickX", "tickY", "frame", "gridX", "gridY"] as const;

/** One mark of a cell chart. */
export interface MarkSpec { mark: (typeof MARKS)[number]; data?: unknown[]; [option: string]: unknown }
/** A cell chart: Plot's top-level options plus marks; `title` becomes its text description. */
export interface PlotSpec { marks: MarkSpec[]; title?: string; [option: string]: unknown }

// Options that could link or script, never passed on.
const DROPPED = new Set(["href", "target", "render", "document"]);

/** Tensors become plain arrays (rows of a matrix), anything not plain data is refused. */
function plain(value: unknown, path: string): unknown {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return value;
  if (typeof value === "object" && value && Array.isArray((value as { shape?: unknown }).shape) && typeof (value as { toArray?: unknown }).toArray === "function") {
    return (value as { toArray(): unknown }).toArray();
  }
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map((v, i) => plain(v, `${path}[${i}]`));
  if (typeof value === "object" && value && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !DROPPED.has(k)).map(([k, v]) => [k, plain(v, `${path}.${k}`)]));
  }
  throw new TypeError(`plot(): ${path} is a ${typeof value === "function" ? "function" : "non-data value"}; a chart description holds only numbers, strings, arrays, objects and tensors (name channels by field, e.g. y: "loss").`);
}

/** Checks a chart description written in a cell and returns a copy that can cross to the page. */
export function checkPlotSpec(spec: unknown): PlotSpec {
  if (typeof spec !== "object" || spec === null || !Array.isArray((spec as PlotSpec).marks)) {
    throw new TypeError('plot() takes { marks: [{ mark: "lineY", data: [...] }], ...Plot options }.');
  }
  const out = plain(spec, "spec") as PlotSpec;
  out.marks.forEach((m, k) => {
    if (!MARKS.includes(m?.mark)) throw new TypeError(`plot(): marks[${k}].mark must be one of ${MARKS.join(", ")}; got ${JSON.stringify(m?.mark)}.`);
  });
  return out;
}

/** True for a value a cell returned that describes a chart. */
export const isPlotSpec = (v: unknown): boolean => typeof v === "object" && v !== null && Array.isArray((v as PlotSpec).marks);
