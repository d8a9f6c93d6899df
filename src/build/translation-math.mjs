// A translation keeps every formula of its source: the same $…$ and $$…$$ spans, as a multiset (word order may move an
// inline formula within its sentence). Used by the translation tests and by translators to check their files.

/** An MDX or Markdown text without its code: fenced blocks, `export const x = \`…\`` literals and inline code. */
export function withoutCode(text) {
  return String(text ?? "")
    .replace(/^export const \w+ = `[\s\S]*?^`;?\s*$/gm, "")
    .replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, "")
    .replace(/`[^`\n]*`/g, "");
}

/** The math spans of a Markdown text (its code left out), sorted. */
export function mathSpans(text) {
  text = withoutCode(text);
  const spans = [];
  const re = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?!\$)((?:\\\$|[^$])+?)\$/g;
  for (const m of String(text ?? "").matchAll(re)) spans.push((m[1] ?? m[2]).trim());
  return spans.sort();
}

/** Lines naming what differs between the math of `en` and of `tr` (empty when they hold the same formulas). */
export function mathDifferences(en, tr) {
  const a = mathSpans(en);
  const b = mathSpans(tr);
  const count = (list) => list.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map());
  const ca = count(a);
  const cb = count(b);
  const out = [];
  for (const [s, n] of ca) if ((cb.get(s) ?? 0) < n) out.push(`missing $${s}$`);
  for (const [s, n] of cb) if ((ca.get(s) ?? 0) < n) out.push(`not in the English: $${s}$`);
  return out;
}
