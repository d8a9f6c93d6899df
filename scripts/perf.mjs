// `npm run perf`: Lighthouse (mobile preset, simulated throttling, as PageSpeed Insights runs it) over
// every page of the built site, served by `astro preview`, with the Chromium the tests use. Prints one
// table row per page and writes every report's key figures to test-results/perf.json. A benchmark,
// not a test: the machine's load moves the numbers, so run it on a quiet machine.
// Options: --build (build first), --only <substrings> (pages whose path contains one of them, comma-separated), --reports <dir> (also
// write each page's whole Lighthouse report there, for its main-thread breakdown and long tasks), --runs <n> (load each page
// n times and report the run Lighthouse's computeMedianRun picks, the one nearest the median FCP and TTI: Lighthouse's
// docs on variability give the median of 5 runs as about twice as stable as one; the default is 1).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { relative, sep } from "node:path";
import lighthouse from "lighthouse";
import { computeMedianRun, filterToValidRuns } from "lighthouse/core/lib/median-run.js";
import * as chromeLauncher from "chrome-launcher";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./find-chromium.mjs";
import { filesUnder } from "../src/build/walk.mjs";
import { EDITIONS } from "../src/build/translations.mjs";

const DIST = process.env.COURSE_OUT_DIR ?? "dist";
const PORT = Number(process.env.PERF_PORT ?? 4460);
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);

const RUNS = Math.max(1, Number(arg("--runs") ?? 1));
const chrome = findChromium();
if (!chrome) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
if (process.argv.includes("--build") || !existsSync(`${DIST}/index.html`)) {
  if (spawnSync("npx", ["astro", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

const pages = filesUnder(DIST, ".html")
  .map((f) => relative(DIST, f).split(sep).join("/"))
  .map((p) => (p === "index.html" ? "" : p.replace(/index\.html$/, "")))
  .filter(
    (p) =>
      !arg("--only") ||
      arg("--only")
        .split(",")
        .some((part) => p.includes(part)),
  );

const server = spawn("npx", ["astro", "preview", "--host", "127.0.0.1", "--port", String(PORT), "--ignore-lock"], {
  stdio: "ignore",
  detached: true,
});
const base = `http://127.0.0.1:${PORT}${(process.env.BASE_PATH ?? "/").replace(/\/?$/, "/")}`;
for (
  let k = 0;
  k < 100 &&
  !(await fetch(base)
    .then((r) => r.ok)
    .catch(() => false));
  k++
)
  await new Promise((r) => setTimeout(r, 200));

const browser = await chromeLauncher.launch({ chromePath: chrome, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
/** One Lighthouse run of `url` in the shared browser: its report. */
const audit = async (url) => (await lighthouse(url, { port: browser.port, output: "json", logLevel: "error" }, undefined)).lhr;
const rows = [];
try {
  // Not reported: a browser just started pays for its own start-up on its first page, and for finding a CJK system font
  // on its first Chinese one (Chinese chapter 8 scored 78 and 91 when a run's first page, 96-99 otherwise). A reader's
  // browser has done both long before; each edition's home page warms them.
  for (const edition of ["", ...EDITIONS.map((lang) => `${lang}/`)]) await audit(base + edition);
  for (const path of pages) {
    const loads = [];
    for (let k = 0; k < RUNS; k++) loads.push(await audit(base + path));
    const valid = filterToValidRuns(loads);
    const lhr = valid.length ? computeMedianRun(valid) : loads[0];
    const { categories: c, audits: a } = lhr;
    if (arg("--reports")) {
      mkdirSync(arg("--reports"), { recursive: true });
      writeFileSync(`${arg("--reports")}/${(path || "home").replace(/\/$/, "").replaceAll("/", "_")}.json`, JSON.stringify(lhr));
    }
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    rows.push({
      page: path || "/",
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      tbtMs: Math.round(a["total-blocking-time"].numericValue),
      cls: Number(a["cumulative-layout-shift"].numericValue.toFixed(3)),
      lcpMs: Math.round(a["largest-contentful-paint"].numericValue),
      domElements: a["dom-size"]?.numericValue ?? null,
    });
    const r = rows.at(-1);
    console.log(
      `${r.page.padEnd(52)} perf ${r.performance}  a11y ${r.accessibility}  bp ${r.bestPractices}  seo ${r.seo}  TBT ${r.tbtMs} ms  CLS ${r.cls}  LCP ${r.lcpMs} ms  DOM ${r.domElements}`,
    );
  }
} finally {
  await browser.kill();
  try {
    process.kill(-server.pid);
  } catch {
    server.kill();
  }
}

mkdirSync("test-results", { recursive: true });
writeFileSync("test-results/perf.json", JSON.stringify(rows, null, 2));
console.log(
  "\n| page | performance | accessibility | best practices | SEO | TBT (ms) | CLS | LCP (ms) | DOM elements |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
);
for (const r of rows)
  console.log(
    `| ${r.page} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.tbtMs} | ${r.cls} | ${r.lcpMs} | ${r.domElements} |`,
  );
const below = rows.filter((r) => r.performance < 95 || r.accessibility < 100 || r.bestPractices < 100 || r.seo < 100);
console.log(
  `\n${rows.length} pages${RUNS > 1 ? `, each the median of ${RUNS} runs` : ""}; ${below.length} below the goal (performance ≥ 95, the others 100).`,
);
