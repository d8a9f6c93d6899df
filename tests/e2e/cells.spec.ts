// Notebook cells on the real chapter page: run, edit, Ctrl+Enter, shared state, time limit, Stop,
// error lines, saved edits and reset, shared links that show code without running it, and the
// time from Run to output (written to test-results/cell-timing.json).
import { test, expect, type Page, type Locator } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { switchTheme } from "./theme";
import { watch, reportCspViolations } from "./watch";
import { edit } from "./cell-editor";

const PAGE = "chapters/00-before-you-start/";
const first = (page: Page) => page.locator("dl-cell#ch0-shapes");
const second = (page: Page) => page.locator("dl-cell#ch0-columns");
const log = (cell: Locator) => cell.locator(".dl-cell-log");
const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");

test.beforeEach(async ({ page }) => {
  await reportCspViolations(page);
});

test("Cell runs against the engine, prints shapes and matches its expected output", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(PAGE);
  const cell = first(page);
  await expect(cell.locator("[data-view] pre")).toContainText("matmul(W, X)");
  await cell.locator("[data-action=run]").click();
  await expect(log(cell)).toHaveText("X [3, 2] W [4, 3] Z [4, 2]");
  await expect(cell.locator("[data-status]")).toContainText("Matches the expected output");
  expect(problems.console).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});

test("Cell editor runs edited code with Ctrl+Enter and the edit survives a reload until Reset", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  await edit(page, cell, 'const v = Tensor.from([1, 2, 3]);\nconsole.log("sum", sum(v));');
  await expect(cell.locator("[data-edited]")).toBeVisible();
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("sum 6");
  await expect(cell.locator("[data-status]")).toContainText("Differs from the expected output");

  await page.reload();
  await expect(cell.locator(".cm-content")).toContainText("sum(v)");
  await expect(cell.locator("[data-notice]")).toContainText("edited version");
  await expect(cell.locator("[data-output]")).toBeHidden();
  await cell.locator("[data-action=reset]").click();
  await expect(cell.locator("[data-view] pre")).toBeVisible();
  await expect(cell.locator(".cm-editor")).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dlf.cell.v1:")))).toEqual([]);
  await page.reload();
  await expect(cell.locator("[data-view] pre")).toBeVisible();
  await expect(cell.locator("[data-edited]")).toBeHidden();
});

test("Cells share names in page order; Run all above; editing a cell marks later ones stale", async ({ page }) => {
  await page.goto(PAGE);
  const cell2 = second(page);
  await cell2.locator("[data-action=run]").click();
  await expect(cell2.locator(".dl-cell-error")).toContainText("ReferenceError");
  await expect(cell2.locator(".dl-cell-hint")).toContainText("Run all above");
  await cell2.locator("[data-action=above]").click();
  await expect(log(first(page))).toHaveText("X [3, 2] W [4, 3] Z [4, 2]");
  await cell2.locator("[data-action=run]").click();
  await expect(log(cell2)).toContainText("one column per house");
  await expect(log(cell2)).toContainText("-0.65");
  await expect(cell2.locator("[data-status]")).toContainText("Matches the expected output");

  await edit(page, first(page), "const Z = Tensor.zeros([2, 2]);\nconst X = Z;");
  await expect(cell2.locator("[data-stale]")).toBeVisible();
  await page.keyboard.press("Control+Enter");
  await expect(first(page).locator("[data-status]")).toContainText("Ran in");
  await cell2.locator("[data-action=run]").click();
  await expect(log(cell2)).toContainText("Tensor [2 × 2]");
  await expect(cell2.locator("[data-stale]")).toBeHidden();
});

test("an endless loop is stopped by the time limit, the page stays responsive and the notebook restarts", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  // Something to lose: a name defined before the loop.
  await second(page).locator("[data-action=above]").click();
  await expect(log(cell)).toHaveText(/Z \[4, 2\]/);
  await edit(page, cell, "let i = 0;\nwhile (true) { i++; }");
  await cell.locator("[data-timeout-input]").fill("1");
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator("[data-action=stop]")).toBeVisible();
  // The main thread answers while the worker spins.
  const t0 = Date.now();
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  await page.locator("dl-cell#ch0-columns [data-timeout-input]").fill("5");
  expect(Date.now() - t0).toBeLessThan(900);
  await expect(cell.locator(".dl-cell-error")).toContainText("Stopped after 1 s", { timeout: 5000 });
  await expect(cell.locator("[data-action=stop]")).toBeHidden();
  // A fresh worker: the earlier names are gone.
  await second(page).locator("[data-action=run]").click();
  await expect(second(page).locator(".dl-cell-error")).toContainText("Z is not defined");
});

