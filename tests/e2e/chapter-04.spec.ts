// Chapter 4's own behaviour: every code cell runs in page order in the browser and prints exactly its
// expected output (the hand-written update rules agree with the engine's optimizers), the chapter
// carries a callout for each of its errata, and its six widgets hydrate without a console error.
// The widgets' detailed behaviour is in optimizer-widgets.spec.ts and optimizer-internals.spec.ts.
import { test, expect } from "@playwright/test";
import { watch } from "./watch";

const CH4 = "chapters/04-optimization-algorithms/";

/** The cells in page order; later ones use names (X, Y, cost, path) that earlier ones define. */
const CELLS = [
  "ch4-gd",
  "ch4-limit",
  "ch4-sgd",
  "ch4-noise",
  "ch4-momentum",
  "ch4-terminal",
  "ch4-nesterov",
  "ch4-eigen",
  "ch4-rates",
  "ch4-race30",
  "ch4-adagrad",
  "ch4-rmsprop",
  "ch4-eps",
  "ch4-adam",
  "ch4-bias",
  "ch4-l2",
  "ch4-adamw",
  "ch4-house",
  "ch4-schedules",
];

test("every cell runs in page order and prints its expected output", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(CH4);
  await expect(page.locator("dl-cell")).toHaveCount(CELLS.length);
  const ids = await page.locator("dl-cell").evaluateAll((cells) => cells.map((c) => c.id));
  expect(ids).toEqual(CELLS);
  for (const id of CELLS) {
    const cell = page.locator(`dl-cell#${id}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.locator("[data-action=run]").click();
    await expect(cell.locator("[data-status]"), id).toContainText("Matches the expected output", { timeout: 20_000 });
  }
  // Spot checks of what the text claims: identical numbers, the 2/κ limit, Adam's first step of η.
  await expect(page.locator("dl-cell#ch4-gd .dl-cell-log")).toContainText("identical: true");
  await expect(page.locator("dl-cell#ch4-limit .dl-cell-log")).toContainText("η = 0.21: f after 100 steps = 9.50e+8");
  await expect(page.locator("dl-cell#ch4-adam .dl-cell-log")).toContainText("t = 1: θ = 0.499000, 0.501000");
  await expect(page.locator("dl-cell#ch4-race30 .dl-cell-log")).toContainText("ρ flat 0.9247, ρ steep 1.2970");
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("a later cell run on its own names what it lacks; after Run all above it matches", async ({ page }) => {
  await page.goto(CH4);
  const cell = page.locator("dl-cell#ch4-nesterov");
  await cell.scrollIntoViewIfNeeded();
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator(".dl-cell-error")).toContainText("ReferenceError");
  await cell.locator("[data-action=above]").click();
  await expect(page.locator("dl-cell#ch4-momentum [data-status]")).toContainText("Matches the expected output", { timeout: 30_000 });
  await expect(page.locator("dl-cell#ch4-terminal [data-status]")).toContainText("Matches the expected output", { timeout: 30_000 });
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator("[data-status]")).toContainText("Matches the expected output", { timeout: 20_000 });
});

test("the chapter has a common-mistake callout for each of its errata", async ({ page }) => {
  await page.goto(CH4);
  const links = await page.locator(".dl-mistake-link a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash));
  const expected = ["#e27", "#e28", "#e29", "#e30", "#e31", "#e32", "#e33", "#e34", "#e35", "#e36", "#e37", "#e38", "#e39", "#e40", "#e67"];
  expect([...new Set(links)].sort()).toEqual(expected);
  // Each entry exists on the errata page and names this chapter.
  await page.goto("chapters/errata/");
  for (const hash of expected) await expect(page.locator(hash)).toHaveCount(1);
});

test("the six widgets sit on the page with their default ids and hydrate without a console error", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(CH4);
  for (const [tag, id] of [
    ["dl-batch-size", "batch-size"],
    ["dl-momentum-explorer", "momentum-explorer"],
    ["dl-momentum-dynamics", "momentum-dynamics"],
    ["dl-inside-adam", "inside-adam"],
    ["dl-adamw-vs-l2", "adamw-vs-l2"],
    ["dl-optimizer-race", "optimizer-race"],
  ]) {
    const widget = page.locator(`${tag}#${id}`);
    await widget.scrollIntoViewIfNeeded();
    await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
    await expect(widget.locator("[data-figure] svg").first()).toBeVisible();
  }
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});
