// Notebook state: the names a cell declares at its top level, found by a small scanner over the
// transpiled JavaScript (strings, templates, comments and regular expressions skipped; nesting
// tracked), and the prelude that hands earlier cells' names in and saves this cell's names out.

const WORD = /[A-Za-z0-9_$]/;
// After these characters a "/" starts a regular expression, not a division.
const REGEX_AFTER = new Set(["", "(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^"]);
const REGEX_AFTER_WORD = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"]);
// A statement goes on past a line break when its last character asks for more.
const CONTINUES = new Set([",", "=", "+", "-", "*", "/", "%", "&", "|", "^", "<", ">", "?", ":", "!", "~", ".", "("]);

interface Token { text: string; depth: number; newlineBefore: boolean }

/** Words and punctuation of `js`, each with its bracket depth; strings, comments and regexes dropped. */
function tokens(js: string): Token[] {
  const out: Token[] = [];
  let depth = 0, i = 0, newline = false, last = "";
  const push = (text: string, d = depth) => { out.push({ text, depth: d, newlineBefore: newline }); newline = false; last = text; };
  const skipString = (quote: string) => {
    for (i++; i < js.length && js[i] !== quote; i++) if (js[i] === "\\") i++;
    i++;
  };
  const skipTemplate = () => {
    for (i++; i < js.length && js[i] !== "`"; i++) {
      if (js[i] === "\\") i++;
      else if (js[i] === "$" && js[i + 1] === "{") {
        let inner = 1;
        for (i += 2; i < js.length && inner > 0; i++) {
          if (js[i] === "{") inner++;
          else if (js[i] === "}") inner--;
          else if (js[i] === "'" || js[i] === '"') { skipString(js[i]); i--; }
          else if (js[i] === "`") { skipTemplate(); i--; }
        }
        i--;
      }
    }
    i++;
  };
  while (i < js.length) {
    const c = js[i];
    if (c === "\n") { newline = true; i++; }
    else if (/\s/.test(c)) i++;
    else if (c === "/" && js[i + 1] === "/") { while (i < js.length && js[i] !== "\n") i++; }
    else if (c === "/" && js[i + 1] === "*") { const end = js.indexOf("*/", i + 2); if (js.slice(i, end).includes("\n")) newline = true; i = end < 0 ? js.length : end + 2; }
    else if (c === "'" || c === '"') { skipString(c); push("0"); }
    else if (c === "`") { skipTemplate(); push("0"); }
    else if (c === "/" && (REGEX_AFTER.has(last) || REGEX_AFTER_WORD.has(last))) {
      let inClass = false;
      for (i++; i < js.length && (js[i] !== "/" || inClass) && js[i] !== "\n"; i++) {
        if (js[i] === "\\") i++;
        else if (js[i] === "[") inClass = true;
        else if (js[i] === "]") inClass = false;
      }
      for (i++; i < js.length && WORD.test(js[i]); i++);
      push("0");
    } else if (WORD.test(c)) {
      const start = i;
      while (i < js.length && WORD.test(js[i])) i++;
      push(js.slice(start, i));
    } else if ("([{".includes(c)) { push(c); depth++; i++; }
    else if (")]}".includes(c)) { depth = Math.max(0, depth - 1); push(c); i++; }
    else if (c === "." && js[i + 1] === "." && js[i + 2] === ".") { push("..."); i += 3; }
    else { push(c); i++; }
  }
  return out;
}

const isName = (text: string) => /^[A-Za-z_$][\w$]*$/.test(text);

/** The names a destructuring pattern starting at tokens[k] ("{" or "[") binds; returns the index after it. */
function patternNames(ts: Token[], k: number, names: string[]): number {
  const open = ts[k], close = open.text === "{" ? "}" : "]";
  const d = open.depth;
  let expectValue = open.text === "[", inDefault = false;
  for (k++; k < ts.length; k++) {
    const t = ts[k];
    if (t.depth === d && t.text === close) return k + 1;
    if (t.depth !== d + 1) continue;
    if (t.text === ",") { inDefault = false; expectValue = open.text === "["; continue; }
    if (inDefault) continue;
    if (t.text === "=") { inDefault = true; continue; }
    if (t.text === ":") { expectValue = true; continue; }
    if (t.text === "{" || t.text === "[") { k = patternNames(ts, k, names) - 1; continue; }
    if (t.text === "...") { expectValue = true; continue; }
    if (isName(t.text)) {
      // In an object pattern "a" binds a unless it is a key followed by ":".
      if (open.text === "{" && !expectValue && ts[k + 1]?.text === ":") continue;
      names.push(t.text);
    }
  }
  return k;
}

/**
 * The names `js` declares at its top level with const, let, var, function or class.
 * @example
 *   declaredNames("const X = f(1, 2);\nfunction g() { let inner = 1; }");   // ["X", "g"]
 */
export function declaredNames(js: string): string[] {
  const ts = tokens(js);
  const names: string[] = [];
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k];
    if (t.depth !== 0) continue;
    const prev = ts[k - 1]?.text;
    if (prev === ".") continue;
    if ((t.text === "function" || t.text === "class") && prev !== "=" && prev !== "(" && prev !== ",") {
      const next = ts[k + 1]?.text === "*" ? ts[k + 2] : ts[k + 1];
      if (next && isName(next.text) && next.text !== "extends") names.push(next.text);
    } else if (t.text === "const" || t.text === "let" || t.text === "var") {
      k++;
      while (k < ts.length) {
        const target = ts[k];
        if (target.text === "{" || target.text === "[") k = patternNames(ts, k, names);
        else if (isName(target.text)) { names.push(target.text); k++; }
        else break;
        // Skip the initializer: up to "," (next declarator), ";" or a line break that ends the statement.
        while (k < ts.length) {
          const s = ts[k];
          if (s.depth === 0 && s.text === ";") break;
          if (s.depth === 0 && s.text === ",") { k++; break; }
          if (s.depth === 0 && s.newlineBefore && !CONTINUES.has(ts[k - 1].text) && !CONTINUES.has(s.text)) { k--; break; }
          k++;
        }
        if (ts[k]?.text === ";" || ts[k - 1]?.text !== ",") break;
      }
    }
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
