// `npm test`: the type check, unit tests (Vitest), a production build, then end-to-end tests
// (Playwright) against the built site. Ends with one line "N passed, N failed, N skipped" summing both
// runners. A skipped test fails the run unless ALLOWED_SKIPS names it: a renamed page or widget must
// never turn its tests into silent skips.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./find-chromium.mjs";

const out = "test-results";
mkdirSync(out, { recursive: true });
const started = Date.now();
/** Runs a command with the terminal's output, and says how long it took (CI has a time budget). */
const run = (cmd, args, env = {}) => {
  const t0 = Date.now();
  const status = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
  console.log(
    `[test-all] ${[cmd, ...args].join(" ").slice(0, 60)}: ${Math.round((Date.now() - t0) / 1000)} s (${Math.round((Date.now() - started) / 1000)} s in all)`,
  );
  return status;
};
const counts = { passed: 0, failed: 0, skipped: 0 };
/** What failed, repeated just before the summary line so the end of a long log names it. */
const failures = [];
const phase = (name, status) => {
  counts[status === 0 ? "passed" : "failed"] += 1;
  if (status !== 0) failures.push(name);
};
/** Titles of tests that may skip, each with its reason. Empty: no test skips today. */
const ALLOWED_SKIPS = new Map([]);
const unexpectedSkips = [];
const noteSkips = (titles) => {
  counts.skipped += titles.length;
  for (const title of titles) if (!ALLOWED_SKIPS.has(title)) unexpectedSkips.push(title);
};

// 0. Types (astro sync, then tsc over lib/, src/, tests/)
phase("typecheck", run("npm", ["run", "--silent", "typecheck"]));

// 0b. Style: Biome's formatter check and linter (biome.jsonc)
phase("lint", run("npm", ["run", "--silent", "lint"]));

// 1. Unit tests
rmSync(`${out}/vitest.json`, { force: true });
const unitStatus = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest.json`]);
try {
  const r = JSON.parse(readFileSync(`${out}/vitest.json`, "utf8"));
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
  for (const f of r.testResults)
    for (const a of f.assertionResults)
      if (a.status === "failed") failures.push(`vitest: ${a.fullName}\n${firstLines(a.failureMessages?.[0])}`);
  noteSkips(
    r.testResults.flatMap((f) =>
      f.assertionResults.filter((a) => a.status === "pending" || a.status === "skipped" || a.status === "todo").map((a) => a.fullName),
    ),
  );
} catch {
  counts.failed += 1; // the runner itself failed before reporting
  failures.push("vitest: no report");
}
if (unitStatus !== 0 && counts.failed === 0) {
  counts.failed += 1;
  failures.push("vitest: exited with an error");
}

// 2. Build and 3. end-to-end tests
const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  counts.failed += 1;
  failures.push("no Chromium");
} else {
  // The whole suite at the root, then the pages and search again under a sub-path.
  e2e("root", {}, []);
  e2e("subpath", { BASE_PATH: "/course/sub/", COURSE_OUT_DIR: "dist-subpath", PORT: "4400" }, [
    "--grep",
    "loads with no error|every link|search finds|offline",
  ]);
}

/**
 * The titles of the tests with one of `statuses` in Playwright's JSON report, whose suites nest. With `why`, each title
 * is followed by the first lines of its error: CI keeps only the end of the log, where this list is printed.
 */
function titlesWith(statuses, suites, path = [], why = false) {
  return (suites ?? []).flatMap((s) => [
    ...titlesWith(statuses, s.suites, [...path, s.title], why),
    ...(s.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => statuses.includes(t.status))
        .map((t) => {
          const title = [...path, s.title, spec.title].filter(Boolean).join(" › ");
          return why ? `${title}\n${firstLines(t.results.find((r) => r.error)?.error?.message)}` : title;
        }),
    ),
  ]);
}

/** An error message's first lines, without terminal colours, indented under its test's title. */
function firstLines(message = "(no message)") {
  const lines = stripVTControlCharacters(message)
    .split("\n")
    .filter((l) => l.trim() !== "");
  return lines
    .slice(0, 6)
    .map((l) => `      ${l.slice(0, 240)}`)
    .join("\n");
}

function e2e(name, env, args) {
  if (run("npx", ["astro", "build"], env) !== 0) {
    console.error(`The ${name} build failed; its end-to-end tests were not run.`);
    counts.failed += 1;
    failures.push(`${name} build`);
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
    counts.failed += r.stats.unexpected + r.stats.flaky;
    noteSkips(titlesWith(["skipped"], r.suites));
    for (const title of titlesWith(["unexpected", "flaky"], r.suites, [], true)) failures.push(`playwright (${name}): ${title}`);
  } catch {
    counts.failed += 1;
    failures.push(`playwright (${name}): no report`);
  }
  if (status !== 0 && counts.failed === before) {
    counts.failed += 1;
    failures.push(`playwright (${name}): exited with an error`);
  }
}

// 4. Originality: the course explains the handbook in its own words (the check lives beside the
// checkout, in ../shared, where the project's source material is).
const originality = "../shared/tools/originality.mjs";
if (existsSync(originality)) {
  phase("originality", run("node", [originality, "content", "src", "lib", "tests"]));
}

if (unexpectedSkips.length > 0) {
  console.error(`Skipped without a reason in ALLOWED_SKIPS (scripts/test-all.mjs):\n  ${unexpectedSkips.join("\n  ")}`);
  counts.failed += unexpectedSkips.length;
}
if (failures.length > 0) console.error(`Failed:\n  ${failures.join("\n  ")}`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed === 0 ? 0 : 1);
