// The training playground (chapter 3): frame rate while training, the layout (Play beside the heatmap on a laptop
// and a phone), layers, unit maps, features, the split, noise, penalties, the log learning-rate slider, disabled
// controls with reasons, the reader's own points by click, keyboard and CSV, Step and Play/Pause, pausing out of
// view, divergence without an error, and axe in light and dark.
import AxeBuilder from "@axe-core/playwright";
import { switchTheme } from "./theme";
import { test, expect, type Locator, type Page } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";

const CH3 = "chapters/03-training-neural-networks/";

async function open(page: Page): Promise<{ w: Locator; errors: string[] }> {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(CH3);
  const w = page.locator("dl-train-playground");
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  return { w, errors };
}

/** Unfolds a settings group (a <details>) by its summary, if it is folded. */
async function unfold(w: Locator, name: string): Promise<void> {
  const details = w.locator("details.dl-settings", { has: w.page().locator("summary", { hasText: name }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
}

const readout = (w: Locator, name: string) =>
  w.locator("dt", { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).locator("xpath=following-sibling::dd[1]");
const number = async (l: Locator) => Number((await l.innerText()).replace(/,/g, ""));
const pointCount = async (w: Locator) =>
  Number((await w.locator(".dl-tp-heatmap .dl-chart-description").innerText()).match(/\((\d+) points/)![1]);

test("training the default network keeps the page drawing frames and reports its steps per second", async ({ page }) => {
  const { w, errors } = await open(page);
  await w.locator(".dl-tp-heatmap").scrollIntoViewIfNeeded();
  const before = await number(readout(w, "Step"));
  await w.getByRole("button", { name: "Play" }).click();
  // Count animation frames on the page while the widget trains.
  const frames = await page.evaluate(
    () =>
      new Promise<{ frames: number; ms: number; longestGap: number }>((resolve) => {
        let n = 0,
          last = performance.now(),
          longestGap = 0;
        const start = last;
        const tick = (now: number) => {
          n++;
          longestGap = Math.max(longestGap, now - last);
          last = now;
          if (now - start < 3000) requestAnimationFrame(tick);
          else resolve({ frames: n, ms: now - start, longestGap });
        };
        requestAnimationFrame(tick);
      }),
  );
  const stepsPerSecond = await number(readout(w, "Steps per second"));
  const after = await number(readout(w, "Step"));
  await w.getByRole("button", { name: "Pause" }).click();
  const fps = (frames.frames * 1000) / frames.ms;
  const perf = {
    fps: Math.round(fps * 10) / 10,
    longestGapMs: Math.round(frames.longestGap),
    stepsPerSecond,
    stepsInRun: after - before,
    seconds: Math.round(frames.ms) / 1000,
  };
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/train-playground-perf.json", JSON.stringify(perf, null, 2));
  console.log("train-playground perf:", JSON.stringify(perf));
  // The frame rate is recorded in test-results (goal: 60); the assertion only catches a page that
  // training freezes (no frame for 2 s), since a machine shared by other work alone can cut the rate to a few.
  expect(frames.longestGap).toBeLessThan(2000);
  expect(frames.frames).toBeGreaterThan(3);
  expect(after).toBeGreaterThan(before);
  expect(stepsPerSecond).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("Step advances training by one step and updates the loss; Play/Pause leaves it paused", async ({ page }) => {
  const { w } = await open(page);
  const loss = readout(w, "Last mini-batch loss");
  await expect(loss).toHaveText("–");
  await w.getByRole("button", { name: "Step" }).focus();
  await page.keyboard.press("Enter");
  await expect(readout(w, "Step")).toHaveText("1");
  await expect(loss).toHaveText(/^\d/);
  const play = w.getByRole("button", { name: /^(Play|Pause)$/ });
  for (let i = 0; i < 4; i++) await play.click();
  await expect(play).toHaveText("Play");
  await expect(readout(w, "Status")).toHaveText("paused");
  const step = await readout(w, "Step").innerText();
  await page.waitForTimeout(300);
  await expect(readout(w, "Step")).toHaveText(step);
});

test("the loss chart shows no NaN tick and no clipped label before training, after a step and on the log scale", async ({ page }) => {
  const { w, errors } = await open(page);
  const chart = w.locator(".dl-tp-chart:not(.dl-tp-heatmap) svg").first();
  const check = async (when: string) => {
    await expect(chart).toBeVisible();
    const labels = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll("text")].map((t) => ({
        text: t.textContent ?? "",
        left: t.getBoundingClientRect().left - box.left,
        right: box.right - t.getBoundingClientRect().right,
      }));
    });
    expect(labels.length, when).toBeGreaterThan(2);
    for (const l of labels) {
      expect(l.text, when).not.toContain("NaN");
      expect(l.left, `"${l.text}" ${when}`).toBeGreaterThanOrEqual(0);
      expect(l.right, `"${l.text}" ${when}`).toBeGreaterThanOrEqual(0);
    }
  };
  await check("before training");
  await w.getByRole("button", { name: "Step" }).click();
  await expect(readout(w, "Step")).toHaveText("1");
  await check("after one step");
  await unfold(w, "Training");
  await w.locator("[data-control=logScale]").first().click();
  await check("on the log scale");
  expect(errors).toEqual([]);
});

test("training pauses while the widget is out of view and resumes when it comes back", async ({ page }) => {
  const { w } = await open(page);
  await w.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => number(readout(w, "Step"))).toBeGreaterThan(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const hidden = await number(readout(w, "Step"));
  await page.waitForTimeout(500);
  expect(await number(readout(w, "Step"))).toBe(hidden);
  await w.scrollIntoViewIfNeeded();
  await expect.poll(() => number(readout(w, "Step"))).toBeGreaterThan(hidden);
});

test("a point is added by clicking the heatmap and by the keyboard form", async ({ page }) => {
  const { w } = await open(page);
  expect(await pointCount(w)).toBe(200);
  await unfold(w, "Data and split");
  await w.getByLabel("Clicking the heatmap adds").selectOption("1");
  const svg = w.locator(".dl-tp-heatmap svg");
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => pointCount(w)).toBe(201);
  await expect(w.locator(".dl-tp-heatmap .dl-chart-description")).toContainText("101 of class 1");

  await w.getByLabel("x", { exact: true }).fill("0.25");
  await w.getByLabel("y", { exact: true }).fill("-0.5");
  await w.getByLabel("Class", { exact: true }).selectOption("0");
  await w.getByLabel("y", { exact: true }).press("Enter");
  await expect.poll(() => pointCount(w)).toBe(202);
  await expect(w.locator(".dl-tp-data-status")).toHaveText("Added a class 0 point at (0.25, -0.5).");
  await w.locator(".dl-tp-heatmap details.dl-data-table summary").click();
  await expect(w.locator(".dl-tp-heatmap table")).toContainText("0.25");
});

test("pasted CSV is checked line by line, then trains", async ({ page }) => {
  const { w } = await open(page);
  await unfold(w, "Data and split");
  const csv = w.getByLabel(/Your points as CSV/);
  await csv.fill("x,y,label\n0,0,1\n1,oops,0");
  await w.getByRole("button", { name: "Load these points" }).click();
  await expect(w.locator(".dl-tp-data-status")).toContainText("Line 3");
  expect(await pointCount(w)).toBe(200);
  await csv.fill("0,0,1\n1,1,0\n-1,1,1");
  await w.getByRole("button", { name: "Load these points" }).click();
  await expect(w.locator(".dl-tp-data-status")).toHaveText("Loaded 3 points.");
  expect(await pointCount(w)).toBe(3);
  await w.getByRole("button", { name: "Step" }).click();
  await expect(readout(w, "Step")).toHaveText("1");
  await w.getByRole("button", { name: "Clear all points" }).click();
  await expect(readout(w, "Status")).toHaveText("no points: add some to train");
});

test("a diverging learning rate shows 'diverged' and stops, with no console error", async ({ page }) => {
  const { w, errors } = await open(page);
  await unfold(w, "Features and network");
  await w.getByLabel("Hidden activation g").selectOption("tanh");
  await w.getByLabel("Learning rate", { exact: true }).fill("20");
  await expect(w.locator(".dl-tp-lr-value")).toHaveText("100");
  await w.getByRole("button", { name: "Play" }).click();
  await expect(readout(w, "Status")).toHaveText("diverged", { timeout: 10_000 });
  await expect(w.getByRole("button", { name: /^(Play|Pause)$/ })).toHaveText("Play");
  await expect(w.locator(".dl-note")).toContainText("Training diverged at step");
  const step = await readout(w, "Step").innerText();
  await page.waitForTimeout(300);
  await expect(readout(w, "Step")).toHaveText(step);
  await w.getByRole("button", { name: "Reset weights" }).click();
  await expect(readout(w, "Status")).toHaveText("paused");
  expect(errors).toEqual([]);
});

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`at ${width}x${height} the moving heatmap is on screen together with the Play button`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const { w, errors } = await open(page);
    const play = w.getByRole("button", { name: /^(Play|Pause)$/ });
    // The reader scrolls until Play is near the top of the screen, then plays.
    await play.evaluate((b) => b.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -8));
    await play.click();
    await expect.poll(() => number(readout(w, "Step"))).toBeGreaterThan(0);
    // Measured inside the page in one go: the charts are redrawn (replaced) many times a second while training.
    const inside = async (selector: string, what: string) => {
      const box = await w.evaluate((el, sel) => el.querySelector(sel)?.getBoundingClientRect().toJSON() as DOMRect | undefined, selector);
      expect(box, what).toBeDefined();
      expect(box!.height, `${what} height`).toBeGreaterThan(20);
      expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
      expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `${what} bottom`).toBeLessThanOrEqual(height);
      expect(box!.x + box!.width, `${what} right`).toBeLessThanOrEqual(width);
    };
    await inside("[data-control=play]", "Play");
    await inside(".dl-tp-heatmap > svg", "heatmap");
    await inside(".dl-tp-main", "main controls (Play, Step, Reset, data set, learning rate)");
    if (width >= 1280) {
      await inside(".dl-tp-network svg", "network figure");
      await inside(".dl-tp-loss > svg", "loss chart");
    }
    await play.click();
    expect(errors).toEqual([]);
  });
}

