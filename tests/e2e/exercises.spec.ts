// The coding exercises page on desktop and phone: a correct solution typed into a cell is graded in the cell
// worker, counts as solved and stays solved after a reload; a wrong one fails naming the case and opens the
// solution button; hints come one at a time. (Axe in light and dark mode and the phone's width: the crawl, crawl.spec.ts.)
import { test, expect, type Page } from "@playwright/test";
import { watch, reportCspViolations } from "./watch";
import { edit } from "./cell-editor";

const PAGE = "exercises/";
const MSE = `function mseLoss(yhat: number[], y: number[]) {
  const n = yhat.length;
  return { loss: yhat.reduce((s, p, i) => s + (p - y[i]) ** 2, 0) / n, grad: yhat.map((p, i) => (2 * (p - y[i])) / n) };
}
checkExercise("mse", mseLoss);`;
// A typical slip: tanh'(z) written as 1 − z² instead of 1 − tanh(z)².
const TANH_WRONG = `function tanhBackward(z: number[], dA: number[]): number[] {
  return z.map((x, i) => dA[i] * (1 - x * x));
}
checkExercise("tanh-backward", tanhBackward);`;

const section = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test.describe(`Exercises page (${name})`, () => {
    test.use({ viewport });
    test.beforeEach(async ({ page }) => reportCspViolations(page));

    test(`a correct solution is graded as solved and stays solved after reload (${name})`, async ({ page, baseURL }) => {
      const problems = watch(page, new URL(baseURL!).origin);
      await page.goto(PAGE);
      const mse = section(page, "mse");
      await expect(mse.locator("[data-ex-status]")).toHaveText("Not solved yet");
      const cell = mse.locator("dl-cell");
      await edit(page, cell, MSE);
      await cell.locator("[data-action=run]").click();
      await expect(cell.locator(".dl-cell-log")).toContainText("✓ Solved: all 4 hidden cases pass.", { timeout: 20_000 });
      await expect(mse.locator("[data-ex-status]")).toHaveText("Solved");
      await expect(page.locator("[data-ex-count]")).toContainText("Solved: 1 of");
      // The solve made the exercise a review card, graduated at once (Easy): next due days from now.
      const card = await page.evaluate(() => JSON.parse(localStorage.getItem("dlf.quiz.v1")!).cards["exercises/mse"]);
      expect(card.state).toBe(2);
      expect(card.due).toBeGreaterThan(Date.now() + 86_400_000);
      await page.reload();
      await expect(section(page, "mse").locator("[data-ex-status]")).toHaveText("Solved");
      await expect(page.locator("[data-ex-count]")).toContainText("Solved: 1 of");
      expect(problems.console).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    });

    test(`a wrong solution fails naming the case, then the solution can be shown (${name})`, async ({ page }) => {
      await page.goto(PAGE);
      const tanh = section(page, "tanh-backward");
      const solution = tanh.locator("[data-ex-solution]");
      await expect(solution).toBeDisabled();
      const cell = tanh.locator("dl-cell");
      await edit(page, cell, TANH_WRONG);
      await cell.locator("[data-action=run]").click();
      const log = cell.locator(".dl-cell-log");
      await expect(log).toContainText(/✗ Not yet: case 1 of 6 \(tanh case with \d entries\) failed\./, { timeout: 20_000 });
      await expect(log).toContainText(/Wrong value at result\[\d\]: expected -?[\d.e-]+, got -?[\d.e-]+\./);
      await expect(tanh.locator("[data-ex-status]")).toHaveText("Not solved yet");
      await expect(solution).toBeEnabled();
      await solution.focus();
      await page.keyboard.press("Enter");
      await expect(tanh.locator("[data-ex-solution-body]")).toBeVisible();
      await expect(tanh.locator("[data-ex-solution-body]")).toContainText("Math.tanh(x) ** 2");
    });

    test(`hints come one at a time on request, by keyboard (${name})`, async ({ page }) => {
      await page.goto(PAGE);
      const adam = section(page, "adam-step");
      const hints = adam.locator("[data-ex-hints] li");
      await expect(hints.first()).toBeHidden();
      const button = adam.locator("[data-ex-hint]");
      await button.focus();
      await page.keyboard.press("Enter");
      await expect(hints.nth(0)).toBeVisible();
      await expect(hints.nth(1)).toBeHidden();
      await expect(button).toHaveText("Show hint 2 of 3");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await expect(hints.nth(2)).toContainText("Approach");
      await expect(button).toBeDisabled();
      await expect(adam.locator("[data-ex-solution-body]")).toBeHidden();
    });
  });
}

test("a recurrent exercise is graded in the cell worker: a right RNN step passes, one without W_h·h_prev fails naming the case", async ({
  page,
}) => {
  await page.goto(PAGE);
  const rnn = section(page, "rnn-step");
  await expect(rnn.locator("h2")).toHaveText(/One step of a tanh RNN/);
  const cell = rnn.locator("dl-cell");
  const step = (
    recurrent: string,
  ) => `function rnnStep(Wx: number[][], Wh: number[][], b: number[], x: number[], hPrev: number[]): number[] {
  return b.map((bi, i) => Math.tanh(Wx[i].reduce((s, w, k) => s + w * x[k], bi)${recurrent}));
}
checkExercise("rnn-step", rnnStep);`;
  await edit(page, cell, step(""));
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator(".dl-cell-log").first()).toHaveText(/✗ Not yet: case 1 of 4 \(I = \d, H = \d\) failed\./, { timeout: 20_000 });
  await edit(page, cell, step(" + Wh[i].reduce((s, w, j) => s + w * hPrev[j], 0)"));
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator(".dl-cell-log").first()).toHaveText("✓ Solved: all 4 hidden cases pass.", { timeout: 20_000 });
  await expect(rnn.locator("[data-ex-status]")).toHaveText("Solved");
});

test("a cell's code keeps its height when it first comes into view: nothing below it moves while the reader scrolls", async ({ page }) => {
  await page.goto(PAGE);
  const edit = section(page, "mse").locator("[data-action=edit]");
  const top = () => edit.evaluate((b) => Math.round(b.getBoundingClientRect().top + window.scrollY));
  const before = await top();
  // Scroll through the page, so every cell's code is shown (and laid out) once.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 400) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  expect(Math.abs((await top()) - before), "px the mse cell's Edit moved").toBeLessThanOrEqual(1);
});
