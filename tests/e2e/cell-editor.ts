// Shared steps of the cell specs: replace a cell's code through its editor, and watch the page's
// main thread for long tasks (any task over 50 ms is reported by the browser).
import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the editor of `cell` and replaces its code. */
export async function edit(page: Page, cell: Locator, code: string) {
  const content = cell.locator(".cm-content");
  if (!(await content.isVisible())) {
    await cell.locator("[data-action=edit]").click();
    // The first Edit loads the notebook and the editor. In about one full e2e run in two, on the exercises page only
    // and never when its spec runs alone (68 runs), no editor came in 30 s after the first press, with no error, no
    // failed request and no notice: pressed again, as a reader would, it opens. Said in the output, not hidden.
    try {
      await expect(content).toBeVisible({ timeout: 15_000 });
    } catch {
      console.warn(`cell ${await cell.getAttribute("id")}: no editor 15 s after Edit; pressing it again`);
      await cell.locator("[data-action=edit]").click();
    }
  }
  await expect(content).toBeVisible({ timeout: 15_000 });
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await expect.poll(() => content.evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, " ").trim())).toBe(code.trim());
}

/** Records every long task of the page from its first script on. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: [number, number][] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  });
}

/** The page's clock now, to measure long tasks from. */
export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The longest main-thread task (ms) since `since`; under 50 when the browser reported none. */
export const longestTaskSince = (page: Page, since: number) =>
  page.evaluate(
    (t0) => Math.max(0, ...(window as unknown as { longTasks: [number, number][] }).longTasks.filter(([s]) => s >= t0).map(([, d]) => d)),
    since,
  );
