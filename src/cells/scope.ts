// Notebook state: the names a cell declares at its top level, read from acorn's syntax tree of the
// transpiled JavaScript, and the prelude that hands earlier cells' names in and saves this cell's
// names out.
import { parse, type Pattern, type Program } from "acorn";

const isName = (text: string) => /^[A-Za-z_$][\w$]*$/.test(text);

/** The names a binding pattern binds: `a`, `{ a, b: c, ...rest }`, `[p, , [q], r = 2]`. */
function patternNames(p: Pattern | null, names: string[]): void {
  if (!p) return;
  switch (p.type) {
    case "Identifier":
      names.push(p.name);
      break;
    case "ObjectPattern":
      for (const prop of p.properties) patternNames(prop.type === "RestElement" ? prop.argument : prop.value, names);
      break;
    case "ArrayPattern":
      for (const element of p.elements) patternNames(element, names);
      break;
    case "AssignmentPattern":
      patternNames(p.left, names);
      break;
    case "RestElement":
      patternNames(p.argument, names);
      break;
    default:
      break; // member expressions bind nothing
  }
}

/** The cell as a program (top-level await and return allowed, as the runner allows them); null if it does not parse. */
function program(js: string): Program | null {
  try {
    return parse(js, { ecmaVersion: "latest", sourceType: "script", allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });
  } catch {
    return null; // the run itself then reports the syntax error, with its line
  }
}

/**
 * The names `js` declares at its top level with const, let, var, function or class.
 * @example
 *   declaredNames("const X = f(1, 2);\nfunction g() { let inner = 1; }");   // ["X", "g"]
 */
export function declaredNames(js: string): string[] {
  const names: string[] = [];
  for (const statement of program(js)?.body ?? []) {
    if (statement.type === "VariableDeclaration") for (const d of statement.declarations) patternNames(d.id, names);
    else if ((statement.type === "FunctionDeclaration" || statement.type === "ClassDeclaration") && statement.id)
      names.push(statement.id.name);
  }
  return [...new Set(names)];
}

/**
 * The body a cell runs as: "use strict", the earlier cells' names it does not redeclare, a hook
 * that saves every name back into the shared context, then the cell's code — all before the
 * reader's first line break, so line numbers stay the reader's.
 * @example
 *   cellBody("const b = a + 1;", ["a"]);
 *   // '"use strict";let {a} = __ctx;__save(() => {…});const b = a + 1;'
 */
export function cellBody(js: string, contextNames: readonly string[]): string {
  const declared = declaredNames(js);
  const inherited = contextNames.filter((n) => !declared.includes(n) && isName(n));
  const all = [...inherited, ...declared];
  const prelude = inherited.length ? `let {${inherited.join(", ")}} = __ctx;` : "";
  const saves = all.map((n) => `try { __ctx[${JSON.stringify(n)}] = ${n}; } catch {}`).join(" ");
  return `"use strict";${prelude}__save(() => { ${saves} });${js}`;
}
