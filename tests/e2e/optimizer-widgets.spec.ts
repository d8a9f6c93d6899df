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
    // Every optimizer's settings start folded, on every screen size.
    await expect(race.locator(".dl-race-optimizer details[open]")).toHaveCount(0);
    await expect(race.locator(".dl-race-optimizer details")).toHaveCount(6);
    await race.locator(".dl-race-optimizer summary").first().click();
    const box = race.locator("#optimizer-race-gdLr + input");
    await box.fill("1");
    await box.press("Enter");
    await expect(race.locator(".dl-race-notes")).toContainText("Gradient descent diverged at step 7");
    await expect(race.locator('tr[data-optimizer="gd"]')).toHaveAttribute("data-status", "diverged");
    await expect(race.locator('tr[data-optimizer="adam"]')).toHaveAttribute("data-status", "reached");
    // A rate far past any sense still draws: the others keep their paths, the figure is not blank.
    await race.locator(".dl-race-optimizer summary").nth(4).click();
    await race.locator("#optimizer-race-adamLr + input").fill("1");
    await race.locator("#optimizer-race-adamLr + input").press("Enter");
    await expect(race.locator(".dl-race-paths .dl-surface-fg svg")).toHaveCount(1);
    await expect(race.locator("[data-figure] svg")).toHaveCount(1);
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
    const plot = race.locator(".dl-race-paths .dl-surface-fg svg");
    // The plot's frame spans [-3, 3]² on the bowl; its centre is near the minimum.
    const frame = await plot.evaluate((svg) => {
      const s = svg as unknown as { scale(n: string): { apply(v: number): number } };
      const box = svg.getBoundingClientRect(),
        k = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
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

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    test(`at ${width}×${height} Play moves the paths on a contour plot that is in view with the Play button`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const race = await open(page, "dl-optimizer-race");
      const play = race.getByRole("button", { name: "Play" });
      const plot = race.locator(".dl-race-paths .dl-surface-fg svg");
      // A reader scrolls so that the controls start near the top (under the sticky header).
      await race.locator(".dl-race-main").evaluate((el) => {
        el.scrollIntoView({ block: "start" });
        window.scrollBy(0, -80);
      });
      const controls = (await race.locator(".dl-race-main").boundingBox())!;
      // The plot's frame: the contour layer under the paths (the paths' own SVG is redrawn every step).
      const frame = race.locator(".dl-race-paths .dl-surface-bg");
      const box = (await frame.boundingBox())!;
      // Large: at least 300 px wide. Beside the controls on a wide screen, right under them on a phone.
      expect(box.width).toBeGreaterThanOrEqual(300);
      if (width >= 1000) expect(box.x).toBeGreaterThan(controls.x + controls.width);
      else expect(box.y).toBeGreaterThanOrEqual(controls.y + controls.height);
      await race.getByRole("button", { name: "Reset" }).click();
      const before = await plot.innerHTML();
      await play.click();
      // Bring the higher of Play and the plot just under the sticky header, as a reader watching the run
      // would; the layout must then fit both in the viewport.
      await race.evaluate((el) => {
        const a = el.querySelector(".dl-race-paths .dl-surface-bg")!.getBoundingClientRect(),
          b = el.querySelector("[data-control=play]")!.getBoundingClientRect();
        window.scrollBy(0, Math.min(a.top, b.top) - 80);
      });
      const inView = async () => {
        const b = (await frame.boundingBox())!,
          p = (await race.locator("[data-control=play]").boundingBox())!;
        return [b, p].every((r) => r.x >= 0 && r.y >= 0 && r.x + r.width <= width && r.y + r.height <= height);
      };
      expect(await inView()).toBe(true);
      await expect.poll(() => plot.innerHTML()).not.toBe(before);
      const playing = await plot.innerHTML();
      await expect.poll(() => plot.innerHTML()).not.toBe(playing);
      expect(await inView()).toBe(true);
      await race.getByRole("button", { name: "Pause" }).click();
    });
  }

  test("at κ = 30 the table's ρ explains why Nesterov diverges and momentum does not", async ({ page }) => {
    const race = await open(page, "dl-optimizer-race", "?optimizer-race.kappa=30");
    await expect(race.locator('tr[data-optimizer="nesterov"]')).toHaveAttribute("data-status", "diverged");
    await expect(race.locator('tr[data-optimizer="momentum"]')).not.toHaveAttribute("data-status", "diverged");
    await expect(race.locator('tr[data-optimizer="nesterov"] td').last()).toHaveText("1.297: grows, diverges");
    await expect(race.locator('tr[data-optimizer="momentum"] td').last()).toHaveText("0.9487: shrinks");
    await expect(race.locator('tr[data-optimizer="adam"] td').last()).toContainText("adaptive");
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

test.describe("momentum dynamics", () => {
  test("eigen-directions, Nesterov's stability, critical damping and the κ sweep", async ({ page, baseURL }) => {
    const problems = watch(page, new URL(baseURL!).origin);
    const w = await open(page, "dl-momentum-dynamics");
    const readout = (label: string) => w.locator("dt", { hasText: label }).locator("+ dd");
    // The race at κ = 30: eigen-directions are the axes; Nesterov's ρ > 1, momentum's = √0.9.
    await expect(readout("Hessian H")).toHaveText("[[1, 0], [0, 30]]");
    await expect(readout("Eigen-directions")).toContainText("λ₂ = 30 along q₂ = (0, 1)");
    expect(Number(await w.locator("dd[data-method=nesterov]").getAttribute("data-rate"))).toBeGreaterThan(1);
    expect(Number(await w.locator("dd[data-method=momentum]").getAttribute("data-rate"))).toBeCloseTo(Math.sqrt(0.9), 6);
    await expect(w.locator("[data-chart=stability] .dl-chart-description")).toContainText("1.36 for Nesterov");
    // The ravine turns the eigen-directions by 45°.
    await w.locator("#momentum-dynamics-surface").selectOption("ravine");
    await expect(readout("Eigen-directions")).toContainText("q₁ = (0.707, 0.707)");
    // Critical damping: the best pair for κ = 30, on the sliders' grid; ρ near (√30 − 1)/(√30 + 1) = 0.6912.
    await w.getByRole("button", { name: "Critical damping (best momentum)" }).click();
    await expect(w.locator("#momentum-dynamics-lr + input")).toHaveValue("0.0955");
    await expect(w.locator("#momentum-dynamics-beta + input")).toHaveValue("0.48");
    await expect.poll(async () => Number(await w.locator("dd[data-method=momentum]").getAttribute("data-rate"))).toBeLessThan(0.71);
    await expect(w.locator("[data-chart=damping] .dl-chart-description")).toContainText(
      "critically damped at β = 0.477, the steep one at β = 0.48",
    );
    // The κ sweep: at κ = 100 the best rates are 99/101 and 9/11.
    const kappa = w.locator("#momentum-dynamics-kappa + input");
    await kappa.fill("100");
    await kappa.press("Enter");
    await expect(w.locator("[data-chart=kappa] .dl-chart-description")).toContainText(
      "best GD rate is 0.9802 and the best momentum rate is 0.8182",
    );
    expect(problems.console).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});
