import { describe, expect, it } from "vitest";
import { declaredNames, cellBody } from "../../../src/cells/scope";

describe("declaredNames", () => {
  it("declaredNames finds const, let, var, function and class at the top level only", () => {
    const js =
      "const X = f(1, 2);\nlet y = 1, z = [3, 4];\nvar w;\nfunction g(a) { let inner = a; return inner; }\nclass Net { m() { const q = 1; } }\nasync function h() {}";
    expect(declaredNames(js)).toEqual(["X", "y", "z", "w", "g", "Net", "h"]);
  });

  it("declaredNames reads destructuring patterns, with keys, defaults and rest", () => {
    expect(declaredNames("const { a, b: c, d = 1, ...rest } = obj;\nconst [p, , [q], r = 2] = arr;")).toEqual([
      "a",
      "c",
      "d",
      "rest",
      "p",
      "q",
      "r",
    ]);
  });

  it("declaredNames ignores names inside strings, templates, comments, regexes and loops", () => {
    const js =
      "const s = 'const a = 1';\nconst t = `let ${'b'} = ${x}`;\n// const c = 1\n/* let d */\nconst re = /const e/g;\nfor (let i = 0; i < 3; i++) {}\nif (s) { const f = 1; }";
    expect(declaredNames(js)).toEqual(["s", "t", "re"]);
  });

  it("declaredNames follows statements without semicolons and multi-line initializers", () => {
    const js = "const X = Tensor.from([\n  [1, 2],\n  [3, 4],\n])\nconst W = X\n  .clone()\nlet m = 1 +\n  2\nconsole.log(X, W)";
    expect(declaredNames(js)).toEqual(["X", "W", "m"]);
  });

  it("declaredNames reads what a hand-written scanner confuses: division against regex, labels, nested templates", () => {
    const js =
      "const a = (b) / 2 / c;\nouter: for (const k of [1]) { let inner = k; }\nconst t = `${`${'}'}`}`, u = 1;\nlet { x: { y }, ...r } = o;";
    expect(declaredNames(js)).toEqual(["a", "t", "u", "y", "r"]);
  });

  it("declaredNames gives no names for code that does not parse (the run reports the syntax error)", () => {
    expect(declaredNames("const = 1;")).toEqual([]);
  });

  it("declaredNames allows top-level await and return, as the runner does", () => {
    expect(declaredNames("const v = await Promise.resolve(1);\nreturn v;")).toEqual(["v"]);
  });

  it("declaredNames skips function and class expressions", () => {
    expect(declaredNames("const f = function inner() {};\nconst C = class Named {};\ncall(function cb() {});")).toEqual(["f", "C"]);
  });
});

describe("cellBody", () => {
  it("cellBody hands in earlier names the cell does not redeclare, all on the first line", () => {
    const body = cellBody("const b = a + 1;\nconst c = b;", ["a", "c"]);
    expect(body.split("\n")).toHaveLength(2);
    expect(body).toContain("let {a} = __ctx;");
    expect(body).not.toContain("let {a, c}");
    expect(body).toContain('__ctx["b"] = b;');
  });
});