test("adding a hidden layer adds its units to the network figure and enables its width", async ({ page }) => {
  const { w } = await open(page);
  const units = w.locator(".dl-tp-network .dl-tp-unit");
  await expect(units).toHaveCount(8 + 1);
  await expect(w.locator(".dl-tp-network svg")).toHaveAttribute("aria-label", /^Network 2 → 8 → 1/);
  await unfold(w, "Features and network");
  const width2 = w.getByRole("slider", { name: "Units in hidden layer 2", exact: true });
  await expect(width2).toBeDisabled();
  await expect(width2).toHaveAttribute("title", /not in use/);
  await w.getByRole("slider", { name: "Hidden layers", exact: true }).fill("2");
  await expect(units).toHaveCount(8 + 4 + 1);
  await expect(w.locator(".dl-tp-network svg")).toHaveAttribute("aria-label", /^Network 2 → 8 → 4 → 1/);
  await expect(width2).toBeEnabled();
  await width2.fill("3");
  await expect(units).toHaveCount(8 + 3 + 1);
  await w.getByRole("button", { name: "Step" }).click();
  await expect(readout(w, "Step")).toHaveText("1");
});

test("focusing a hidden unit shows its map in the heatmap; leaving it shows the output again", async ({ page }) => {
  const { w } = await open(page);
  const showing = w.locator(".dl-tp-showing");
  const raster = () => w.locator(".dl-tp-heatmap > svg image").first().getAttribute("href");
  await expect(showing).toContainText("the output");
  const before = await raster();
  await w.locator(".dl-tp-network .dl-tp-unit").nth(2).focus();
  await expect(showing).toContainText("hidden layer 1, unit 3");
  await expect(w.locator(".dl-tp-unit-active")).toHaveCount(1);
  expect(await raster()).not.toBe(before);
  await w.getByRole("button", { name: "Step" }).focus();
  await expect(showing).toContainText("the output");
  await w.locator(".dl-tp-network .dl-tp-unit").nth(0).hover();
  await expect(showing).toContainText("hidden layer 1, unit 1");
});

