// Reads the engine's source at build time and lists every export with its doc comment and
// signature, so the API reference page cannot drift from the code.
import ts from "typescript";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { filesUnder } from "./walk.mjs";

export interface ApiEntry {
  name: string;
  kind: "function" | "class" | "const" | "interface" | "type";
  signature: string;
  doc: string;
}
export interface ApiFile {
  path: string;
  entries: ApiEntry[];
}

const tsFiles = (dir: string) => filesUnder(dir, ".ts").filter((p) => !p.endsWith(".d.ts"));

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function docOf(node: ts.Node, text: string): string {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const jsdoc = ranges.filter((r) => text.slice(r.pos, r.pos + 3) === "/**").pop();
  if (!jsdoc) return "";
  return text
    .slice(jsdoc.pos + 3, jsdoc.end - 2)
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""))
    .join("\n")
    .trim();
}

/** The first line of a declaration, without its body: enough to show how it is called. */
function signatureOf(node: ts.Node, source: ts.SourceFile): string {
  const full = node.getText(source);
  const cut =
    ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)
      ? full.indexOf("{")
      : ts.isFunctionDeclaration(node) && node.body
        ? node.body.getStart(source) - node.getStart(source)
        : -1;
  const head = cut > 0 ? full.slice(0, cut) : full;
  return head.replace(/\s+/g, " ").trim().slice(0, 400);
}

export function readApi(root = "lib"): ApiFile[] {
  const files: ApiFile[] = [];
  for (const file of tsFiles(root)) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const entries: ApiEntry[] = [];
    for (const st of source.statements) {
      if (!isExported(st)) continue;
      const doc = docOf(st, text);
      if (ts.isFunctionDeclaration(st) && st.name) {
        // Overloads: one entry, the overload signatures listed, the first doc comment kept.
        const prev = entries.find((e) => e.kind === "function" && e.name === st.name!.text);
        if (!prev) entries.push({ name: st.name.text, kind: "function", signature: signatureOf(st, source), doc });
        else {
          if (!st.body) prev.signature += `\n${signatureOf(st, source)}`;
          prev.doc ||= doc;
        }
      } else if (ts.isClassDeclaration(st) && st.name)
        entries.push({ name: st.name.text, kind: "class", signature: signatureOf(st, source), doc });
      else if (ts.isInterfaceDeclaration(st))
        entries.push({ name: st.name.text, kind: "interface", signature: signatureOf(st, source), doc });
      else if (ts.isTypeAliasDeclaration(st)) entries.push({ name: st.name.text, kind: "type", signature: signatureOf(st, source), doc });
      else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name))
            entries.push({
              name: d.name.text,
              kind: "const",
              signature: `const ${d.name.text}${d.type ? `: ${d.type.getText(source)}` : ""}`,
              doc,
            });
        }
      }
    }
    if (entries.length) files.push({ path: relative(".", file).split("\\").join("/"), entries });
  }
  return files;
}
