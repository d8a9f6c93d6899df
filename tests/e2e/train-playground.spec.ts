// The training playground (chapter 3): frame rate while training, the reader's own points by click,
// keyboard and CSV, Step and Play/Pause, pausing out of view, and divergence without an error.
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

const readout = (w: Locator, name: string) =>
  w.locator("dt", { hasText: new RegExp(`^${name}$`) }).locator("xpath=following-sibling::dd[1]");
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
      new Promise<{ frames: number; ms: number }>((resolve) => {
        let n = 0;
        const start = performance.now();
        const tick = (now: number) => {
          n++;
          if (now - start < 3000) requestAnimationFrame(tick);
          else resolve({ frames: n, ms: now - start });
        };
        requestAnimationFrame(tick);
      }),
  );
  const stepsPerSecond = await number(readout(w, "Steps per second"));
  const after = await number(readout(w, "Step"));
  await w.getByRole("button", { name: "Pause" }).click();
  const fps = (frames.frames * 1000) / frames.ms;
  const perf = { fps: Math.round(fps * 10) / 10, stepsPerSecond, stepsInRun: after - before, seconds: Math.round(frames.ms) / 1000 };
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/train-playground-perf.json", JSON.stringify(perf, null, 2));
  console.log("train-playground perf:", JSON.stringify(perf));
  // The frame rate is recorded in test-results (goal: 60); the assertion only catches
  // a page that training freezes, since a loaded machine alone can halve the rate.
  expect(fps).toBeGreaterThanOrEqual(10);
  expect(after).toBeGreaterThan(before);
  expect(stepsPerSecond).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("Step advances training by one step and updates the loss; Play/Pause leaves it paused", async ({ page }) => {
  const { w } = await open(page);
  const loss = readout(w, "Loss \\(last mini-batch\\)");
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
  await w.locator(".dl-tp-heatmap summary").click();
  await expect(w.locator(".dl-tp-heatmap table")).toContainText("0.25");
});

test("pasted CSV is checked line by line, then trains", async ({ page }) => {
  const { w } = await open(page);
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
  await w.getByLabel("Learning rate", { exact: true }).selectOption("100");
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
