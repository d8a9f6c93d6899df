// The gates every page must pass: no error or foreign request, a JavaScript budget, working widgets, axe,
// a phone's width. Pages written by hand all get the browser gates; pages generated from one template
// (the question-topic pages) get them on a sample (pages.ts), and every page, sampled or not, gets the
// link pass, which needs no browser.
import { test, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { builtPages, crawledPages, DIST, isTemplatePage, isTranslatedPage } from "./pages";
import { watch, reportCspViolations } from "./watch";
import { everyControlChangesFigure, hydrateAll, interactionTimes, reportInteractionTimes } from "./widgets";
import { photographWidgets } from "./photograph";
import { NO_FIELDS, tryHostileFields } from "./hostile-fields";
import { switchTheme } from "./theme";
import { withoutLangPrefix } from "../../src/i18n/lang";

const all = builtPages();
const budget = JSON.parse(readFileSync("tests/e2e/page-weight-budget.json", "utf8")) as {
  defaultKB: number;
  pages: Record<string, number>;
};

/** Starts counting the page's scripts; the function it returns gives their gzipped size in kB so far,
 * external and inline. */
function scriptWeight(page: Page): () => Promise<number> {
  const scripts: Promise<number>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script")
      scripts.push(
        r
          .body()
          .then((b) => gzipSync(b, { level: 9 }).length)
          .catch(() => 0),
      );
  });
  return async () => {
    // A JSON data block (the deferred formulas' drawing, deferred-formulas-integration.mjs) is data, not code.
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map((s) => s.textContent ?? ""),
    );
    const external = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    const inlined = inline.reduce((a, s) => a + gzipSync(Buffer.from(s), { level: 9 }).length, 0);
    return (external + inlined) / 1000;
  };
}
const pages = crawledPages();
/** The page whose formulas axe checks with every rule (the others exclude KaTeX's output). */
const MATH_AXE_PAGE = "chapters/02-neural-network-foundations/";
/** The chapters whose whole page gets the contrast rule in dark mode (the others: their widgets). Together they
 * hold every kind of content a chapter has: formulas, common-mistake callouts, asides, tables, code cells,
 * quizzes. Pages that are not numbered chapters are all checked whole. */
const FULL_DARK_PAGES = new Set([MATH_AXE_PAGE, "chapters/00-before-you-start/", "chapters/11-interview-preparation/"]);
/** The page whose highlighted code axe checks (the others exclude Shiki's token lines): tokens take their
 * colours from one fixed theme, and the first test checks this page shows every colour pair any page uses. */
const CODE_AXE_PAGE = "exercises/";
/** The engine reference, and the class of its entries. */
const REFERENCE_PAGE = "reference/engine/";
const API_ENTRY = ".dl-api-entry";
/** The light/dark colour pairs of highlighted code on a built page: a block's own, inline, and its tokens', as
 * classes (src/build/code-token-classes.mjs) or inline where a pair has no class. */
