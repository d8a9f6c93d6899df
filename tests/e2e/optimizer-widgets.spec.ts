// Chapter 4's optimizer race and momentum explorer: default race arrives, a diverging learning rate
// ends its path with a note (and no error), Step/Play/Reset by keyboard, click-to-start, shared
// links, and the two momentum forms tracing one path once their learning rates are matched.
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";
import { openWidget } from "./open-widget";

const CH4 = "chapters/04-optimization-algorithms/";

const open = (page: Page, tag: string, query = "") => openWidget(page, CH4 + query, tag);

test.describe("optimizer race", () => {
  test("with the default settings every optimizer reaches the minimum of the bowl", async ({ page }) => {
    const race = await open(page, "dl-optimizer-race");
    const rows = race.locator("tr[data-optimizer]");
    await expect(rows).toHaveCount(6);
    for (const row of await rows.all()) {
      await expect(row).toHaveAttribute("data-status", "reached");
      await expect(row).toContainText("reached the minimum");
    }
  });

  test("a diverging learning rate ends the path with a note, and nothing throws", async ({ page, baseURL }) => {
    const problems = watch(page, new URL(baseURL!).origin);
    const race = await open(page, "dl-optimizer-race");
    const box = race.locator("#optimizer-race-gdLr + input");
    await box.fill("1");
    await box.press("Enter");
    await expect(race.locator(".dl-race-notes")).toContainText("Gradient descent diverged at step 7");
    await expect(race.locator('tr[data-optimizer="gd"]')).toHaveAttribute("data-status", "diverged");
    await expect(race.locator('tr[data-optimizer="adam"]')).toHaveAttribute("data-status", "reached");
    // A rate far past any sense still draws: the others keep their paths, the figure is not blank.
    await race.locator("#optimizer-race-adamLr + input").fill("1");
    await race.locator("#optimizer-race-adamLr + input").press("Enter");
    await expect(race.locator("[data-figure] svg")).toHaveCount(2);
    expect(problems.console).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  test("Reset, Step and Play work from the keyboard", async ({ page }) => {
    const race = await open(page, "dl-optimizer-race");
    const steps = race.locator("#optimizer-race-steps + input");
    await race.getByRole("button", { name: "Reset" }).focus();
    await page.keyboard.press("Space");
    await expect(steps).toHaveValue("0");
    await expect(race.locator('tr[data-optimizer="gd"]')).toHaveAttribute("data-status", "running");
    await race.getByRole("button", { name: "Step" }).focus();
    await page.keyboard.press("Enter");
    await expect(steps).toHaveValue("1");
    const play = race.getByRole("button", { name: "Play" });
    await play.focus();
    await page.keyboard.press("Space");
    await expect.poll(async () => Number(await steps.inputValue())).toBeGreaterThan(10);
    await page.keyboard.press("Space");
    await expect(race.getByRole("button", { name: "Play" })).toBeVisible();
    const paused = await steps.inputValue();
    await page.waitForTimeout(300);
    await expect(steps).toHaveValue(paused);
  });

  test("clicking the contour plot moves the start point there", async ({ page }) => {
    const race = await open(page, "dl-optimizer-race");
    const plot = race.locator("[data-figure] svg").first();
    // The plot's frame spans [-3, 3]² on the bowl; its centre is near the minimum.
    const frame = await plot.evaluate((svg) => {
      const s = (svg as unknown as { scale(n: string): { apply(v: number): number } });
      const box = svg.getBoundingClientRect(), k = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return { x: s.scale("x").apply(1) * k, y: s.scale("y").apply(-2) * k };
    });
    await plot.click({ position: frame });
    await expect.poll(async () => Number(await race.locator("#optimizer-race-x0 + input").inputValue())).toBeCloseTo(1, 1);
    await expect.poll(async () => Number(await race.locator("#optimizer-race-y0 + input").inputValue())).toBeCloseTo(-2, 1);
  });

  test("a shared link restores the surface and the hyper-parameters", async ({ page }) => {
    const race = await open(page, "dl-optimizer-race", "?optimizer-race.surface=rosenbrock&optimizer-race.adamLr=0.2&optimizer-race.gd=0");
    await expect(race.locator("#optimizer-race-surface")).toHaveValue("rosenbrock");
    await expect(race.locator("#optimizer-race-adamLr + input")).toHaveValue("0.2");
    await expect(race.locator('tr[data-optimizer="gd"]')).toHaveAttribute("data-status", "off");
    await expect(race.locator('tr[data-optimizer="adam"] td').first()).toContainText("lr 0.2");
  });

  test("picking a surface loads its start point and learning rates", async ({ page }) => {
    const race = await open(page, "dl-optimizer-race");
    await race.locator("#optimizer-race-surface").selectOption("rosenbrock");
    await expect(race.locator("#optimizer-race-x0 + input")).toHaveValue("-1.5");
    await expect(race.locator("#optimizer-race-gdLr + input")).toHaveValue("0.001");
    await expect(race.locator("tr[data-status=diverged]")).toHaveCount(0);
  });
});

test.describe("momentum explorer", () => {
  test("matching the learning rates makes the two forms trace the same path", async ({ page }) => {
    const explorer = await open(page, "dl-momentum-explorer");
    const distance = explorer.locator("dd[data-distance]");
    expect(Number(await distance.getAttribute("data-distance"))).toBeGreaterThan(1);
    await explorer.getByRole("button", { name: "Match learning rates" }).focus();
    await page.keyboard.press("Space");
    await expect(explorer.locator("#momentum-explorer-lrPytorch + input")).toHaveValue("0.0038");
    await expect.poll(async () => Number(await distance.getAttribute("data-distance"))).toBeLessThan(1e-12);
    await expect(explorer.locator("[data-figure] .dl-note")).toContainText("Matched");
  });

  test("the form toggle switches the weights and the effective step between 1 and 1/(1 − β)", async ({ page }) => {
    const explorer = await open(page, "dl-momentum-explorer");
    const readouts = explorer.locator(".dl-readouts");
    const step = readouts.locator("dt", { hasText: "constant gradient" });
    await expect(step).toContainText("1, as for plain GD");
    await expect(step.locator("+ dd")).toHaveText("1");
    await explorer.locator("#momentum-explorer-form").selectOption("pytorch");
    await expect(step).toContainText("1/(1 − β)");
    await expect(step.locator("+ dd")).toHaveText("10");
    const beta = explorer.locator("#momentum-explorer-beta + input");
    await beta.fill("0.5");
    await beta.press("Enter");
    await expect(step.locator("+ dd")).toHaveText("2");
  });
});
