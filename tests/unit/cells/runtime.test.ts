import { describe, expect, it } from "vitest";
import * as dl from "../../../lib";
import { CellRunner, compileCell, type CellLoader } from "../../../src/cells/runtime";

describe("compileCell", () => {
  it("compileCell strips types and rewrites engine imports without moving lines", () => {
    const code =
      'import { Tensor } from "dl";\ninterface P { a: number }\nconst X: Tensor = Tensor.from([1, 2]);\nthrow new Error("line 4");';
    const out = compileCell(code);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.js.split("\n")).toHaveLength(4);
    expect(out.js.split("\n")[3]).toContain('throw new Error("line 4")');
    expect(out.js).toContain("require('dl')");
    expect(out.js).not.toContain(": Tensor");
  });

  it("compileCell reports a syntax error with its line", () => {
    expect(compileCell("const a = 1;\nconst b = ;")).toMatchObject({ ok: false, line: 2, message: "Unexpected token" });
  });
});

describe("CellRunner.run", () => {
  it("CellRunner.run shares top-level names between runs, in order", async () => {
    const r = new CellRunner(dl);
    expect((await r.run("const X: number[] = [1, 2];\nfunction double(v: number) { return 2 * v; }")).ok).toBe(true);
    const second = await r.run("const Y = X.map(double);\nreturn Y;");
    expect(second).toMatchObject({ ok: true, value: [2, 4] });
    // A later cell may redefine a name and reassign an inherited one.
    await r.run("const X = [10];");
    expect(r.context.X).toEqual([10]);
  });

  it("CellRunner.run imports the engine as dl or @course/engine and refuses other modules", async () => {
    const r = new CellRunner(dl);
    const ok = await r.run(
      'import { Tensor, matmul } from "dl";\nimport * as E from "@course/engine";\nreturn matmul(Tensor.from([[1, 2]]), E.Tensor.from([[3], [4]])).toArray();',
    );
    expect(ok).toMatchObject({ ok: true, value: [[11]] });
    const bad = await r.run('import fs from "node:fs";\nfs.readFileSync("x");');
    expect(bad).toMatchObject({ ok: false, line: 1 });
    if (!bad.ok) expect(bad.message).toMatch(/only the course engine/);
  });

  it("CellRunner.run gives a runtime error the line of the reader's code", async () => {
    const r = new CellRunner(dl);
    await r.run("const a = 1;");
    const res = await r.run("// comment\ntype T = number;\nconst b: T = a;\nnull.x;\n");
    expect(res).toMatchObject({ ok: false, name: "TypeError", line: 4 });
  });

  it("CellRunner.run keeps names declared before an error", async () => {
    const r = new CellRunner(dl);
    await r.run("const kept = 5;\nthrow new Error('stop');\nconst lost = 1;");
    expect(r.context.kept).toBe(5);
    expect("lost" in r.context).toBe(false);
  });

  it("CellRunner.run awaits top-level await and runs in strict mode", async () => {
    const r = new CellRunner(dl);
    expect(await r.run("const v = await Promise.resolve(3);\nreturn v;")).toMatchObject({ ok: true, value: 3 });
    expect(await r.run("undeclared = 1;")).toMatchObject({ ok: false, name: "ReferenceError", line: 1 });
  });

  it("CellRunner.run takes its functions from the loader it is given, with the loader's lines", async () => {
    const AsyncFunction = (async () => {}).constructor as new (...a: string[]) => never;
    const bodies: string[] = [];
    // A loader whose body starts on line 1 of a file named as the module loader names it.
    const loader: CellLoader = async (body, n) => {
      bodies.push(body);
      const fn = new AsyncFunction("__ctx", "__save", "require", "exports", "module", `${body}\n//# sourceURL=mod-${n}.js`);
      return { fn, file: `mod-${n}.js`, firstLine: functionFirstLineForTest() };
    };
    const r = new CellRunner(dl, loader);
    await r.run("const a = 2;");
    expect(await r.run("return a * 3;")).toMatchObject({ ok: true, value: 6 });
    expect(await r.run("const b = 1;\nnull.x;")).toMatchObject({ ok: false, name: "TypeError", line: 2 });
    expect(bodies).toHaveLength(3);
    expect(bodies[1]).toContain("let {a} = __ctx;");
  });
});

/** The line `new Function` bodies start on in this engine (as functionLoader probes it). */
function functionFirstLineForTest(): number {
  try {
    new Function("throw new Error('p');\n//# sourceURL=probe-test.js")();
  } catch (e) {
    return Number(/probe-test\.js:(\d+)/.exec((e as Error).stack ?? "")?.[1] ?? 3);
  }
  return 3;
}
