// Chapter 7's widgets and cells: the clipping picture takes g from its number boxes and from a click on the plot,
// shows both clipped vectors and says the zero vector has no direction; the exploding lab marks the unclipped run
// "diverged" (no NaN, no console error), compares the last loss with the best reachable one, trains in slices and
// recovers when the weights are well scaled; every cell's Run prints its expected output.
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";
import { openWidget } from "./open-widget";

const CH7 = "chapters/07-exploding-gradients/";

const open = (page: Page, selector: string) => openWidget(page, CH7, selector);

/** Types a value into the number box beside slider `id` and commits it with Enter. */
async function type(page: Page, id: string, value: string) {
  const box = page.locator(`#${id} + input`);
  await box.fill(value);
  await box.press("Enter");
}

test("clip vectors: the default g is clipped by norm to length c and by value onto the box", async ({ page }) => {
  const w = await open(page, "dl-clip-vectors");
  const rows = w.locator("[data-figure] table.dl-internals-table tbody tr");
  await expect(rows.nth(0)).toContainText("(1.5, 6)");
  await expect(rows.nth(1)).toContainText("(0.4851, 1.94)");
  await expect(rows.nth(1).locator("td").nth(1)).toHaveText("2");
  await expect(rows.nth(1).locator("td").nth(2)).toHaveText("76°");
  await expect(rows.nth(2)).toContainText("(1.5, 2)");
  await expect(rows.nth(2).locator("td").nth(2)).toHaveText("53.1°");
});

test("clip vectors: g typed into the number boxes by keyboard, and a gradient inside the circle is left alone", async ({ page }) => {
  const w = await open(page, "dl-clip-vectors");
  await type(page, "clip-vectors-gx", "3");
  await type(page, "clip-vectors-gy", "-4");
  await type(page, "clip-vectors-threshold", "1");
  const rows = w.locator("[data-figure] table.dl-internals-table tbody tr");
  await expect(rows.nth(1)).toContainText("(0.6, -0.8)");
  await expect(rows.nth(2)).toContainText("(1, -1)");
  await expect(w.locator("[data-figure] .dl-note")).toContainText("turned the direction by 8.13°");
  await type(page, "clip-vectors-threshold", "6");
  await expect(rows.nth(1)).toContainText("unchanged");
  await expect(rows.nth(2)).toContainText("unchanged");
  // The zero vector has no direction: said in words, never "diverged°".
  await type(page, "clip-vectors-gx", "0");
  await type(page, "clip-vectors-gy", "0");
  await expect(rows.nth(1).locator("td").nth(2)).toHaveText("none (zero vector)");
  await expect(w.locator("[data-figure]")).not.toContainText("diverged");
  await expect(w.locator("[data-figure]")).not.toContainText("NaN");
  // Out-of-range input is clamped with a message, not a blank widget.
  await type(page, "clip-vectors-gx", "99");
  await expect(w.locator(".dl-messages")).toContainText("10");
  await expect(page.locator("#clip-vectors-gx")).toHaveValue("10");
});

test("clip vectors: clicking on the plot sets g", async ({ page }) => {
  const w = await open(page, "dl-clip-vectors");
  const svg = w.locator(".dl-clip-chart svg");
  const box = (await svg.boundingBox())!;
  // The top-right corner of the drawing area is (E, E) = (7, 7) for the default state.
  await page.mouse.click(box.x + box.width - 14, box.y + 14);
  const gx = Number(await page.locator("#clip-vectors-gx").inputValue());
  const gy = Number(await page.locator("#clip-vectors-gy").inputValue());
  expect(gx).toBeGreaterThan(6);
  expect(gy).toBeGreaterThan(6);
  await expect(page.locator("#clip-vectors-gx + input")).toHaveValue(String(gx));
  await expect(w.locator("[data-figure] table.dl-internals-table tbody tr").first()).toContainText(`(${gx}, ${gy})`);
  // Dragging moves it on.
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 - 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 - 60, { steps: 4 });
  await page.mouse.up();
  expect(Number(await page.locator("#clip-vectors-gx").inputValue())).toBeLessThan(0);
});

test("exploding lab: the unclipped run is marked diverged, the clipped one trains, with no console error", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-exploding-lab");
  await expect(w.locator(".dl-explode-status")).toHaveText("Both runs finished.", { timeout: 15_000 });
  await expect(w).toHaveAttribute("data-diverged", "");
  const result = w.locator("td[data-status]");
  await expect(result.nth(0)).toHaveText("diverged at step 4");
  await expect(result.nth(0)).toHaveAttribute("data-status", "diverged");
  await expect(result.nth(1)).toContainText("after 200 steps");
  await expect(w.locator("[data-figure] svg text", { hasText: "diverged" }).first()).toBeVisible();
  await expect(w.locator("[data-figure]")).not.toContainText("NaN");
  // The last loss against the best reachable one, computed by the engine: none for the diverged run.
  const vsBest = w.locator("tr", { hasText: "Last loss ÷ best reachable" }).locator("td");
  await expect(vsBest.nth(0)).toHaveText("–");
  await expect(vsBest.nth(1)).toHaveText(/^1\.\d+×$/);
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("exploding lab: trains in slices with progress, and well-scaled weights train without clipping", async ({ page }) => {
  const w = await open(page, "dl-exploding-lab");
  await expect(w.locator(".dl-explode-status")).toHaveText("Both runs finished.", { timeout: 15_000 });
  // 500 steps: the status reports progress before it finishes.
  const seen: string[] = [];
  await page.exposeFunction("noteStatus", (s: string) => seen.push(s));
  await w.locator(".dl-explode-status").evaluate((el) =>
    new MutationObserver(() => (window as unknown as { noteStatus(s: string): void }).noteStatus(el.textContent ?? "")).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    }),
  );
  await type(page, "exploding-lab-steps", "500");
  await expect(w.locator(".dl-explode-status")).toHaveText("Both runs finished.", { timeout: 15_000 });
  expect(seen.some((s) => /^Training: step \d+ of 500$/.test(s))).toBe(true);
  await type(page, "exploding-lab-weightScale", "1");
  await expect(w.locator(".dl-explode-status")).toHaveText("Both runs finished.", { timeout: 15_000 });
  await expect(w).not.toHaveAttribute("data-diverged", "");
  await expect(w.locator('td[data-status="diverged"]')).toHaveCount(0);
  await expect(w.locator("table.dl-internals-table tbody tr", { hasText: "Steps clipped" })).toContainText("0 / 500");
  // The most explosive setting still draws, and says so.
  await type(page, "exploding-lab-weightScale", "2");
  await type(page, "exploding-lab-depth", "20");
  await type(page, "exploding-lab-lr", "0.05");
  await expect(w.locator(".dl-explode-status")).toHaveText("Both runs finished.", { timeout: 15_000 });
  await expect(w.locator("td[data-status]").first()).toContainText("diverged at step");
  await expect(w.locator("[data-figure] svg")).toHaveCount(2);
});

const CELLS = [
  "ch7-chain",
  "ch7-random-chain",
  "ch7-clip-step",
  "ch7-value-vs-norm",
  "ch7-per-tensor",
  "ch7-training-step",
  "ch7-trainer",
  "ch7-norm-history",
];

test("every cell's Run prints its expected output", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(CH7);
  await expect(page.locator("dl-cell")).toHaveCount(CELLS.length);
  for (const id of CELLS) {
    const cell = page.locator(`dl-cell#${id}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.locator("[data-action=run]").click();
    await expect(cell.locator("[data-status]"), id).toContainText("Matches the expected output", { timeout: 30_000 });
  }
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});
