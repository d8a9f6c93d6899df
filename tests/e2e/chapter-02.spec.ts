// Chapter 2's widgets: the network diagram (4-3-1 by default, 19 parameters, units reachable by Tab
// with their Z and A, the count following the layer sizes, new weights) and the activation explorer
// (saturated ranges of sigmoid and tanh, the leaky slope switched on only for leaky ReLU).
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";
import { openWidget } from "./open-widget";

const CH2 = "chapters/02-neural-network-foundations/";

const open = (page: Page, tag: string, query = "") => openWidget(page, CH2 + query, tag);

test.describe("network diagram", () => {
  test("starts as the house network 4-3-1 with 19 parameters, as the chapter counts them", async ({ page }) => {
    const net = await open(page, "dl-network-diagram");
    await expect(net.locator("[data-figure]")).toContainText("4·3 + 3 + 3·1 + 1 = 19");
    await expect(net.locator("circle[data-unit]")).toHaveCount(8);
    await expect(net.locator('circle[aria-pressed="true"]')).toHaveAttribute("data-unit", "1-0");
  });

  test("Tab walks through the units and each one shows its z and a", async ({ page }) => {
    const net = await open(page, "dl-network-diagram");
    await net.locator('circle[data-unit="0-0"]').focus();
    await expect(net.locator("dd").nth(2)).toContainText("Input 1 (bedrooms)");
    for (const unit of ["0-1", "0-2", "0-3", "1-0", "1-1"]) {
      await page.keyboard.press("Tab");
      await expect(net.locator(`circle[data-unit="${unit}"]`)).toBeFocused();
    }
    await expect(net.locator("dd").nth(2)).toContainText("Hidden 1, unit 2");
    await expect(net.locator("dt", { hasText: "z = w·a + b" })).toBeVisible();
    const label = await net.locator('circle[data-unit="1-1"]').getAttribute("aria-label");
    expect(label).toMatch(/^Hidden 1, unit 2: z = -?[\d.e-]+, a = [\d.e-]+$/);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(net.locator('circle[data-unit="2-0"]')).toBeFocused();
    await expect(net.locator("dd").nth(2)).toContainText("Output, unit 1");
  });

  test("the parameter count follows the layer sizes: 4-8-8-1 has 121", async ({ page }) => {
    const net = await open(page, "dl-network-diagram", "?network-diagram.hidden1=8&network-diagram.hidden2=8");
    await expect(net.locator("[data-figure]")).toContainText("4·8 + 8 + 8·8 + 8 + 8·1 + 1 = 121");
    // 16 is beyond the slider: the box clamps it and says so.
    const box = net.locator("#network-diagram-hidden1 + input");
    await box.fill("16");
    await box.press("Enter");
    await expect(net.locator(".dl-messages")).toContainText("between 1 and 8");
  });

  test("New weights redraws the edges and keeps the count", async ({ page, baseURL }) => {
    const problems = watch(page, new URL(baseURL!).origin);
    const net = await open(page, "dl-network-diagram");
    const before = await net.locator("svg").innerHTML();
    await net.getByRole("button", { name: "New weights" }).focus();
    await page.keyboard.press("Enter");
    await expect(net.locator("#network-diagram-seed")).toHaveValue("2");
    expect(await net.locator("svg").innerHTML()).not.toBe(before);
    await expect(net.locator("[data-figure]")).toContainText("= 19");
    expect(problems.pageErrors).toEqual([]);
    expect(problems.console).toEqual([]);
  });
});

test.describe("activation explorer", () => {
  test("sigmoid and tanh together: their saturated ranges start at |z| ≈ 2.06 and 1.82", async ({ page }) => {
    const ex = await open(page, "dl-activation-explorer");
    await ex.locator("#activation-explorer-second").selectOption("tanh");
    const notes = ex.locator("[data-figure] .dl-note");
    await expect(notes).toContainText("sigmoid: |g′| < 0.1 on 66% of the range (-6 to -2.06, 2.06 to 6)");
    await expect(notes).toContainText("tanh: |g′| < 0.1 on 70% of the range (-6 to -1.82, 1.82 to 6)");
    await expect(ex.locator("[data-figure] svg")).toHaveCount(2);
    // The value table reads σ′(5) ≈ 0.00665, as the chapter quotes.
    await expect(ex.locator(".dl-activation-table tr", { hasText: /^5/ })).toContainText("0.00665");
  });

  test("widening the range covers more of the axis with saturation", async ({ page }) => {
    const ex = await open(page, "dl-activation-explorer");
    const slider = ex.locator("#activation-explorer-zmax");
    await slider.focus();
    await slider.press("End");
    await expect(ex.locator("[data-figure] .dl-note")).toContainText("on 90% of the range");
  });

  test("the leaky slope is off until leaky ReLU is picked, and a slope of 0.3 ends the saturation", async ({ page }) => {
    const ex = await open(page, "dl-activation-explorer");
    const slope = ex.locator("#activation-explorer-slope");
    await expect(slope).toBeDisabled();
    await expect(ex.locator("#activation-explorer-slope ~ .dl-disabled-reason")).toHaveText(
      "The slope α applies when leaky ReLU is picked.",
    );
    await ex.locator("#activation-explorer-first").selectOption("leakyRelu");
    await expect(slope).toBeEnabled();
    await expect(ex.locator(".dl-disabled-reason")).toHaveCount(0);
    // With PyTorch's α = 0.01 the negative side counts as saturated (0.01 < 0.1); α = 0.3 lets gradients through.
    await expect(ex.locator("[data-figure] .dl-note")).toContainText("leaky ReLU: |g′| < 0.1 on 50% of the range (-6 to 0)");
    await slope.focus();
    await slope.press("End");
    await expect(ex.locator("[data-figure] .dl-note")).toContainText("leaky ReLU: |g′| stays at or above 0.1");
  });
});
