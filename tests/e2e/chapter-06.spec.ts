// Chapter 6's widgets and cells: the gradient-flow lab trains to the end by itself, its exploding preset
// stops with "diverged" and no console error and its fixes train; the activation statistics check sampled
// weights against the formula; the residual tracer's gradient follows the skip toggle and the weight scale;
// every cell's Run prints its expected output.
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";
import { openWidget } from "./open-widget";

const CH6 = "chapters/06-vanishing-gradients/";

const open = (page: Page, selector: string) => openWidget(page, CH6, selector);
const readout = (page: Page, key: string) => page.locator(`dl-gradient-flow dd[data-readout=${key}]`);

test("the gradient-flow lab shows the vanishing default, explodes to 'diverged' and trains with the fixes", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-gradient-flow");
  // Default: sigmoid with tiny weights trains to the end and stays at the cost of the average price.
  await expect(w).toHaveAttribute("data-status", "done", { timeout: 10_000 });
  await expect(readout(page, "first")).toHaveText("2.30e-31");
  await expect(readout(page, "cost")).toHaveText("0.5");
  await expect(w.locator(".dl-note")).toContainText("average price");
  // N(0, 1) weights with ReLU: the first cost is already astronomical.
  await w.getByRole("button", { name: "ReLU, N(0, 1): explodes" }).click();
  await expect(w).toHaveAttribute("data-status", "diverged");
  await expect(readout(page, "status")).toHaveText("diverged");
  await expect(w).toHaveAttribute("data-diverged", "");
  await expect(w.locator("#gradient-flow-init")).toHaveValue("large");
  // He initialization fixes it.
  await w.getByRole("button", { name: "ReLU + He" }).click();
  await expect(w).toHaveAttribute("data-status", "done", { timeout: 10_000 });
  expect(Number(await readout(page, "cost").textContent())).toBeLessThan(0.05);
  expect(Number(await readout(page, "ratio").textContent())).toBeLessThan(10);
  // Batch normalization rescues the sigmoid network, chosen with the keyboard.
  await w.getByRole("button", { name: "Sigmoid + Xavier" }).click();
  await expect(w).toHaveAttribute("data-status", "done", { timeout: 10_000 });
  await w.locator("#gradient-flow-batchNorm").focus();
  await page.keyboard.press("Space");
  await expect(w.getByRole("button", { name: "Sigmoid + batch norm" })).toHaveAttribute("aria-pressed", "true");
  await expect(w).toHaveAttribute("data-status", "done", { timeout: 10_000 });
  expect(Number(await readout(page, "cost").textContent())).toBeLessThan(0.05);
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("the activation statistics compare sampled weights with each scheme's variance", async ({ page }) => {
  const w = await open(page, "dl-activation-stats");
  const values = w.locator(".dl-readouts dd");
  await expect(values.nth(1)).toHaveText("0.01"); // Xavier, 100 × 100: 2/200
  await w.locator("#activation-stats-activation").selectOption("relu");
  await w.locator("#activation-stats-init").selectOption("he");
  await expect(values.nth(1)).toHaveText("0.02");
  expect(Math.abs(Number(await values.nth(0).textContent()) / 0.02 - 1)).toBeLessThan(0.02);
  await expect(w.locator(".dl-readouts dt").nth(3)).toContainText("exactly 0");
  await expect(w.locator("[role=img]")).toHaveCount(2);
});

test("the residual tracer keeps the identity path: with skips the gradient stays large, without it vanishes", async ({ page }) => {
  const w = await open(page, "dl-residual-tracer");
  const gradient = w.locator("dd[data-gradient]");
  expect(Number(await gradient.getAttribute("data-gradient"))).toBeCloseTo(6.644, 3);
  await expect(w.locator(".dl-vg-formula[data-selected]")).toContainText("(1 + ");
  await w.locator("#residual-tracer-skip").focus();
  await page.keyboard.press("Space");
  const plain = Number(await gradient.getAttribute("data-gradient"));
  expect(plain).toBeGreaterThan(4e-6);
  expect(plain).toBeLessThan(6e-6);
  await w.locator("#residual-tracer-skip").press("Space");
  const box = w.locator(".dl-control-number").nth(1).locator("input[type=text]");
  await box.fill("0");
  await box.press("Enter");
  await expect(gradient).toHaveAttribute("data-gradient", "1");
  await box.fill("9");
  await box.press("Enter");
  await expect(w.locator(".dl-messages")).toContainText("between 0 and 2");
});

test("every chapter 6 cell prints its expected output", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(CH6);
  const cells = await page.locator("dl-cell").all();
  expect(cells.length).toBe(6);
  for (const cell of cells) {
    await cell.scrollIntoViewIfNeeded();
    await cell.locator("[data-action=run]").click();
    await expect(cell.locator("[data-status]")).toContainText("Matches the expected output", { timeout: 15_000 });
  }
});
