// `npm test`: unit tests (Vitest), a production build, then end-to-end tests (Playwright) against
// the built site. Ends with one line "N passed, N failed" summing both runners.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./find-chromium.mjs";

const out = "test-results";
mkdirSync(out, { recursive: true });
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const counts = { passed: 0, failed: 0 };

// 1. Unit tests
rmSync(`${out}/vitest.json`, { force: true });
const unitStatus = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest.json`]);
try {
  const r = JSON.parse(readFileSync(`${out}/vitest.json`, "utf8"));
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
} catch {
  counts.failed += 1; // the runner itself failed before reporting
}
if (unitStatus !== 0 && counts.failed === 0) counts.failed += 1;

// 2. Build and 3. end-to-end tests
const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  counts.failed += 1;
} else {
  // The whole suite at the root, then the pages and search again under a sub-path.
  e2e("root", {}, []);
  e2e("subpath", { BASE_PATH: "/course/sub/", COURSE_OUT_DIR: "dist-subpath", PORT: "4400" }, ["--grep", "loads with no error|search finds"]);
}

function e2e(name, env, args) {
  if (run("npx", ["astro", "build"], env) !== 0) {
    console.error(`The ${name} build failed; its end-to-end tests were not run.`);
    counts.failed += 1;
    return;
  }
  const report = `${out}/playwright-${name}.json`;
  rmSync(report, { force: true });
  const status = run("npx", ["playwright", "test", "--reporter=list,json", ...args], {
    ...env,
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  const before = counts.failed;
  try {
    const r = JSON.parse(readFileSync(report, "utf8"));
    counts.passed += r.stats.expected;
    counts.failed += r.stats.unexpected;
  } catch {
    counts.failed += 1;
  }
  if (status !== 0 && counts.failed === before) counts.failed += 1;
}

// 4. Originality: the course explains the handbook in its own words (the check lives beside the
// checkout, in ../shared, where the project's source material is).
const originality = "../shared/tools/originality.mjs";
if (existsSync(originality)) {
  const ok = run("node", [originality, "content", "src", "lib", "tests"]) === 0;
  counts[ok ? "passed" : "failed"] += 1;
}

console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 ? 0 : 1);
