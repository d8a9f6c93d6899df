// Chapter 8's widgets and cells: the RNN stepper reaches its last step by keyboard and agrees with the engine's
// layer, the gradient-through-time chart vanishes and explodes with the recurrent-weight scale, forcing f = 1 makes
// the LSTM recall every symbol, the trainer learns while the page stays responsive and stops on divergence with no
// console error, its learning-rate slider moves in tenths of a decade and shows the rate, its held-out loss is
// plotted next to the training loss (and rises on the text while the training loss falls), and every cell's Run
// prints its expected output.
import { test, expect, type Page } from "@playwright/test";
import { watch } from "./watch";

const CH8 = "chapters/08-rnns-and-lstms/";

async function open(page: Page, selector: string) {
  await page.goto(CH8);
  const widget = page.locator(selector);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  return widget;
}

/** Moves the sequence trainer's log learning-rate slider by keyboard until it shows `rate`. */
async function setRate(page: Page, rate: string) {
  const slider = page.locator("#sequence-trainer-logLr"),
    output = page.locator("#sequence-trainer-logLr + output");
  await slider.focus();
  await slider.press("Home");
  for (let k = 0; k < 40 && (await output.textContent()) !== rate; k++) await slider.press("ArrowRight");
  await expect(output).toHaveText(rate);
}

/** Sets a slider through its number box (Enter commits it). */
async function setNumber(page: Page, id: string, value: string) {
  const box = page.locator(`#${id} + input`);
  await box.fill(value);
  await box.press("Enter");
}

test("the RNN stepper walks all ten steps by keyboard, and every h_t agrees with the engine's layer", async ({ page }) => {
  const w = await open(page, "dl-rnn-stepper");
  const indicator = w.locator(".dl-rnn-indicator");
  await expect(indicator).toHaveText("step 1 of 10");
  await expect(w.locator(".dl-rnn-table tbody tr").nth(2)).toContainText("0"); // W_hh·h_0 = 0 at step 1
  await w.locator("[data-figure]").focus();
  await page.keyboard.press("ArrowLeft"); // before the first step it stays put
  await expect(indicator).toHaveText("step 1 of 10");
  for (let k = 2; k <= 10; k++) {
    await page.keyboard.press("ArrowRight");
    await expect(indicator).toHaveText(`step ${k} of 10`);
    await expect(w.locator("[data-agree]")).toHaveAttribute("data-agree", "true");
  }
  await page.keyboard.press("ArrowRight");
  await expect(indicator).toHaveText("step 10 of 10");
  await page.keyboard.press("Home");
  await expect(indicator).toHaveText("step 1 of 10");
  await page.keyboard.press("End");
  await expect(indicator).toHaveText("step 10 of 10");
  // Play from the last step starts again at step 1 and advances by itself.
  await w.getByRole("button", { name: "Play" }).click();
  await expect(indicator).toHaveText("step 2 of 10", { timeout: 5_000 });
  await w.getByRole("button", { name: "Pause" }).click();
});

test("gradient through time vanishes at scale 0.5 and explodes at scale 2 for the RNN", async ({ page }) => {
  const w = await open(page, "dl-gradient-through-time");
  const status = w.locator(".dl-gtt-status");
  await setNumber(page, "gradient-through-time-scale", "0.5");
  await expect(status).toHaveAttribute("data-regime", "vanishing");
  await setNumber(page, "gradient-through-time-scale", "2");
  await expect(status).toHaveAttribute("data-regime", "exploding");
  await setNumber(page, "gradient-through-time-length", "100");
  await setNumber(page, "gradient-through-time-scale", "2.5");
  await expect(status).toHaveAttribute("data-regime", "exploding");
  await expect(w.locator("[data-figure] svg").first()).toBeVisible();
});

test("forcing f = 1 makes the hand-set LSTM recall every symbol across a gap of 80", async ({ page }) => {
  const w = await open(page, "dl-lstm-gates");
  const accuracy = w.locator(".dl-readouts dd").first();
  const before = await accuracy.textContent();
  expect(before).not.toBe("100 %");
  await setNumber(page, "lstm-gates-gap", "80");
  await w.locator("#lstm-gates-forceForget").check();
  await expect(accuracy).toHaveText("100 %");
  await expect(w.locator(".dl-note").first()).toContainText("forced to 1");
});