test("toggling x₁² adds an input to the network, and the network still trains", async ({ page }) => {
  const { w } = await open(page);
  await unfold(w, "Features and network");
  const x1sq = w.getByLabel("x₁²", { exact: true });
  await expect(x1sq).not.toBeChecked();
  await x1sq.check();
  await expect(w.locator(".dl-tp-network svg")).toHaveAttribute("aria-label", /^Network 3 → 8 → 1/);
  await expect(w.locator(".dl-tp-network .dl-tp-node-label")).toHaveText(["x₁", "x₂", "x₁²"]);
  const start = await number(readout(w, "Training loss"));
  await w.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => number(readout(w, "Step"))).toBeGreaterThan(500);
  await w.getByRole("button", { name: "Pause" }).click();
  expect(await number(readout(w, "Training loss"))).toBeLessThan(start);
  // The last feature left cannot be unticked: it says why.
  for (const name of ["x₁", "x₂"]) await w.getByLabel(name, { exact: true }).uncheck();
  await expect(x1sq).toBeDisabled();
  await expect(x1sq).toHaveAttribute("title", /at least one input/);
});

test("the test loss is shown next to the training loss, as a number, and as a second line on the loss chart", async ({ page }) => {
  const { w } = await open(page);
  await w.getByRole("button", { name: "Step" }).click();
  for (const name of ["Training loss", "Test loss", "Test accuracy"]) await expect(readout(w, name)).toHaveText(/^\d+(\.\d+)?( %)?$/);
  expect(await number(readout(w, "Test loss"))).toBeGreaterThan(0);
  await expect(w.locator(".dl-tp-loss .dl-chart-description")).toContainText(/dashed: test loss, now \d/);
  await expect(w.locator('.dl-tp-loss > svg [stroke-dasharray="5,3"] path')).toHaveCount(1);
  await w.locator(".dl-tp-loss details.dl-data-table summary").click();
  await expect(w.locator(".dl-tp-loss table")).toContainText("test");
});

