// Chapter 3's widgets: the forward and backward steppers reach their last step by keyboard, the
// gradient check agrees with backpropagation to better than 1e-6, the derivations reveal line by
// line, and a diverging learning rate stops with "diverged" and no console error.
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";
import { openWidget } from "./open-widget";

const CH3 = "chapters/03-training-neural-networks/";

const open = (page: Page, selector: string) => openWidget(page, CH3, selector);

test("the forward stepper reaches its last step by keyboard and shows the cost", async ({ page }) => {
  const w = await open(page, "dl-forward-stepper");
  await expect(w.locator(".dl-step-indicator")).toHaveText("step 1 of 5");
  await w.locator("[data-figure]").focus();
  await page.keyboard.press("ArrowRight");
  await expect(w.locator(".dl-step-indicator")).toHaveText("step 2 of 5");
  await expect(w.locator('[aria-current="step"]')).toContainText("ReLU");
  await page.keyboard.press("End");
  await expect(w.locator(".dl-step-indicator")).toHaveText("step 5 of 5");
  await expect(w.locator(".dl-matrix-result").last()).toContainText("J (1 × 1)");
  await page.keyboard.press("ArrowRight"); // past the last step it stays put
  await expect(w.locator(".dl-step-indicator")).toHaveText("step 5 of 5");
  await page.keyboard.press("Home");
  await expect(w.locator(".dl-step-indicator")).toHaveText("step 1 of 5");
  await expect(w.locator(".dl-matrix-result")).toContainText("Z[1] (4 × 4)");
});

test("the backward stepper walks all eight gradients by keyboard, and Check agrees to better than 1e-6", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-backward-stepper");
  await w.locator("[data-figure]").focus();
  for (let k = 2; k <= 8; k++) {
    await page.keyboard.press("ArrowRight");
    await expect(w.locator(".dl-step-indicator")).toHaveText(`step ${k} of 8`);
  }
  await expect(w.locator(".dl-matrix-result").first()).toContainText("db[1] (4 × 1)");
  await w.getByRole("button", { name: "Check" }).focus();
  await page.keyboard.press("Enter");
  const rows = w.locator("tr[data-check-row]");
  await expect(rows).toHaveCount(4);
  for (const row of await rows.all()) {
    expect(Number(await row.getAttribute("data-relative-error"))).toBeLessThan(1e-6);
    await expect(row).toContainText("agrees");
  }
  // The estimate also sits beside the gradient of the current step (db[1]).
  expect(Number(await w.locator('[data-check="db1"]').getAttribute("data-relative-error"))).toBeLessThan(1e-6);
  // A new network is checked again: tanh hidden layer, regression preset.
  await w.locator("#backward-stepper-preset").selectOption("regression");
  await w.locator("#backward-stepper-hidden").selectOption("tanh");
  for (const row of await rows.all()) expect(Number(await row.getAttribute("data-relative-error"))).toBeLessThan(1e-6);
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("a derivation starts with one line, reveals the next, then all, and checks the result numerically", async ({ page }) => {
  const w = await open(page, "dl-derivation[data-which=bce-sigmoid]");
  const lines = w.locator(".dl-derivation > li");
  await expect(lines).toHaveCount(1);
  await w.getByRole("button", { name: "Show next line" }).click();
  await expect(lines).toHaveCount(2);
  await w.getByRole("button", { name: "Show all" }).click();
  await expect(lines).toHaveCount(8);
  await expect(lines.last()).toContainText("a − y");
  expect(Number(await w.locator("[data-relative-error]").getAttribute("data-relative-error"))).toBeLessThan(1e-6);
});

test("the diverging preset stops with 'diverged' and no console error", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-gradient-descent-1d");
  await w.getByRole("button", { name: "Diverges" }).click();
  await expect(w.locator("#gradient-descent-1d-lr")).toHaveValue("0.6");
  const status = w.locator(".dl-gd-status");
  await expect(status).toContainText("η is above 2/λ");
  await w.getByRole("button", { name: "Play" }).click();
  await expect(status).toHaveAttribute("data-status", "diverged", { timeout: 10_000 });
  await expect(status).toContainText("Diverged at step 7");
  await expect(w.locator("[data-figure] svg text", { hasText: "diverged" }).first()).toBeVisible();
  await expect(w.getByRole("button", { name: "Play" })).toBeVisible(); // stopped by itself
  // Play from a diverged run starts again and ends diverged again, without throwing.
  await w.getByRole("button", { name: "Play" }).click();
  await expect(status).toHaveAttribute("data-status", "diverged", { timeout: 10_000 });
  // The largest rate on the steepest bowl still draws.
  await w.locator("#gradient-descent-1d-lambda + input").fill("8");
  await w.locator("#gradient-descent-1d-lambda + input").press("Enter");
  await w.locator("#gradient-descent-1d-lr + input").fill("3");
  await w.locator("#gradient-descent-1d-lr + input").press("Enter");
  await expect(status).toHaveAttribute("data-status", "diverged");
  await expect(w.locator("[data-figure] svg")).toHaveCount(2);
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("Reset and Step work from the keyboard", async ({ page }) => {
  const w = await open(page, "dl-gradient-descent-1d");
  const steps = w.locator("#gradient-descent-1d-steps + input");
  await w.getByRole("button", { name: "Reset" }).focus();
  await page.keyboard.press("Space");
  await expect(steps).toHaveValue("0");
  await w.getByRole("button", { name: "Step" }).focus();
  await page.keyboard.press("Enter");
  await expect(steps).toHaveValue("1");
  await expect(w.locator(".dl-readouts dd").first()).toHaveText("0.6");
});

test("the backward-pass cell matches the engine and the gradient-check cell passes, in page order", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(CH3);
  for (const id of ["ch3-backward", "ch3-gradcheck"]) {
    const cell = page.locator(`dl-cell#${id}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.locator("[data-action=run]").click();
    await expect(cell.locator("[data-status]"), id).toContainText("Matches the expected output", { timeout: 20_000 });
  }
  await expect(page.locator("dl-cell#ch3-backward .dl-cell-log")).toContainText("same as the engine: true");
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});
