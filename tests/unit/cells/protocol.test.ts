import { describe, expect, it } from "vitest";
import { LIMITS, checkMessage } from "../../../src/cells/protocol";

const table = (rows: number, cols: number, cell = "1") => ({
  columns: Array.from({ length: cols }, (_, j) => String(j)),
  rows: Array.from({ length: rows }, () => Array.from({ length: cols }, () => cell)),
  more: 0,
  moreColumns: 0,
});

describe("checkMessage", () => {
  it("checkMessage keeps every kind of well-formed message, copying only its fields", () => {
    expect(checkMessage({ run: 1, kind: "log", level: "warn", text: "hi", extra: "dropped" })).toEqual({
      run: 1,
      kind: "log",
      level: "warn",
      text: "hi",
    });
    expect(checkMessage({ run: 2, kind: "done", ok: true, ms: 3.5 })).toEqual({ run: 2, kind: "done", ok: true, ms: 3.5 });
    expect(checkMessage({ run: 2, kind: "error", name: "TypeError", message: "x", line: 4 })).toMatchObject({ line: 4 });
    expect(checkMessage({ run: 2, kind: "table", table: table(2, 3) })).toMatchObject({ kind: "table" });
    expect(checkMessage({ run: 2, kind: "plot", spec: { marks: [{ mark: "lineY", data: [1, 2] }] } })).toMatchObject({ kind: "plot" });
    expect(checkMessage({ run: 2, kind: "truncated", reason: "chars" })).toMatchObject({ reason: "chars" });
  });

  it("checkMessage drops what is not a message of the protocol", () => {
    for (const bad of [
      null,
      "done",
      [1],
      { kind: "done", ok: true, ms: 1 },
      { run: -1, kind: "ready" },
      { run: 1, kind: "eval", code: "x" },
      { run: 1, kind: "log", level: "html", text: "<b>" },
      { run: 1, kind: "done", ok: "yes", ms: 1 },
      { run: 1, kind: "done", ok: true, ms: Infinity },
      { run: 1, kind: "error", name: "E", message: "m", line: 1.5 },
      { run: 1, kind: "value", text: 42 },
    ]) {
      expect(checkMessage(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it("checkMessage drops messages over their size limits", () => {
    expect(checkMessage({ run: 1, kind: "log", level: "log", text: "x".repeat(LIMITS.textChars + 1) })).toBeNull();
    expect(checkMessage({ run: 1, kind: "table", table: table(LIMITS.tableRows + 1, 2) })).toBeNull();
    expect(checkMessage({ run: 1, kind: "table", table: table(2, LIMITS.tableColumns + 2) })).toBeNull();
    expect(checkMessage({ run: 1, kind: "table", table: table(2, 2, "y".repeat(LIMITS.cellChars + 1)) })).toBeNull();
    expect(checkMessage({ run: 1, kind: "error", name: "E", message: "m".repeat(LIMITS.errorChars + 1), line: null })).toBeNull();
  });

  it("checkMessage drops charts a cell could not have sent: links, script URLs, bad marks", () => {
    expect(checkMessage({ run: 1, kind: "plot", spec: { marks: [{ mark: "dot", data: [1], href: "javascript:alert(1)" }] } })).toBeNull();
    expect(checkMessage({ run: 1, kind: "plot", spec: { marks: [{ mark: "text", data: [1], text: "javascript:alert(1)" }] } })).toBeNull();
    expect(checkMessage({ run: 1, kind: "plot", spec: { marks: [{ mark: "nope" }] } })).toBeNull();
    expect(checkMessage({ run: 1, kind: "plot", spec: { marks: "lineY" } })).toBeNull();
  });
});
