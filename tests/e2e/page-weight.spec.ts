// Page weight: the gzipped JavaScript each page loads before any widget scrolls into view.
import { test, expect } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { crawledPages } from "./pages";

const budget = JSON.parse(readFileSync("tests/e2e/page-weight-budget.json", "utf8")) as { defaultKB: number; pages: Record<string, number> };

for (const path of crawledPages()) {
  test(`page ${path} stays within its JavaScript budget`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const scripts: Promise<number>[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.body().then((b) => gzipSync(b, { level: 9 }).length).catch(() => 0));
    });
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? ""));
    const external = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    const inlined = inline.reduce((a, s) => a + gzipSync(Buffer.from(s), { level: 9 }).length, 0);
    const kb = (external + inlined) / 1000;
    const limit = budget.pages[path] ?? budget.defaultKB;
    mkdirSync("test-results/page-weight", { recursive: true });
    writeFileSync(`test-results/page-weight/${path.replace(/[^\w]+/g, "_") || "home"}.json`, JSON.stringify({ path, kb, limit }));
    expect(kb, `gzipped JS on ${path}`).toBeLessThanOrEqual(limit);
  });
}
