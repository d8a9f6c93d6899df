// Chapter 0's refresher widgets: the matrix product steps to its last entry by keyboard and names both
// shapes on a mismatch; the chain rule's product agrees with the finite difference (relative error
// < 1e-6), calls exp∘exp∘exp at x = 3 an overflow and refuses ln of a negative number; the house
// table sorts from its header buttons by keyboard and standardises its features.
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";

const CH0 = "chapters/00-before-you-start/";

async function open(page: Page, tag: string, query = "") {
  await page.goto(CH0 + query);
  const widget = page.locator(tag);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  return widget;
}

test.describe("matrix product", () => {
  test("starts on the chapter's example and steps to the last entry by keyboard", async ({ page }) => {
    const mp = await open(page, "dl-matrix-product");
    await expect(mp.locator(".dl-mp-dot")).toHaveText("C[1,1] = 1·1 + 0·0 + 2·1 = 3");
    await mp.getByRole("button", { name: "Next entry" }).focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press("Enter");
    await expect(mp.locator("[data-figure]")).toContainText("Entry 4 of 4");
    await expect(mp.locator(".dl-mp-dot")).toHaveText("C[2,2] = (-1)·2 + 3·1 + 1·0 = 1");
    await expect(mp.locator("td.dl-mp-on")).toHaveCount(3 + 3 + 1);
    // One more wraps to the first entry; Previous from there goes back to the last.
    await page.keyboard.press("Space");
    await expect(mp.locator("[data-figure]")).toContainText("Entry 1 of 4");
    await mp.getByRole("button", { name: "Previous entry" }).focus();
    await page.keyboard.press("Enter");
    await expect(mp.locator("[data-figure]")).toContainText("Entry 4 of 4");
  });

  test("a shape mismatch names both shapes with the engine's message, and nothing throws", async ({ page, baseURL }) => {
    const problems = watch(page, new URL(baseURL!).origin);
    const mp = await open(page, "dl-matrix-product");
    const cols = mp.locator("#matrix-product-aCols");
    await cols.focus();
    await cols.press("ArrowRight");
    const error = mp.locator(".dl-mp-error");
    await expect(error).toContainText("A is 2 × 4 and B is 3 × 2");
    await expect(error).toContainText("matmul: shapes [2, 4] and [3, 2] do not chain");
    await expect(mp.getByRole("button", { name: "Next entry" })).toBeDisabled();
    await cols.press("ArrowLeft");
    await expect(error).toHaveCount(0);
    expect(problems.console).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});

test.describe("chain rule", () => {
  test("the product of local derivatives matches the finite difference to a relative error below 1e-6; an overflow is called one", async ({
    page,
    baseURL,
  }) => {
    const problems = watch(page, new URL(baseURL!).origin);
    const cr = await open(page, "dl-chain-rule");
    await expect(cr.locator("caption")).toHaveText("y = ln((3x + 1)²)");
    await expect(cr.locator("dd").first()).toHaveText("3 × 8 × 0.0625 = 1.5");
    for (const [f, option] of [
      ["f1", "sin"],
      ["f2", "sigmoid"],
      ["f3", "exp"],
    ] as const) {
      await cr.locator(`#chain-rule-${f}`).selectOption(option);
      const error = Number(await cr.locator("dl").getAttribute("data-rel-error"));
      expect(error).toBeLessThan(1e-6);
    }
    await expect(cr.locator("dd").nth(2)).toContainText("the two agree");
    // exp∘exp∘exp at x = 3 passes the largest double: "overflow", short tick labels, and no SVG path error.
    await cr.locator("#chain-rule-f1").selectOption("exp");
    await cr.locator("#chain-rule-f2").selectOption("exp");
    const x = cr.locator("#chain-rule-x + input");
    await x.fill("3");
    await x.press("Enter");
    await expect(cr.locator("dd").first()).toContainText("= overflow");
    await expect(cr.locator("dd").nth(2)).toContainText("an overflow");
    await expect(cr.locator("[data-figure]")).not.toContainText("diverged");
    const ticks = await cr.locator("[data-figure] svg text").allTextContents();
    expect(ticks.filter((s) => s.length > 8)).toEqual([]);
    expect(problems.console).toEqual([]);
  });

  test("ln of a negative input is refused with a message, not a blank widget", async ({ page }) => {
    const cr = await open(page, "dl-chain-rule", "?chain-rule.f1=times3&chain-rule.f2=ln&chain-rule.x=-1");
    await expect(cr.locator("dd").first()).toContainText("ln needs a positive input, but step 2 receives u = -3");
    await expect(cr.locator("[data-figure] svg")).toHaveCount(1);
  });
});

test.describe("house explorer", () => {
  test("header buttons sort by keyboard, keep focus, and flip the order on a second press", async ({ page }) => {
    const he = await open(page, "dl-house-explorer");
    await expect(he.locator(".dl-house-table tbody tr")).toHaveCount(12);
    const price = he.getByRole("button", { name: /^Price/ });
    await price.focus();
    await page.keyboard.press("Enter");
    await expect(he.getByRole("button", { name: /^Price/ })).toBeFocused();
    await expect(he.locator('th[aria-sort="ascending"]')).toContainText("Price");
    const prices = async () => (await he.locator(".dl-house-table tbody tr td:last-child").allTextContents()).map(Number);
    const up = await prices();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.keyboard.press("Space");
    await expect(he.locator('th[aria-sort="descending"]')).toContainText("Price");
    const down = await prices();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(up[up.length - 1]);
  });

  test("standardising puts the features on a common scale and keeps the price", async ({ page }) => {
    const he = await open(page, "dl-house-explorer");
    const firstRow = he.locator(".dl-house-table tbody tr").first();
    const priceBefore = await firstRow.locator("td").last().textContent();
    await he.getByLabel("Standardise the features").check();
    await expect(he.locator(".dl-house-table caption")).toContainText("standardised");
    await expect(firstRow.locator("td").last()).toHaveText(priceBefore!);
    const ages = (await he.locator(".dl-house-table tbody tr td:nth-child(3)").allTextContents()).map(Number);
    for (const a of ages) expect(Math.abs(a)).toBeLessThan(3);
    const rows = he.locator("#house-explorer-rows");
    await rows.focus();
    await rows.press("End");
    await expect(he.locator(".dl-house-table tbody tr")).toHaveCount(100);
  });
});