const tokenColours = (path: string) => {
  const html = readFileSync(join(DIST, path === "./" ? "index.html" : `${path}index.html`), "utf8");
  const inline = [...html.matchAll(/--shiki-light:#(\w+);--shiki-dark:#(\w+)/g)];
  const classes = [...html.matchAll(/class="sk-(\w+)-(\w+)"/g)];
  return new Set([...inline, ...classes].map((m) => `${m[1]}-${m[2]}`.toLowerCase()));
};

test("the build has a home page, a 404 page and the chapters", () => {
  expect(all).toContain("./");
  expect(all).toContain("404.html");
  expect(all.filter((p) => p.startsWith("chapters/")).length).toBeGreaterThanOrEqual(10);
  // The sample covers every hand-written page and some generated ones.
  expect(pages.filter(isTemplatePage).length).toBeGreaterThan(1);
  expect(pages).toContain(MATH_AXE_PAGE);
  for (const path of FULL_DARK_PAGES) expect(pages).toContain(path);
  // Every token colour of every page is checked on the code page.
  const checked = tokenColours(CODE_AXE_PAGE);
  const used = new Set(all.filter((p) => p.endsWith("/")).flatMap((p) => [...tokenColours(p)]));
  expect(checked.size).toBeGreaterThan(3);
  expect([...used].filter((c) => !checked.has(c))).toEqual([]);
});

test("every link, script, stylesheet and image of every page resolves", async ({ request, baseURL }) => {
  const base = new URL(baseURL!);
  const targets = new Map<string, string>(); // target URL → first page that names it
  for (const path of all) {
    const file = path === "./" ? "index.html" : path.endsWith("/") ? `${path}index.html` : path;
    const html = readFileSync(join(DIST, file), "utf8");
    const pageUrl = new URL(path, base);
    for (const m of html.matchAll(/\s(?:href|src)="([^"#]+)/g)) {
      const url = new URL(m[1].replaceAll("&amp;", "&"), pageUrl);
      if (url.origin === base.origin && !targets.has(url.href)) targets.set(url.href, path);
    }
  }
  const broken: string[] = [];
  for (const [url, from] of targets) {
    const r = await request.get(url);
    if (r.status() !== 200) broken.push(`${url} (${r.status()}) on ${from}`);
  }
  expect(targets.size).toBeGreaterThan(all.length);
  expect(broken).toEqual([]);
});

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    // One visit per page does every check that needs the page in a browser, each a step of its own: loading a
    // long chapter and hydrating its widgets is most of the time these checks take.
    test("loads with no error, no failed or foreign request, within its JavaScript budget, with working widgets, no axe violations and no horizontal scroll at 360 px", async ({
      page,
      baseURL,
    }) => {
      // Axe checks the contrast of every highlighted token and every field gets hostile input: a long chapter takes a while.
      test.setTimeout(480_000);
      // Under a sub-path this run checks what a base path can break (pages, lazy chunks, workers, search): each
      // widget loads and answers its first control. Everything else is checked at the root.
      const root = new URL(baseURL!).pathname === "/";
      // A translated page has its English twin's widgets and code: it gets every check of what a reader sees (axe in
      // both themes, a phone's width, no errors), and one control per widget; every control, hostile input and
      // the photographs are its twin's.
      const twin = isTranslatedPage(path);
      const origin = new URL(baseURL!).origin;
      await reportCspViolations(page);
      const problems = watch(page, origin);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.addInitScript(() => localStorage.setItem("starlight-theme", "light"));
      const weight = scriptWeight(page);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
      const widgets = await test.step("JavaScript budget and hydration", async () => {
        // Page weight: the gzipped JavaScript the page loads before any widget scrolls into view.
        const kb = await weight();
        const limit = budget.pages[withoutLangPrefix(path)] ?? budget.defaultKB;
        mkdirSync("test-results/page-weight", { recursive: true });
        writeFileSync(`test-results/page-weight/${path.replace(/[^\w]+/g, "_") || "home"}.json`, JSON.stringify({ path, kb, limit }));
        expect(kb, `gzipped JS on ${path}`).toBeLessThanOrEqual(limit);
        return hydrateAll(page);
      });
      if (root) await test.step("axe in light and dark mode", () => checkAxe(page, path, widgets, twin));
      await test.step("every control changes its widget's figure", async () => {
        interactionTimes.length = 0; // only this page's controls
        const controls = root && !twin ? Number.POSITIVE_INFINITY : 1;
        for (const w of widgets) expect(await everyControlChangesFigure(w, controls)).toBeGreaterThan(0);
        reportInteractionTimes(path);
      });
      if (root && !twin && path.startsWith("chapters/"))
        await test.step("careless and hostile input in every number field", async () => {
          const fields = await tryHostileFields(widgets);
          if (NO_FIELDS.has(path)) expect(fields, "a chapter listed as having no number field").toBe(0);
          else expect(fields, "number fields tried").toBeGreaterThan(0);
        });
      // The search box's code is the same on every page; a translated page's search is checked in i18n.spec.ts.
      if (!twin)
        await test.step("search", async () => {
          // Open the search box so its code and index load too.
          const search = page.locator("site-search button[data-open-modal]");
          if (await search.isVisible()) {
            await search.click();
            await page.keyboard.type("neuron");
            await page.waitForLoadState("networkidle");
            await page.keyboard.press("Escape");
          }
        });
      if (root)
        await test.step("no horizontal scroll at 360 px", async () => {
          await showEveryFormula(page);
          // Narrowed in place, as a phone turned or a window resized: every widget redraws at the new width.
          await page.setViewportSize({ width: 360, height: 740 });
          await expect
            .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
              message: "page width beyond 360 px",
            })
            .toBeLessThanOrEqual(0);
          if (!twin) await photographWidgets(page, path, widgets, "phone");
        });
      expect(problems.failedRequests, "failed requests").toEqual([]);
      expect(problems.console, "console errors").toEqual([]);
      expect(problems.pageErrors, "uncaught exceptions").toEqual([]);
      expect(problems.foreignRequests, "requests to other origins").toEqual([]);
    });
  });
}