test("the ratio slider moves points between training and test, the noise slider moves the points", async ({ page }) => {
  const { w } = await open(page);
  const desc = w.locator(".dl-tp-heatmap .dl-chart-description");
  const split = async () =>
    (await desc.innerText())
      .match(/(\d+) train, (\d+) test/)!
      .slice(1)
      .map(Number);
  const [train70, test70] = await split();
  expect(train70 + test70).toBe(200);
  await unfold(w, "Data and split");
  await w.getByRole("slider", { name: "Training points, % (the rest test)", exact: true }).fill("30");
  await expect.poll(async () => (await split())[0]).toBeLessThan(train70);
  // The points' table is filled when opened (a closed one is drawn without rows), and stays filled while open.
  await w.locator(".dl-tp-heatmap details.dl-data-table summary").click();
  const firstX = async () => (await w.locator(".dl-tp-heatmap table tbody tr").first().locator("td, th").first().textContent()) ?? "";
  await expect.poll(firstX).toMatch(/\d/);
  const x = await firstX();
  expect(x).toMatch(/\d/);
  await w.getByRole("slider", { name: "Noise (σ of the jitter)", exact: true }).fill("0.4");
  await expect.poll(firstX).not.toBe(x);
  expect(await pointCount(w)).toBe(200);
});

test("an L2 penalty shrinks the weights while training, and λ is disabled with a reason until a penalty is chosen", async ({ page }) => {
  const { w } = await open(page);
  await unfold(w, "Training");
  const lambda = w.getByLabel("Penalty strength λ", { exact: true });
  await expect(lambda).toBeDisabled();
  await expect(lambda).toHaveAttribute("title", /No penalty/);
  await w.getByLabel("Speed (steps per frame)").selectOption("100");
  const play = w.getByRole("button", { name: /^(Play|Pause)$/ });
  const trainTo = async (steps: number) => {
    await play.click();
    await expect.poll(() => number(readout(w, "Step")), { timeout: 30_000 }).toBeGreaterThanOrEqual(steps);
    await play.click();
    await expect(play).toHaveText("Play");
  };
  await trainTo(2000);
  const plain = await number(readout(w, "Weight size ‖W‖₂"));
  await w.getByLabel("Weight penalty").selectOption("l2");
  await expect(lambda).toBeEnabled();
  await lambda.selectOption("0.1");
  await expect(readout(w, "Penalty R(W)")).toHaveText(/^\d+(\.\d+)?$/);
  await trainTo((await number(readout(w, "Step"))) + 2000);
  const penalized = await number(readout(w, "Weight size ‖W‖₂"));
  expect(penalized).toBeLessThan(0.8 * plain);
});

test("the log learning-rate slider's position maps to the rate shown and used", async ({ page }) => {
  const { w } = await open(page);
  const slider = w.getByLabel("Learning rate", { exact: true });
  const shown = w.locator(".dl-tp-lr-value");
  await expect(shown).toHaveText("0.03");
  await expect(slider).toHaveValue("6");
  for (const [position, rate] of [
    ["0", "0.001"],
    ["4", "0.01"],
    ["10", "0.3"],
    ["16", "10"],
  ]) {
    await slider.fill(position);
    await expect(shown).toHaveText(rate);
    await expect(slider).toHaveAttribute("aria-valuetext", rate);
    await expect(w.locator(".dl-tp-heatmap .dl-chart-description")).toContainText(`learning rate ${rate} `);
  }
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(shown).toHaveText("5");
});

test("the playground, every group unfolded and a unit focused, has no axe violations in light mode, nor contrast ones in dark mode", async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem("starlight-theme", "light"));
  const { w } = await open(page);
  for (const name of ["Features and network", "Data and split", "Training"]) await unfold(w, name);
  await w.getByRole("button", { name: "Step" }).click();
  const unit = w.locator(".dl-tp-network .dl-tp-unit").first();
  await unit.focus();
  const violations = async (rules?: string[]) => {
    const axe = new AxeBuilder({ page }).include("dl-train-playground");
    const results = await (rules ? axe.withRules(rules) : axe).analyze();
    return results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  };
  expect(await violations(), "light mode").toEqual([]);
  // The theme changes colours only: dark mode needs the contrast rule.
  await switchTheme(page, "dark");
  await unit.focus();
  expect(await violations(["color-contrast"]), "dark mode").toEqual([]);
});
