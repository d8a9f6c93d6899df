// The gates every page must pass. Pages written by hand all get the browser gates; pages generated
// from one template (the question-topic pages) get them on a sample (pages.ts), and every page, sampled
// or not, gets the link pass, which needs no browser.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtPages, crawledPages, DIST, isTemplatePage } from "./pages";
import { watch, reportCspViolations } from "./watch";
import { hydrateAll, everyControlChangesFigure } from "./widgets";
import { photographWidgets } from "./photograph";

const all = builtPages();
const pages = crawledPages();

test("the build has a home page, a 404 page and the chapters", () => {
  expect(all).toContain("./");
  expect(all).toContain("404.html");
  expect(all.filter((p) => p.startsWith("chapters/")).length).toBeGreaterThanOrEqual(10);
  // The sample covers every hand-written page and some generated ones.
  expect(pages.filter(isTemplatePage).length).toBeGreaterThan(1);
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
    test("loads with no error, no failed or foreign request, and working widgets", async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      await reportCspViolations(page);
      const problems = watch(page, origin);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const widgets = await hydrateAll(page);
      for (const w of widgets) expect(await everyControlChangesFigure(w)).toBeGreaterThan(0);
      // Open the search box so its code and index load too.
      const search = page.locator("site-search button[data-open-modal]");
      if (await search.isVisible()) {
        await search.click();
        await page.keyboard.type("neuron");
        await page.waitForLoadState("networkidle");
        await page.keyboard.press("Escape");
      }
      expect(problems.failedRequests, "failed requests").toEqual([]);
      expect(problems.console, "console errors").toEqual([]);
      expect(problems.pageErrors, "uncaught exceptions").toEqual([]);
      expect(problems.foreignRequests, "requests to other origins").toEqual([]);
    });

    for (const theme of ["light", "dark"] as const) {
      test(`has no axe violations in ${theme} mode`, async ({ page }) => {
        // Axe checks the contrast of every highlighted token: a chapter with many cells and formulas takes a while.
        test.setTimeout(240_000);
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.addInitScript((t) => localStorage.setItem("starlight-theme", t), theme);
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        const widgets = await hydrateAll(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        // The theme changes colours only: dark mode needs the contrast rule, light mode runs every rule.
        const axe = new AxeBuilder({ page });
        const results = await (theme === "dark" ? axe.withRules(["color-contrast"]) : axe).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        expect(summary).toEqual([]);
        await photographWidgets(page, path, widgets, theme);
      });
    }

    test("has no horizontal scroll at 360 px", async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      const widgets = await hydrateAll(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await photographWidgets(page, path, widgets, "phone");
    });
  });
}
