// The gates every page must pass, over every page found in the build output.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { builtPages } from "./pages";
import { watch, reportCspViolations } from "./watch";
import { hydrateAll, everyControlChangesFigure } from "./widgets";

const pages = builtPages();

test("the build has a home page, a 404 page and the chapters", () => {
  expect(pages).toContain("./");
  expect(pages).toContain("404.html");
  expect(pages.filter((p) => p.startsWith("chapters/")).length).toBeGreaterThanOrEqual(3);
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
        await page.addInitScript((t) => localStorage.setItem("starlight-theme", t), theme);
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await hydrateAll(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        expect(summary).toEqual([]);
      });
    }

    test("has no horizontal scroll at 360 px", async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      await hydrateAll(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}
