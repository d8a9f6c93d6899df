// Offline after the first visit: the home page installs the service worker, which precaches the
// course; with the network off, three chapters never visited open, a widget responds, a cell runs,
// search finds a chapter and a quiz question is graded. A rebuild is detected as an update that the
// reader applies with Reload. Runs under the sub-path build too ("offline" in its title).
import { test, expect, type Page } from "@playwright/test";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./pages";
import { watch } from "./watch";
import { everyControlChangesFigure } from "./widgets";
import { writeServiceWorker } from "../../src/build/offline-integration.mjs";
import zhOffline from "../../src/i18n/zh-cn/offline.json" with { type: "json" };
import zhQuiz from "../../src/i18n/zh-cn/quiz.json" with { type: "json" };

test.use({ serviceWorkers: "allow" });
// The update test rewrites sw.js: the two must not overlap.
test.describe.configure({ mode: "serial" });

/** The service workers' states and errors as Chromium reports them, from now on, each change once. */
async function workerHistory(page: Page): Promise<string[]> {
  const history: string[] = [];
  const note = (line: string) => {
    if (history.at(-1) !== line) history.push(line);
  };
  const cdp = await page.context().newCDPSession(page);
  cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const v of versions) note(`v${v.versionId} ${v.status}/${v.runningStatus}`);
  });
  cdp.on("ServiceWorker.workerErrorReported", ({ errorMessage: e }) => note(`error: ${e.errorMessage} (${e.sourceURL}:${e.lineNumber})`));
  await cdp.send("ServiceWorker.enable");
  return history;
}

