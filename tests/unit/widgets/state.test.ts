// Widget fields read from links, attributes and number boxes: only plain decimal numbers, clamped to the
// range and snapped to the step, with a problem the widget shows; choices and flags as before.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { coerce, linkTo, readState, snapToField, type Field } from "../../../src/widgets/state";

const whole: Field = { kind: "number", label: "Units", min: 1, max: 8, step: 1, default: 3 };
const rate: Field = { kind: "number", label: "Rate", min: 0.001, max: 2, step: 0.001, default: 0.05 };

describe("coerce", () => {
  it("snaps a value between steps to the nearest step and says so", () => {
    expect(coerce("units", whole, "1.5", 3)).toEqual({
      value: 2,
      problem: expect.objectContaining({ kind: "snapped", value: "2", step: 1 }),
    });
    expect(coerce("lr", rate, "0.0504", 0.05)).toEqual({
      value: 0.05,
      problem: expect.objectContaining({ kind: "snapped", value: "0.05" }),
    });
    expect(coerce("lr", rate, "0.123", 0.05)).toEqual({ value: 0.123 });
  });

  it("clamps to the range", () => {
    expect(coerce("units", whole, "9", 3)).toEqual({ value: 8, problem: expect.objectContaining({ kind: "clamped", value: "8" }) });
    expect(coerce("units", whole, "-5", 3).value).toBe(1);
    expect(coerce("units", whole, "1e308", 3).value).toBe(8);
  });

  it("refuses what is not a plain decimal number and keeps the current value", () => {
    for (const raw of [
      "0x10",
      "0b1",
      "0o7",
      "",
      "  ",
      "NaN",
      "Infinity",
      "-Infinity",
      "1,5",
      "x".repeat(10_000),
      "<img src=x onerror=alert(1)>",
      "2px",
      "1e999",
    ]) {
      expect(coerce("units", whole, raw, 3), raw.slice(0, 20)).toEqual({
        value: 3,
        problem: expect.objectContaining({ kind: "notNumber", value: "3" }),
      });
    }
  });

  it("reads the typographic minus the course prints", () => {
    const signed: Field = { kind: "number", label: "w", min: -5, max: 5, step: 0.1, default: 0 };
    expect(coerce("w", signed, "\u22121.5", 0)).toEqual({ value: -1.5 });
  });

  it("any accepted number lies in the range and on the step grid", () => {
    const field = fc.record({
      min: fc.integer({ min: -50, max: 50 }),
      span: fc.integer({ min: 1, max: 100 }),
      step: fc.constantFrom(1, 0.5, 0.1, 0.01, 0.001, 5),
    });
    fc.assert(
      fc.property(field, fc.double({ min: -1e6, max: 1e6, noNaN: true }), ({ min, span, step }, x) => {
        const f: Field = { kind: "number", label: "f", min, max: min + span, step, default: min };
        const { value } = coerce("f", f, String(x), min) as { value: number };
        const k = (value - min) / step;
        return value >= min && value <= min + span && (Math.abs(k - Math.round(k)) < 1e-9 || value === min + span);
      }),
    );
  });
});

describe("snapToField", () => {
  it("prints no float noise", () => {
    expect(snapToField({ min: 0.001, max: 2, step: 0.001 }, 0.30000000000000004)).toBe(0.3);
    expect(snapToField({ min: 0, max: 1, step: 0.1 }, 0.7)).toBe(0.7);
  });
});

describe("readState", () => {
  it("snaps and clamps link values, and a link of the result reads back unchanged", () => {
    const schema = { units: whole, lr: rate };
    const { state, problems } = readState(schema, () => null, new URLSearchParams("w.units=2.6&w.lr=0x10"), "w");
    expect(state).toEqual({ units: 3, lr: 0.05 });
    expect(problems.map((p) => p.kind)).toEqual(["snapped", "notNumber"]);
    const again = readState(schema, () => null, new URL(linkTo(schema, { units: 5, lr: 0.123 }, "w", "https://x/")).searchParams, "w");
    expect(again).toEqual({ state: { units: 5, lr: 0.123 }, problems: [] });
  });
});
