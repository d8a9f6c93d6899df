// The interface strings for code the tests run outside the page (a generated question's mistakes, in quiz.spec.ts):
// Playwright loads no Vite, so the tables are read from disk into the registry src/i18n/core.ts reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addCatalog } from "../../src/i18n/catalogs";
import { mergeParts } from "../../src/i18n/merge";
import { filesUnder } from "../../src/build/walk.mjs";
import type { Lang } from "../../src/i18n/lang";

export function loadStrings(lang: Lang): void {
  const dir = join("src/i18n", lang);
  addCatalog(lang, mergeParts(Object.fromEntries(filesUnder(dir, ".json").map((f) => [f, JSON.parse(readFileSync(f, "utf8"))]))));
}