/** Opens the home page and waits until the worker has precached everything and controls the page. */
async function firstVisit(page: Page) {
  await page.goto("./");
  await expect(page.locator("#dl-offline-notice")).toContainText("works offline", { timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("the course works offline after the first visit", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  await firstVisit(page);
  // Installable: Chromium reads the manifest without errors and names no obstacle but the test's own
  // incognito profile.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  expect(manifest.errors).toEqual([]);
  expect(manifest.url).toMatch(/manifest\.webmanifest$/);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
  await context.setOffline(true);
  const problems = watch(page, new URL(baseURL!).origin);

  // A chapter never visited, with a widget: it loads its code from the cache and responds.
  await page.goto("chapters/05-regularization/");
  await expect(page.locator("h1")).toContainText(/regulari/i);
  const widget = page.locator("dl-dropout-lab");
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  expect(await everyControlChangesFigure(widget)).toBeGreaterThan(0);

  // A second: a notebook cell runs in its worker.
  await page.goto("chapters/00-before-you-start/");
  const cell = page.locator("dl-cell#ch0-shapes");
  await cell.locator("[data-action=run]").click();
  await expect(cell.locator(".dl-cell-log")).toHaveText("X [3, 2] W [4, 3] Z [4, 2]");

  // Search reads its index from the cache.
  await page.locator("site-search button[data-open-modal]").click();
  await page.keyboard.type("dropout");
  await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press("Escape");

  // A third: a quiz question is answered and graded.
  await page.goto("chapters/11-interview-preparation/");
  const quiz = page.locator("#quiz-practice");
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  await quiz.locator('[data-control="type"]').selectOption("flashcard");
  const card = quiz.locator(".dl-quiz-q");
  await card.getByRole("button", { name: "Show answer" }).click();
  await card.getByRole("button", { name: /Good/ }).click();
  await expect(card.locator(".dl-quiz-feedback")).toHaveText("Recorded as “Good”.");

  expect(problems.pageErrors, "uncaught exceptions").toEqual([]);
  expect(problems.console, "console errors").toEqual([]);
  expect(problems.failedRequests, "requests the cache could not answer").toEqual([]);
});

// Left out of the sub-path run (its --grep picks "offline") for CI time: the Chinese worker is generated as the English
// one is, one folder down (src/build/offline-integration.mjs), and its scope is the page's language base (Head.astro).
test("the Chinese edition keeps working with the network off after a first visit to it, from its own worker", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.goto("zh-cn/");
  await expect(page.locator("#dl-offline-notice")).toContainText(zhOffline["offline.ready"], { timeout: 60_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith("/zh-cn/sw.js") ?? false);
  await context.setOffline(true);
  const problems = watch(page, new URL(baseURL!).origin);
  // A chapter never visited: its widget loads its code and the Chinese strings from the cache and responds.
  await page.goto("zh-cn/chapters/05-regularization/");
  const widget = page.locator("dl-dropout-lab");
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  await expect(widget.locator("legend").first()).toHaveText(/[\u4e00-\u9fff]/);
  expect(await everyControlChangesFigure(widget, 1)).toBeGreaterThan(0);
  // A quiz question from the Chinese bank is graded.
  await page.goto("zh-cn/chapters/11-interview-preparation/");
  const quiz = page.locator("#quiz-practice");
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  await quiz.locator('[data-control="type"]').selectOption("flashcard");
  const card = quiz.locator(".dl-quiz-q");
  await card.getByRole("button", { name: zhQuiz["quiz.reveal"] }).click();
  await card.getByRole("button", { name: new RegExp(zhQuiz["quiz.rating.good"]) }).click();
  await expect(card.locator(".dl-quiz-feedback")).toHaveText(/[\u4e00-\u9fff]/);
  expect(problems.pageErrors, "uncaught exceptions").toEqual([]);
  expect(problems.console, "console errors").toEqual([]);
  expect(problems.failedRequests, "requests the cache could not answer").toEqual([]);
});

test("a rebuild offline is offered as an update, and Reload switches to it", async ({ page }) => {
  test.setTimeout(180_000);
  await firstVisit(page);
  const cached = () =>
    page.evaluate(() =>
      caches.keys().then(async (keys) => {
        for (const k of keys)
          for (const r of await (await caches.open(k)).keys()) if (new URL(r.url).pathname.endsWith("/update-probe.json")) return true;
        return false;
      }),
    );
  const probe = join(DIST, "update-probe.json");
  try {
    // A rebuild: one more file, so the precache list and with it sw.js change.
    writeFileSync(probe, JSON.stringify({ built: Date.now() }));
    await writeServiceWorker(DIST);
    expect(await cached()).toBe(false);
    const history = await workerHistory(page);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    const notice = page.locator("#dl-offline-notice");
    // Shown when the new worker waits: at once, or, if this page missed it, on the reader's next page (the browser looks
    // for a new worker on every navigation, and the page finds one already waiting). Two clean-clone CI runs missed it
    // in the page for 60-90 s while it passed alone, under load and beside other specs. Looked for after 1, 2 and 5 s,
    // then every 10 s, with a reload each time it is not there (at 10 s from the start, each run waited 10 s for it).
    await expect
      .poll(
        async () => {
          if ((await notice.textContent().catch(() => ""))?.includes("new version")) return true;
          await page.reload();
          return false;
        },
        { timeout: 90_000, intervals: [1_000, 2_000, 5_000, 10_000] },
      )
      .toBe(true)
      .catch(async (error: Error) => {
        // Clean-clone runs have missed the notice while runs alone did not: say what the workers went through.
        const now = await page.evaluate(() =>
          Promise.all([navigator.serviceWorker.getRegistration(), fetch("sw.js", { cache: "no-store" }).then((r) => r.text())]).then(
            ([r, sw]) =>
              `installing ${r?.installing?.state}, waiting ${r?.waiting?.state}, active ${r?.active?.state}; served sw.js names the new file: ${sw.includes("update-probe")}`,
          ),
        );
        throw new Error(`no update notice; workers now: ${now}\nworker history: ${history.join("; ")}\n${error.message}`);
      });
    // Until the reader reloads, the old worker still controls the page and a new one waits.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.waiting !== null))).toBe(true);
    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload to update" }).click()]);
    // After the reload the new worker is active, nothing waits, and the new build's file is cached.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.waiting === null && r!.active !== null)),
    ).toBe(true);
    expect(await cached()).toBe(true);
  } finally {
    rmSync(probe, { force: true });
    await writeServiceWorker(DIST);
  }
});
