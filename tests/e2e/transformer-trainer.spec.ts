// Chapter 10's transformer trainer: Train runs 100 updates of the block and of the LSTM in slices with a progress bar
// while frames keep coming, both networks' curves are drawn, the samples and attention map follow the weights, Pause
// stops a run part way, a shared link restores the heads, and the widget fits a phone's width, with no console error.
import { test, expect } from "@playwright/test";
import { openWidget } from "./open-widget";
import { watch } from "./watch";

const CH10 = "chapters/10-attention-and-transformers/";
const cell = (w: import("@playwright/test").Locator, row: number, col: number) =>
  w.locator(".dl-tt-readouts tbody tr").nth(row).locator("td").nth(col);
const count = async (w: import("@playwright/test").Locator, col: number) =>
  Number((await cell(w, 1, col).textContent())!.replace(/,/g, ""));

test("Train runs 100 updates of both networks in slices, with progress, and draws both curves", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await openWidget(page, CH10, "dl-transformer-trainer");
  // Both parameter counts are shown: the block's and the matched LSTM's.
  await expect(cell(w, 0, 0)).toHaveText("3,114");
  await expect(cell(w, 0, 1)).toHaveText("2,996");
  await expect(w.locator(".dl-tt-status")).toContainText("Not training", { timeout: 15_000 });
  const sample = w.locator(".dl-st-sample").first(),
    before = await sample.textContent();
  const heatmap = await w.locator("[data-figure] > div").last().innerHTML();
  await w.getByRole("button", { name: "Train 100 updates" }).click();
  await expect(w.locator(".dl-tt-progress")).toBeVisible();
  await expect(w.locator(".dl-tt-status")).toContainText(/Training: \d+ of 100 updates/);
  // Frames keep coming while it trains: the longest gap between two animation frames over a second is recorded.
  const gap = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now(),
          worst = 0;
        const start = last;
        const tick = (now: number) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now - start > 1000) resolve(worst);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  console.log(`[transformer-trainer] longest frame gap while training: ${Math.round(gap)} ms`);
  expect(gap).toBeLessThan(2000);
  await expect.poll(() => count(w, 0), { timeout: 120_000 }).toBe(100);
  await expect.poll(() => count(w, 1)).toBe(100);
  await expect(w.locator(".dl-tt-progress")).toBeHidden();
  console.log(
    `[transformer-trainer] time per update: ${await cell(w, 4, 0).textContent()} (block), ${await cell(w, 4, 1).textContent()} (LSTM)`,
  );
  // Two line marks (training solid, held-out dashed), each with a line per network, and a dot at each line's end.
  const loss = w.locator("[data-figure] > div").nth(1);
  await expect(loss.locator('svg g[stroke-width="1.5"] path')).toHaveCount(2);
  await expect(loss.locator('svg g[stroke-dasharray="6 3"] path')).toHaveCount(2);
  await expect(loss.locator("svg circle")).toHaveCount(4);
  await expect(loss.locator("figure").first()).toContainText("LSTM");
  await expect(sample).not.toHaveText(before!);
  expect(await w.locator("[data-figure] > div").last().innerHTML()).not.toBe(heatmap);
  expect(Number(await cell(w, 3, 0).textContent())).toBeLessThan(3);
  expect(problems.console, "console errors").toEqual([]);
  expect(problems.pageErrors, "uncaught exceptions").toEqual([]);
});

test("Pause stops a run part way; Pause is disabled with a reason while nothing runs", async ({ page }) => {
  const w = await openWidget(page, CH10, "dl-transformer-trainer");
  const pause = w.getByRole("button", { name: "Pause" });
  await expect(pause).toBeDisabled();
  await expect(pause).toHaveAttribute("title", /press Train/);
  await w.getByRole("button", { name: "Train 100 updates" }).click();
  await expect(pause).toBeEnabled();
  await expect.poll(() => count(w, 0), { timeout: 60_000 }).toBeGreaterThan(0);
  await pause.click();
  await expect(w.locator(".dl-tt-status")).toContainText("Not training");
  const stopped = await count(w, 0);
  expect(stopped).toBeLessThan(100);
  await page.waitForTimeout(500);
  expect(await count(w, 0)).toBe(stopped);
});

test("a shared link restores heads, rate and seed, and the widget fits 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const w = await openWidget(
    page,
    `${CH10}?transformer-trainer.heads=4&transformer-trainer.logLr=-2&transformer-trainer.seed=7`,
    "dl-transformer-trainer",
  );
  await expect(w.locator("#transformer-trainer-heads")).toHaveValue("4");
  await expect(w.locator("#transformer-trainer-logLr + output")).toHaveText("0.01");
  await expect(w.locator("#transformer-trainer-seed")).toHaveValue("7");
  await expect(w.locator("[data-figure] > div").last()).toContainText("4 heads");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = (await w.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});
