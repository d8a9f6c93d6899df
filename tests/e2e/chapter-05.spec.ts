// Chapter 5's cells and widgets: every cell's Run gives its expected output (in page order, since
// the batch-norm cells share a layer), the overfitting lab finishes its sweep in slices, the dropout
// lab steps masks by keyboard and shows the "scale by p" mismatch, the penalty geometry gives exact
// zeros only for L1, and the batch-norm lab survives its extreme settings without a console error.
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";
import { openWidget } from "./open-widget";

const CH5 = "chapters/05-regularization/";

const open = (page: Page, selector: string) => openWidget(page, CH5, selector);

test("every cell on the page runs in order and matches its expected output", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(CH5);
  const cells = await page.locator("dl-cell").all();
  expect(cells.length).toBe(9);
  for (const cell of cells) {
    await cell.scrollIntoViewIfNeeded();
    await cell.locator("[data-action=run]").click();
    await expect(cell.locator("[data-status]"), `cell ${await cell.getAttribute("id")}`).toContainText("Matches the expected output", {
      timeout: 30_000,
    });
  }
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("the overfitting lab trains all widths in slices, and inspecting a width does not retrain", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-overfitting-lab");
  const progress = w.locator(".dl-progress");
  await expect(progress).toHaveAttribute("data-done", "false");
  // The page answers while the sweep runs.
  const t0 = Date.now();
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  expect(Date.now() - t0).toBeLessThan(1000);
  await expect(progress).toHaveAttribute("data-done", "true", { timeout: 90_000 });
  await expect(progress).toContainText("All 6 widths trained");
  await w.locator("#overfitting-lab-width").selectOption("2");
  await expect(w.getByText("Cost during training, width 2")).toBeVisible();
  await expect(progress).toHaveAttribute("data-done", "true");
  await expect(w.locator(".dl-note").last()).toContainText("generalization gap");
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("the dropout lab draws a new mask by keyboard, shows the scaling, and eval mode keeps every unit", async ({ page }) => {
  const w = await open(page, "dl-dropout-lab");
  const maskRow = w.locator(".dl-mask-table tr[data-row=r] td");
  const first = await maskRow.allTextContents();
  await w.getByRole("button", { name: "Next mask" }).focus();
  await page.keyboard.press("Enter");
  await expect(w.locator("#dropout-lab-step")).toHaveValue("2");
  await expect.poll(() => maskRow.allTextContents()).not.toEqual(first);
  await expect(w.locator(".dl-readouts")).toContainText("1/0.8 = 1.25");
  await w.locator("#dropout-lab-mode").selectOption("eval");
  await expect.poll(() => maskRow.allTextContents()).toEqual(Array(8).fill("1"));
  await expect(w.locator(".dl-readouts")).toContainText("evaluation mode drops nothing");
  // Play draws masks by itself until paused.
  await w.getByRole("button", { name: "Play masks" }).click();
  await expect(w.locator("#dropout-lab-step")).not.toHaveValue("2", { timeout: 5000 });
  await w.getByRole("button", { name: "Pause" }).click();
  await expect(w.getByRole("button", { name: "Play masks" })).toBeVisible();
});

test("the dropout lab's expectation check: inverted and classic match, scaling by p does not (on a phone)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const w = await open(page, "dl-dropout-lab");
  // The whole table, "difference" column included, fits without a sideways scroll.
  const table = w.locator(".dl-exp-table");
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  const gap = async (c: string) => Math.abs(Number(await w.locator(`tr[data-convention=${c}] td`).last().textContent()));
  expect(await gap("inverted")).toBeLessThan(0.02);
  expect(await gap("classic")).toBeLessThan(0.02);
  expect(await gap("wrong")).toBeGreaterThan(0.1);
  await expect(w.locator(".dl-progress")).toHaveAttribute("data-done", "true", { timeout: 90_000 });
  await expect(w.locator(".dl-progress")).toContainText("lowest validation cost");
  // The sweep covers the slider's whole range, up to p = 0.9.
  await expect(w.locator(".dl-chart-description", { hasText: "Validation costs" })).toContainText("p = 0.9:");
});

test("the penalty geometry gives an exact zero for L1, none for L2, and both zeros for a large λ", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-penalty-geometry");
  const readouts = w.locator(".dl-readouts");
  await expect(readouts).toContainText("exact zeros: 1");
  await expect(w.locator("tr[data-penalty=subgradient] td").last()).toHaveText("0");
  await w.locator("#penalty-geometry-penalty").selectOption("l2");
  await expect(readouts).toContainText("exact zeros: 0");
  await w.locator("#penalty-geometry-penalty").selectOption("l1");
  await w.locator("#penalty-geometry-lambda").focus();
  await page.keyboard.press("End");
  await expect(readouts).toContainText("w = (0, 0), exact zeros: 2");
  // Bad input is refused with a message, not a blank widget.
  const box = w.locator("#penalty-geometry-lambda + input");
  await box.fill("abc");
  await box.press("Enter");
  await expect(w.locator(".dl-messages")).toContainText("must be a number");
  await box.fill("99");
  await box.press("Enter");
  await expect(w.locator(".dl-messages")).toContainText("between 0 and 4");
  await expect(w.locator("[data-figure] svg").first()).toBeVisible();
  expect(problems.console).toEqual([]);
});

test("the batch-norm lab: step 3 follows γ and β, eval output is fixed, extreme settings draw without errors", async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-batch-norm-lab");
  for (const [name, value] of [
    ["gamma", "2"],
    ["beta", "-1"],
  ] as const) {
    const box = w.locator(`#batch-norm-lab-${name} + input`);
    await box.fill(value);
    await box.press("Enter");
  }
  await expect(w.locator(".dl-readouts")).toContainText("y = 2 ·");
  await expect(w.locator(".dl-bn-stats").last()).toContainText("mean -1, std 2");
  await expect(w.locator("tr[data-mode=train]")).toHaveCount(5);
  await expect(w.locator("tr[data-mode=eval]")).toHaveCount(1);
  // One set of bins: the three histograms have the same bars, and the note says how the bins are chosen.
  const heights = (k: number) =>
    w
      .locator(".dl-bn-hists svg")
      .nth(k)
      .locator("rect")
      .evaluateAll((rs) => rs.map((r) => r.getAttribute("height")));
  const raw = await heights(0);
  expect(raw.length).toBeGreaterThan(2);
  expect(await heights(1)).toEqual(raw);
  expect(await heights(2)).toEqual(raw);
  await expect(w.locator(".dl-bn-bins")).toContainText("share one set of");
  await w.locator("#batch-norm-lab-batchSize").focus();
  await page.keyboard.press("Home"); // m = 2, the smallest batch batch norm can train on
  await expect(w.locator(".dl-readouts")).toContainText("over m = 2 houses");
  const gamma = w.locator("#batch-norm-lab-gamma + input");
  await gamma.fill("0"); // every output equals β: one bar of zero width
  await gamma.press("Enter");
  await expect(w.locator(".dl-bn-stats").last()).toContainText("std 0");
  await w.locator("#batch-norm-lab-lr").focus();
  await page.keyboard.press("End");
  await expect(w.locator(".dl-note").last()).toContainText("with it");
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});