test("Stop ends a long computation at once", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  await edit(page, cell, "for (;;) {}");
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator("[data-action=stop]")).toBeVisible();
  await cell.locator("[data-action=stop]").click();
  await expect(cell.locator(".dl-cell-error")).toContainText("Stopped.");
  await page.keyboard.press("Control+Enter"); // focus is on the page, not the editor: nothing runs
  await cell.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("console.log('alive')");
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("alive");
});

test("an error shows its line in the reader's code, for runtime and syntax errors", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  await edit(page, cell, "// a comment\ntype T = number;\nconst a: T = 1;\nmatmul(Tensor.zeros([2, 3]), Tensor.zeros([2, 3]));");
  await page.keyboard.press("Control+Enter");
  await expect(cell.locator(".dl-cell-error")).toContainText("Line 4: RangeError: matmul");
  await expect(cell.locator(".dl-cell-error")).toHaveAttribute("data-line", "4");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("const a = 1;\nconst b = ;");
  await page.keyboard.press("Control+Enter");
  await expect(cell.locator(".dl-cell-error")).toContainText("Line 2: SyntaxError");
  // The page is unharmed: the other cell still runs.
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("console.log(1)");
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("1");
});

test("a shared link shows its code but runs nothing until Run; Copy link makes such a link", async ({ page }) => {
  const code = 'console.log("from a link")';
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`${PAGE}?ch0-shapes.code=${b64url(code)}#ch0-shapes`);
  const cell = first(page);
  await expect(cell.locator(".cm-content")).toHaveText(code);
  await expect(cell.locator("[data-notice]")).toContainText("has not been run");
  await page.waitForTimeout(500);
  await expect(cell.locator("[data-output]")).toBeHidden();
  expect(workers).toEqual([]);
  await cell.locator("[data-action=run]").click();
  await expect(log(cell)).toHaveText("from a link");

  await cell.locator("[data-action=share]").click();
  const link = await cell.getAttribute("data-link");
  expect(link).toContain(`ch0-shapes.code=${b64url(code)}`);
  expect(new URL(link!).hash).toBe("#ch0-shapes");
});

test("cell code cannot reach the page or the network", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  await edit(page, cell, "console.log(typeof document, typeof localStorage, typeof fetch, typeof importScripts, typeof XMLHttpRequest);");
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("undefined undefined undefined undefined undefined");
});

test("cell charts and tables: plot() draws with Plot, table() shows a tensor", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(PAGE);
  const cell = first(page);
  await edit(
    page,
    cell,
    'table(Tensor.from([[1, 2], [3, 4]]));\nplot({ title: "A parabola", marks: [{ mark: "lineY", data: [0, 1, 4, 9, 16] }] });',
  );
  await page.keyboard.press("Control+Enter");
  await expect(cell.locator(".dl-cell-table td")).toHaveText(["1", "2", "3", "4"]);
  await expect(cell.locator(".dl-cell-chart svg[role=img]")).toHaveAttribute("aria-label", "A parabola");
  expect(problems.console).toEqual([]);
});

test("a large table comes a slice a frame, whole, in order and before what the cell printed after it", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  await edit(
    page,
    cell,
    'table(Array.from({ length: 100 }, (_, i) => Array.from({ length: 20 }, (_, j) => i * 100 + j)));\nconsole.log("after");',
  );
  // Count the table's rows at every frame while it is drawn: more than one frame, none of them the whole table at once.
  const counts = page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        const frame = () => {
          const n = document.querySelectorAll("dl-cell#ch0-shapes .dl-cell-table tbody tr").length;
          if (n > 0 && seen.at(-1) !== n) seen.push(n);
          if (n === 100) resolve(seen);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
  await page.keyboard.press("Control+Enter");
  const slices = await counts;
  expect(slices.length).toBeGreaterThan(1);
  expect(slices[0]).toBeLessThan(100);
  const rows = cell.locator(".dl-cell-table tbody tr");
  await expect(rows).toHaveCount(100);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1].textContent))).toEqual(
    Array.from({ length: 100 }, (_, i) => String(i * 100)),
  );
  // The line printed after table() stands after the whole table.
  const order = await cell.locator("[data-output-body] > *").evaluateAll((els) => els.map((e) => e.className));
  expect(order).toEqual(["dl-cell-table", "dl-cell-log"]);
  await expect(log(cell)).toHaveText("after");
});

test("a cell works from the keyboard: Enter on the code opens the editor, Ctrl+Enter runs, Tab leaves", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  await cell.locator("[data-view] pre").focus();
  await page.keyboard.press("Enter");
  await expect(cell.locator(".cm-content")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("console.log(mean(Tensor.from([1, 2, 3])))");
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("2");
  await page.keyboard.press("Tab");
  await expect(cell.locator(".cm-content")).not.toBeFocused();
});

