// The translation tracker: every English source (chapter, question, interface-string file) has a translation in
// each language, made from the English text as it is now. A translation records the hash of the English file it was
// made from (`translatedFrom`, see src/build/translation-source.mjs); when the English file changes, the hashes
// differ and the translation is listed as stale until it is updated and its hash with it. The build fails on any
// problem (translationTrackerIntegration); `node scripts/translation-status.mjs` lists them.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { sourceHash } from "./translation-source.mjs";
import { filesUnder } from "./walk.mjs";
import { EDITIONS } from "./translations.mjs";

/** The English files each translation mirrors: [English folder, translated folder, file pattern], per language. */
const SOURCES = (lang) => [
  ["content/chapters", `content/${lang}/chapters`, ".mdx"],
  ["content/questions", `content/${lang}/questions`, ".yaml"],
  ["src/i18n/en", `src/i18n/${lang}`, ".json"],
];

/** The `translatedFrom` a translation records: a front-matter or YAML line, or a JSON file's "$translatedFrom". */
export function recordedSource(path, text) {
  if (path.endsWith(".json")) {
    try {
      return JSON.parse(text).$translatedFrom;
    } catch {
      return undefined;
    }
  }
  return /^translatedFrom:\s*["']?([0-9a-f]+)["']?\s*$/m.exec(text)?.[1];
}

/** Problems of the translations under `root` (the project folder), as readable lines; empty when all is current. */
export function translationProblems(root, langs = EDITIONS) {
  const problems = [];
  for (const lang of langs) {
    for (const [enDir, langDir, ending] of SOURCES(lang)) {
      const files = filesUnder(join(root, enDir), ending);
      for (const en of files) {
        const rel = relative(join(root, enDir), en);
        const translated = join(root, langDir, rel);
        const shown = relative(root, translated);
        if (!existsSync(translated)) {
          problems.push(`${shown}: missing (translation of ${relative(root, en)})`);
          continue;
        }
        const text = readFileSync(translated, "utf8");
        const want = sourceHash(readFileSync(en, "utf8"));
        const have = recordedSource(translated, text);
        if (have !== want)
          problems.push(
            `${shown}: ${have ? `made from another version of ${relative(root, en)} (${have}; now ${want})` : "records no translatedFrom"}`,
          );
        if (ending === ".json") problems.push(...keyProblems(shown, JSON.parse(readFileSync(en, "utf8")), text));
      }
      const extra = existsSync(join(root, langDir))
        ? filesUnder(join(root, langDir), ending).filter((f) => !existsSync(join(root, enDir, relative(join(root, langDir), f))))
        : [];
      for (const f of extra) problems.push(`${relative(root, f)}: has no English source`);
    }
  }
  return problems;
}

/** A translated string file has exactly the English file's keys, and keeps each string's {placeholders}. */
function keyProblems(shown, en, text) {
  let tr;
  try {
    tr = JSON.parse(text);
  } catch (error) {
    return [`${shown}: not JSON (${error.message})`];
  }
  const out = [];
  for (const [key, value] of Object.entries(en)) {
    if (!(key in tr)) out.push(`${shown}: no "${key}"`);
    else if (placeholders(value) !== placeholders(tr[key])) out.push(`${shown}: "${key}" has other placeholders than its English`);
  }
  for (const key of Object.keys(tr)) if (!key.startsWith("$") && !(key in en)) out.push(`${shown}: "${key}" is not an English key`);
  return out;
}

const placeholders = (s) =>
  [...String(s).matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(",");

/** Fails `astro build` (and `astro dev`) on any translation problem, naming each one. */
export function translationTrackerIntegration() {
  return {
    name: "course-translation-tracker",
    hooks: {
      "astro:config:setup": ({ config, logger }) => {
        const problems = translationProblems(new URL(".", config.root).pathname);
        if (problems.length > 0 && process.env.COURSE_TRANSLATION_DRAFT) {
          logger.warn(`${problems.length} translation problems (a draft build: COURSE_TRANSLATION_DRAFT is set)`);
          return;
        }
        if (problems.length > 0) {
          throw new Error(`Translations are missing or out of date:\n  ${problems.join("\n  ")}\nSee content/zh-cn/TRANSLATING.md.`);
        }
        logger.info("every translation is current");
      },
    },
  };
}
