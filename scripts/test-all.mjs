// `npm test`: the type check, unit tests (Vitest), a production build, then end-to-end tests
// (Playwright) against the built site. The root and sub-path sites are built at once: a build alone left about a third
// of the 2-core machine idle. Ends with one line "N passed, N failed, N skipped" summing both
// runners. A skipped test fails the run unless ALLOWED_SKIPS names it: a renamed page or widget must
// never turn its tests into silent skips.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./find-chromium.mjs";

const out = "test-results";
mkdirSync(out, { recursive: true });
const started = Date.now();
/**
 * Runs a command and says how long it took (CI has a time budget). With `together`, it runs beside others: its output
 * is held and printed whole when it ends, so that two commands' lines do not interleave.
 * @returns {Promise<number>} its exit status
 */
const run = (cmd, args, env = {}, { together = false } = {}) =>
  new Promise((resolve) => {
    const t0 = Date.now();
    const held = [];
    const child = spawn(cmd, args, { stdio: together ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
    if (together) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => held.push(chunk));
    let ended = false;
    const end = (status) => {
      if (ended) return;
      ended = true;
      if (together) process.stdout.write(Buffer.concat(held));
      console.log(
        `[test-all] ${[cmd, ...args].join(" ").slice(0, 60)}${env.BASE_PATH ? ` (${env.BASE_PATH})` : ""}: ${Math.round((Date.now() - t0) / 1000)} s (${Math.round((Date.now() - started) / 1000)} s in all)`,
      );
      resolve(status);
    };
    child.on("error", (e) => {
      console.error(`${cmd}: ${e.message}`);
      end(1);
    });
    child.on("close", (code) => end(code ?? 1));
  });
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

// 0. Types (astro sync, then tsc over lib/, src/, tests/). Not beside the unit tests: some run astro sync on broken
// content, which rewrites the .astro type files tsc reads.
phase("typecheck", await run("npm", ["run", "--silent", "typecheck"]));

// 0b. Style: Biome's formatter check and linter (biome.jsonc)
phase("lint", await run("npm", ["run", "--silent", "lint"]));

// 1. Unit tests
rmSync(`${out}/vitest.json`, { force: true });
const unitStatus = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest.json`]);
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
  // The whole suite at the root, then the pages and search again under a sub-path. Both sites are built at once, each
  // with its own Astro cache (COURSE_CACHE_DIR, astro.config.mjs).
  const subPath = {
    BASE_PATH: "/course/sub/",
    COURSE_OUT_DIR: "dist-subpath",
    COURSE_CACHE_DIR: "node_modules/.astro-subpath",
    PORT: "4400",
  };
  const [rootBuild, subPathBuild] = await Promise.all([
    run("npx", ["astro", "build"], {}, { together: true }),
    run("npx", ["astro", "build"], subPath, { together: true }),
  ]);
  await e2e("root", rootBuild, {}, []);
  await e2e("subpath", subPathBuild, subPath, ["--grep", "loads with no error|every link|search finds|offline"]);
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

/** The end-to-end tests against a build that ended with `buildStatus`. */
async function e2e(name, buildStatus, env, args) {
  if (buildStatus !== 0) {
    console.error(`The ${name} build failed; its end-to-end tests were not run.`);
    counts.failed += 1;
    failures.push(`${name} build`);
    return;
  }
  const report = `${out}/playwright-${name}.json`;
  rmSync(report, { force: true });
  const status = await run("npx", ["playwright", "test", "--reporter=list,json", ...args], {
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
  phase("originality", await run("node", [originality, "content", "src", "lib", "tests"]));
}

if (unexpectedSkips.length > 0) {
  console.error(`Skipped without a reason in ALLOWED_SKIPS (scripts/test-all.mjs):\n  ${unexpectedSkips.join("\n  ")}`);
  counts.failed += unexpectedSkips.length;
}
if (failures.length > 0) console.error(`Failed:\n  ${failures.join("\n  ")}`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed === 0 ? 0 : 1);
