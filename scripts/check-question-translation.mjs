#!/usr/bin/env node
// Checks translated questions against their English files: the fields a translation must have (src/quiz/translation.ts),
// the recorded source hash, and the same formulas. Usage: node scripts/check-question-translation.mjs [topic ...]
// (no topic: every translated question). Prints one line per problem; exit code 1 when there is any.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import yaml from "js-yaml";
import { filesUnder } from "../src/build/walk.mjs";
import { sourceHash } from "../src/build/translation-source.mjs";
import { mathDifferences } from "../src/build/translation-math.mjs";

const topics = process.argv.slice(2);
const problems = [];
for (const en of filesUnder("content/questions", ".yaml")) {
  const rel = relative("content/questions", en);
  if (topics.length > 0 && !topics.includes(rel.split("/")[0])) continue;
  const file = join("content/zh-cn/questions", rel);
  if (!existsSync(file)) {
    problems.push(`${file}: missing`);
    continue;
  }
  const enText = readFileSync(en, "utf8");
  const q = yaml.load(enText);
  let tr;
  try {
    tr = yaml.load(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${file}: not YAML (${error.message.split("\n")[0]})`);
    continue;
  }
  const say = (text) => problems.push(`${file}: ${text}`);
  if (tr.translatedFrom !== sourceHash(enText)) say(`translatedFrom should be ${sourceHash(enText)}`);
  const allowed = new Set(["translatedFrom", "prompt", "answer", "options", "unit"]);
  for (const key of Object.keys(tr)) if (!allowed.has(key)) say(`"${key}" is not a translated field`);
  const want = (key, wanted) => {
    if ((tr[key] !== undefined) !== wanted) say(wanted ? `needs "${key}"` : `must not have "${key}"`);
  };
  want("prompt", q.prompt !== undefined);
  want("answer", q.type !== "generated");
  want("options", q.type === "choice");
  want("unit", q.type === "numeric" && q.unit !== undefined);
  for (const key of ["prompt", "answer", "unit"])
    if (q[key] && tr[key]) for (const d of mathDifferences(q[key], tr[key])) say(`${key}: ${d}`);
  if (q.type === "choice" && Array.isArray(tr.options)) {
    if (tr.options.length !== q.options.length) say(`${tr.options.length} options; the English has ${q.options.length}`);
    q.options.forEach((o, k) => {
      const t = tr.options[k];
      if (!t) return;
      for (const key of Object.keys(t)) if (key !== "text" && key !== "why") say(`options[${k}]: "${key}" is not a translated field`);
      if (!t.text) say(`options[${k}] needs "text"`);
      if ((t.why !== undefined) !== (o.why !== undefined)) say(`options[${k}]: ${o.why ? 'needs "why"' : 'must not have "why"'}`);
      for (const d of mathDifferences(o.text, t.text)) say(`options[${k}].text: ${d}`);
      if (o.why && t.why) for (const d of mathDifferences(o.why, t.why)) say(`options[${k}].why: ${d}`);
    });
  }
  const english = /[A-Za-z]{4,}(?:\s+[A-Za-z]{3,}){5,}/;
  for (const key of ["prompt", "answer"]) {
    const stripped = String(tr[key] ?? "").replace(/\$\$[\s\S]+?\$\$|\$[^$]+\$|`[^`]*`/g, "");
    if (english.test(stripped)) say(`${key}: still has an English sentence ("${english.exec(stripped)[0]}…")`);
  }
}
console.log(problems.length === 0 ? "every checked translation is complete" : problems.join("\n"));
process.exit(problems.length === 0 ? 0 : 1);
