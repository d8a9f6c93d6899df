// The one file walker: the build (CSP, engine reference) and the tests (question bank, chapters,
// built pages) all list files through it.
import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Every file below `dir` (sub-folders included) whose name ends with `ending`, in a stable order.
 * @param {string} dir
 * @param {string} ending
 * @returns {string[]} paths that start with `dir`
 */
export function filesUnder(dir, ending) {
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(ending)) out.push(path);
    }
  };
  walk(dir);
  return out;
}