test("a cell with its editor, output, table, chart and error has no axe violations in light mode, nor contrast ones in dark mode", async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem("starlight-theme", "light"));
  await page.goto(PAGE);
  await second(page).locator("[data-action=run]").click();
  await expect(second(page).locator(".dl-cell-hint")).toBeVisible();
  await edit(
    page,
    first(page),
    'table(Tensor.from([[1, 2], [3, 4]]));\nplot({ marks: [{ mark: "dot", data: [1, 4, 9] }] });\nconsole.log("x");\nnull.x;',
  );
  await page.keyboard.press("Control+Enter");
  await expect(first(page).locator(".dl-cell-error")).toBeVisible();
  await expect(first(page).locator(".dl-cell-chart svg")).toBeVisible();
  const violations = async (rules?: string[]) => {
    const axe = new AxeBuilder({ page }).include("figure.dl-cell");
    const results = await (rules ? axe.withRules(rules) : axe).analyze();
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };
  expect(await violations(), "light mode").toEqual([]);
  // The theme changes colours only: dark mode needs the contrast rule.
  await switchTheme(page, "dark");
  expect(await violations(["color-contrast"]), "dark mode").toEqual([]);
});

/** Milliseconds from a click on Run to the first printed line, measured in the page. */
/**
 * Presses Run on cell `id` and resolves with the time to its first printed line. It first waits for the cell's
 * previous run to end, which can come after that run's output: a press before it waits for it, and the wait is
 * not Run's time. (Such a press used to be dropped, and on a loaded CI machine this test waited for output that
 * never came.)
 */
async function timeRun(page: Page, id: string): Promise<number> {
  await expect(page.locator(`dl-cell#${id}`)).not.toHaveAttribute("data-running");
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const cell = document.getElementById(id)!;
        const body = cell.querySelector("[data-output-body]")!;
        let t0 = 0;
        const limit = setTimeout(() => {
          seen.disconnect();
          reject(new Error(`no output from ${id} in 30 s: ${cell.querySelector("[data-status]")?.textContent}`));
        }, 30_000);
        const seen = new MutationObserver(() => {
          if (body.querySelector(".dl-cell-log")) {
            seen.disconnect();
            clearTimeout(limit);
            resolve(performance.now() - t0);
          }
        });
        seen.observe(body, { childList: true, subtree: true });
        t0 = performance.now();
        (cell.querySelector("[data-action=run]") as HTMLButtonElement).click();
      }),
    id,
  );
}

test("Run pressed again while the cell still runs is kept: the cell runs once more when the first run ends", async ({ page }) => {
  await page.goto(PAGE);
  const cell = first(page);
  // Prints at once, then stays busy: the second press lands between the output and the run's end.
  await edit(
    page,
    cell,
    "globalThis.n = (globalThis.n ?? 0) + 1;\nconsole.log(`run ${n}`);\nconst t = Date.now();\nwhile (Date.now() - t < 1500) {}",
  );
  await cell.locator("[data-action=run]").click();
  await expect(log(cell)).toHaveText("run 1");
  await expect(cell).toHaveAttribute("data-running");
  await cell.locator("[data-action=run]").click();
  await expect(log(cell)).toHaveText("run 2");
  await expect(cell).toHaveAttribute("data-done", "ok");
  // Exactly once more: a third run never starts.
  await page.waitForTimeout(500);
  await expect(cell).not.toHaveAttribute("data-running");
  await expect(log(cell)).toHaveText("run 2");
});

test("Run to output for a one-line cell, cold and warm", async ({ page }) => {
  // Cold: a fresh page whose one-line cell came from a link, so nothing has run and no worker exists.
  await page.goto(`${PAGE}?ch0-shapes.code=${b64url("console.log(1 + 1)")}`);
  await expect(first(page).locator(".cm-content")).toBeVisible();
  const cold = await timeRun(page, "ch0-shapes");
  await expect(log(first(page))).toHaveText("2");
  const warm: number[] = [];
  for (let k = 0; k < 5; k++) warm.push(await timeRun(page, "ch0-shapes"));
  await expect(log(first(page))).toHaveText("2");
  // Cold from nothing: the page has loaded only the bootstrap; Run loads the notebook and starts the worker.
  await page.goto(PAGE);
  const coldFromScratch = await timeRun(page, "ch0-shapes");
  const median = [...warm].sort((a, b) => a - b)[2];
  const result = {
    cell: "console.log(1 + 1)",
    coldMs: Math.round(cold),
    warmMedianMs: Math.round(median * 10) / 10,
    warmMs: warm.map((w) => Math.round(w * 10) / 10),
    coldFromScratchMs: Math.round(coldFromScratch),
    note: "coldFromScratch runs the chapter's 15-line cell",
  };
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/cell-timing.json", JSON.stringify(result, null, 2));
  console.log("cell timing", JSON.stringify(result));
  // Times are recorded (test-results/cell-timing.json, the closing note), not asserted: a shared machine's
  // load moves them several-fold. What must hold is that every run printed its output.
  await expect(log(first(page))).not.toBeEmpty();
  expect([cold, ...warm, coldFromScratch].every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);
});
