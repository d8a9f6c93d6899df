// A widget's state as one table of typed fields. The same table reads the initial state from
// element attributes and from the page URL, checks values typed by the reader, and writes the
// state back into a shareable link. No DOM here, so it is unit-tested in Node.

export type Field =
  | { kind: "number"; label: string; min: number; max: number; step: number; default: number }
  | { kind: "choice"; label: string; options: readonly string[]; default: string }
  | { kind: "boolean"; label: string; default: boolean };
export type Schema = Record<string, Field>;
export type StateOf<S extends Schema> = {
  [K in keyof S]: S[K] extends { kind: "number" } ? number : S[K] extends { kind: "boolean" } ? boolean : string;
};

export type Problem = {
  kind: "clamped" | "snapped" | "notNumber" | "unknownOption";
  field: string;
  label: string;
  value: string;
  min?: number;
  max?: number;
  step?: number;
};

/** The default state of a schema. */
export function defaults<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(schema)) out[name] = f.default;
  return out as StateOf<S>;
}

/** Plain decimal or scientific notation only: Number() would also read "0x10" as 16, "0b1" as 1 and "" as 0. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Longer text is not a number a reader meant (and is not worth parsing). */
const MAX_NUMBER_TEXT = 40;

/** Decimal places of a step (0.001 → 3, 5 → 0, 1e-7 → 7), to print snapped values without float noise. */
function decimalsOf(step: number): number {
  const [mantissa, exponent = "0"] = step.toExponential().split("e");
  return Math.max(0, (mantissa.split(".")[1]?.length ?? 0) - Number(exponent));
}

/**
 * The field's value nearest to x: on the grid min + k·step and within [min, max].
 * @example
 *   snapToField({ min: 1, max: 8, step: 1 }, 1.5);   // 2
 */
export function snapToField(field: { min: number; max: number; step: number }, x: number): number {
  const { min, max, step } = field;
  const onGrid = step > 0 ? min + Math.round((x - min) / step) * step : x;
  const tidy = step > 0 ? Number(onGrid.toFixed(Math.min(20, decimalsOf(step) + decimalsOf(min)))) : onGrid;
  return Math.min(max, Math.max(min, tidy));
}

/**
 * Checks one raw value (from an attribute, a URL or a text box) against its field.
 * Returns the value to use and, when the raw value had to be changed or refused, a problem to show.
 */
export function coerce(name: string, field: Field, raw: string, current: unknown): { value: unknown; problem?: Problem } {
  if (field.kind === "number") {
    // The typographic minus (U+2212) is what the course prints, so a copied value reads back.
    const text = raw.trim().replace("\u2212", "-");
    const x = text.length <= MAX_NUMBER_TEXT && DECIMAL.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(x)) {
      return { value: current, problem: { kind: "notNumber", field: name, label: field.label, value: String(current) } };
    }
    const clamped = Math.min(field.max, Math.max(field.min, x));
    if (clamped !== x) {
      return {
        value: clamped,
        problem: { kind: "clamped", field: name, label: field.label, value: String(clamped), min: field.min, max: field.max },
      };
    }
    const snapped = snapToField(field, x);
    if (snapped !== x) {
      return { value: snapped, problem: { kind: "snapped", field: name, label: field.label, value: String(snapped), step: field.step } };
    }
    return { value: x };
  }
  if (field.kind === "boolean") return { value: raw === "1" || raw === "true" || raw === "on" };
  if (!field.options.includes(raw)) {
    return { value: current, problem: { kind: "unknownOption", field: name, label: field.label, value: String(current) } };
  }
  return { value: raw };
}

const paramName = (prefix: string, name: string) => `${prefix}.${name}`;

/**
 * The initial state: defaults, then attributes (`data-<name>` read through `attr`), then the URL's
 * `<prefix>.<name>` parameters, which win so that a shared link restores what its sender saw.
 */
export function readState<S extends Schema>(
  schema: S,
  attr: (name: string) => string | null,
  params: URLSearchParams,
  prefix: string,
): { state: StateOf<S>; problems: Problem[] } {
  const state = defaults(schema) as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const [name, field] of Object.entries(schema)) {
    for (const raw of [attr(name), params.get(paramName(prefix, name))]) {
      if (raw === null) continue;
      const { value, problem } = coerce(name, field, raw, state[name]);
      state[name] = value;
      if (problem) problems.push(problem);
    }
  }
  return { state: state as StateOf<S>, problems };
}

/** A copy of `url` whose parameters hold every field that differs from its default. */
export function linkTo<S extends Schema>(schema: S, state: StateOf<S>, prefix: string, url: string): string {
  const u = new URL(url);
  for (const [name, field] of Object.entries(schema)) {
    const key = paramName(prefix, name);
    const value = (state as Record<string, unknown>)[name];
    if (value === field.default) u.searchParams.delete(key);
    else u.searchParams.set(key, field.kind === "boolean" ? (value ? "1" : "0") : String(value));
  }
  return u.toString();
}