test("the sequence trainer learns while the page stays responsive, and a diverging run stops with 'diverged'", async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-sequence-trainer");
  const dd = (k: number) => w.locator(".dl-readouts dd").nth(k);
  const heldOut = Number(await dd(3).textContent());
  await w.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => Number((await dd(0).textContent())!.replace(/,/g, "")), { timeout: 15_000 }).toBeGreaterThan(100);
  // Frames keep coming while it trains: 20 animation frames within two seconds.
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let n = 0;
        const start = performance.now();
        const tick = () => (++n >= 20 || performance.now() - start > 2000 ? resolve(n) : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
  );
  expect(frames).toBe(20);
  await expect.poll(async () => Number(await dd(3).textContent()), { timeout: 15_000 }).toBeLessThan(heldOut / 5);
  await w.getByRole("button", { name: "Pause" }).click();
  // Plain gradient descent without clipping diverges within a few updates.
  await w.locator("#sequence-trainer-optimizer").selectOption("sgd");
  await setRate(page, "0.1");
  await w.locator("#sequence-trainer-clip").uncheck();
  await w.getByRole("button", { name: "Play" }).click();
  await expect(dd(4)).toHaveText("diverged", { timeout: 10_000 });
  await expect(w.locator(".dl-st-diverged")).toContainText("Diverged at update");
  await expect(w.getByRole("button", { name: "Play" })).toBeVisible(); // stopped by itself
  await w.getByRole("button", { name: "Reset weights" }).click();
  await expect(dd(0)).toHaveText("0");
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("the sequence trainer's text task writes a sample that changes as it trains", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-sequence-trainer");
  await w.locator("#sequence-trainer-task").selectOption("chars");
  const sample = w.locator(".dl-st-sample");
  await expect(sample).toContainText("a recurrent network");
  const before = await sample.textContent();
  expect(before!.length).toBeGreaterThan(80);
  await w.getByRole("button", { name: "Train 50 updates" }).click();
  await expect.poll(() => sample.textContent()).not.toBe(before);
  expect(Number(await w.locator(".dl-readouts dd").nth(2).textContent())).toBeLessThan(3.3); // training loss, last batch
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("the sequence trainer's learning-rate slider moves in tenths of a decade and shows the rate itself", async ({ page }) => {
  const w = await open(page, "dl-sequence-trainer");
  const slider = w.locator("#sequence-trainer-logLr"),
    output = w.locator("#sequence-trainer-logLr + output");
  await expect(w.getByText("Learning rate η (log scale)")).toBeVisible();
  await expect(output).toHaveText("0.0032");
  await expect(slider).toHaveAttribute("aria-valuetext", "0.0032");
  await slider.focus();
  await slider.press("Home");
  await expect(output).toHaveText("0.001");
  await slider.press("ArrowRight");
  await expect(output).toHaveText("0.0013"); // 10^−2.9
  for (let k = 0; k < 9; k++) await slider.press("ArrowRight");
  await expect(output).toHaveText("0.01"); // one decade is ten steps
  await expect(slider).toHaveAttribute("aria-valuetext", "0.01");
  await slider.press("End");
  await expect(output).toHaveText("2");
  await expect(w.locator(".dl-chart-description").last()).toContainText("learning rate 2,");
  await setRate(page, "0.02");
  await expect(w.locator(".dl-chart-description").last()).toContainText("learning rate 0.02,");
});

test("the sequence trainer plots a held-out loss next to the training loss; on the text it rises as the network memorises", async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL!).origin);
  const w = await open(page, "dl-sequence-trainer");
  const lossChart = w.locator("[data-figure] > div").last();
  // The legend (in the chart's figure, outside the data table) names both lines.
  await expect(lossChart.locator("figure").first()).toContainText("held-out");
  await expect(lossChart.locator("figure").first()).toContainText("training");
  await expect(lossChart.locator("svg [stroke-dasharray]")).toHaveCount(1);
  await w.locator("#sequence-trainer-task").selectOption("chars");
  await w.locator("#sequence-trainer-hidden + input").fill("32");
  await w.locator("#sequence-trainer-hidden + input").press("Enter");
  await setRate(page, "0.02");
  await expect(w.locator(".dl-readouts dt").nth(3)).toHaveText("Held-out loss per character");
  const untrained = Number(await w.locator(".dl-readouts dd").nth(3).textContent());
  expect(Math.abs(untrained - Math.log(26))).toBeLessThan(0.1);
  for (let k = 0; k < 8; k++) await w.getByRole("button", { name: "Train 50 updates" }).click();
  // The updates run a slice per frame after each click (the page stays responsive): on a loaded machine 400 take a while.
  await expect(w.locator(".dl-readouts dd").nth(0)).toHaveText("400", { timeout: 60_000 });
  // The data table under the loss chart: update, training, held-out; its last row is the latest point.
  const cells = await lossChart.locator("table tbody tr").last().locator("td, th").allTextContents();
  expect(Number(cells[0].replace(/,/g, ""))).toBe(400);
  expect(Number(cells[1])).toBeLessThan(0.5);
  expect(Number(cells[2])).toBeGreaterThan(untrained);
  const shown = Number(await w.locator(".dl-readouts dd").nth(3).textContent());
  expect(Math.abs(shown - Number(cells[2]))).toBeLessThan(0.01 * Number(cells[2])); // the readout is the latest point, rounded
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("every chapter 8 cell prints its expected output", async ({ page }) => {
  await page.goto(CH8);
  for (const id of ["ch8-rnn-forward", "ch8-bptt-check", "ch8-lstm-step", "ch8-param-counts"]) {
    const cell = page.locator(`dl-cell#${id}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.locator("[data-action=run]").click();
    await expect(cell.locator("[data-status]")).toContainText("Matches the expected output", { timeout: 15_000 });
  }
});