/** Axe with every rule in light mode and the contrast rule in dark mode, with a picture of each widget in both. */
async function checkAxe(page: Page, path: string, widgets: Locator[], twin: boolean): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  // KaTeX's output (three quarters of a long chapter's elements) is generated the same way on every page:
  // one page checks it with every rule, the others leave it out. Highlighted code likewise: one page checks
  // every token colour. Legacy mode runs axe in the page itself (the default finishes in a new blank page).
  const math = path === MATH_AXE_PAGE;
  if (math) {
    // Every formula drawn, those that wait as data until their prose comes near too (deferred-formulas.ts).
    await showEveryFormula(page);
    expect(await page.locator(".katex").count(), "formulas on the page that checks KaTeX").toBeGreaterThan(10);
  }
  const axe = () => {
    const builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).setLegacyMode(true);
    if (!math) builder.exclude(".katex");
    if (path !== CODE_AXE_PAGE) builder.exclude(".astro-code .line");
    // The engine reference's entries are made from one template (heading, signature, prose, example): axe checks
    // the first of each folder's entries, as the question-topic pages are checked on a sample.
    if (withoutLangPrefix(path) === REFERENCE_PAGE) builder.exclude(`section > ${API_ENTRY} ~ ${API_ENTRY}`);
    // A translated page's widgets and cells (and the engine reference's entries, the engine's own English doc comments)
    // are its English twin's, in their DOM and colours, and are checked there with every rule in both themes; here axe
    // checks what the translation changed: the text, its markup and the frame.
    if (twin) builder.exclude("[data-widget]").exclude("dl-cell").exclude(API_ENTRY);
    return builder;
  };
  const lean = <T>(run: () => Promise<T>) => (math ? run() : withoutDrawnFormulas(page, run));
  const summary = (r: Awaited<ReturnType<AxeBuilder["analyze"]>>) =>
    r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  // A translated page's text has its twin's colours and sizes, so its light-mode contrast is its twin's; its contrast
  // is checked in dark mode below (where its twin's whole page is), every other rule here.
  const light = twin ? axe().disableRules(["color-contrast"]) : axe();
  await test.step("axe, light", async () => expect(summary(await lean(() => light.analyze())), "light mode").toEqual([]));
  if (!twin) await test.step("photographs, light", () => photographWidgets(page, path, widgets, "light"));
  // Prose, callouts, cells, tables and quizzes are styled alike on every chapter: their dark contrast is checked on a
  // few pages that hold each of them, and every other chapter checks its widgets, which are its own. A translation of
  // such a chapter has only its twin's styles left to check (its widgets are excluded above): it has no dark pass.
  const widgetsOnly = !FULL_DARK_PAGES.has(withoutLangPrefix(path)) && /^chapters\/\d\d-/.test(withoutLangPrefix(path));
  if (twin && widgetsOnly) return;
  // The theme changes colours only, so dark mode needs the contrast rule. Switched in place, as the theme
  // picker does: every widget redraws on the change.
  await switchTheme(page, "dark");
  const dark = axe().withRules(["color-contrast"]);
  if (widgetsOnly && widgets.length) dark.include("[data-widget]");
  await test.step("axe, dark", async () => expect(summary(await lean(() => dark.analyze())), "dark mode").toEqual([]));
  if (!twin) await test.step("photographs, dark", () => photographWidgets(page, path, widgets, "dark"));
  await switchTheme(page, "light");
}

/** Draws every formula of the page now, those that wait as data until their prose comes near too (deferred-formulas.ts). */
async function showEveryFormula(page: Page): Promise<void> {
  await page.evaluate(() => document.dispatchEvent(new Event("dl-show-formulas")));
  await expect(page.locator("template[data-formula]")).toHaveCount(0);
}

/**
 * Runs `run` with the drawn part of every formula outside the widgets set aside (KaTeX's `.katex-html`, hidden from
 * assistive technology; the formula's text stays). Axe builds its tree of the whole page before it applies its
 * exclusions, and those spans are most of a long chapter's elements; on every page but MATH_AXE_PAGE they are
 * excluded from axe anyway. They are put back, the same nodes, before anything else looks at the page.
 */
async function withoutDrawnFormulas<T>(page: Page, run: () => Promise<T>): Promise<T> {
  await page.evaluate(() => {
    const w = window as unknown as { drawnFormulas?: [Element, Element][] };
    w.drawnFormulas = [...document.querySelectorAll(".katex-html")]
      .filter((e) => !e.closest("[data-widget]"))
      .map((drawn) => {
        const stub = document.createElement("span");
        stub.className = "katex-html";
        stub.setAttribute("aria-hidden", "true");
        drawn.replaceWith(stub);
        return [stub, drawn];
      });
  });
  try {
    return await run();
  } finally {
    await page.evaluate(() => {
      const w = window as unknown as { drawnFormulas?: [Element, Element][] };
      for (const [stub, drawn] of w.drawnFormulas ?? []) stub.replaceWith(drawn);
      w.drawnFormulas = [];
    });
  }
}
