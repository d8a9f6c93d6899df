// Saved progress probed as a careless or hostile user would: old records with ids such as __proto__, a damaged
// record too big to back up, damaged reading progress seen on many page views, a 37 MB import, ids the bank does
// not hold, and a backup restored from the dashboard. Each probe records the longest main-thread stall
// (PerformanceObserver "longtask") next to what the reader saw, printed as "[stall] …".
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const CH9 = "chapters/11-interview-preparation/";
const CH1 = "chapters/01-what-is-deep-learning/";
const QUIZ = "dlf.quiz.v1",
  QUIZ_V0 = "dlf.quiz",
  READING = "dlf.progress.v1";

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
});

/** The longest main-thread task since the page loaded or the last call (ms), reset afterwards. */
/** Stalls are recorded for the closing note (goal: under 100 ms); the assertions catch a frozen page only,
 * since a loaded 2-core machine alone stretched the 5 MB import's longest task to 1273 ms (it was 6.8 s before). */
const FREEZE_MS = 2000;

async function longest(page: Page, probe: string, saw: string): Promise<number> {
  const ms = await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    const m = w.__longest;
    w.__longest = 0;
    return m;
  });
  console.log(`[stall] ${probe}: longest task ${Math.round(ms)} ms; reader saw: ${saw}`);
  return ms;
}

/** Forgets the tasks so far (axe runs in the page: its own long tasks are not the course's). */
const forgetTasks = (page: Page) => page.evaluate(() => void ((window as unknown as { __longest: number }).__longest = 0));

async function hydrated(page: Page, id: string) {
  const el = page.locator(`#${id}`);
  await el.scrollIntoViewIfNeeded();
  await expect(el).toHaveAttribute("data-hydrated", "", { timeout: 20_000 });
  return el;
}

const keys = (page: Page, prefix: string) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix);
const filledNotices = (page: Page) => page.locator(".dl-quiz-notice").filter({ hasText: /\S/ });

async function answerChoice(page: Page) {
  const q = await hydrated(page, "quiz-practice");
  await q.locator('[data-control="type"]').selectOption("choice");
  const article = q.locator('.dl-quiz-q[data-type="choice"]');
  await article.locator(".dl-quiz-option").first().click();
  await article.getByRole("button", { name: "Check answer" }).click();
  await expect(article.locator(".dl-quiz-feedback")).not.toBeEmpty();
  // A right answer is recorded once rated (Hard, Good or Easy); a wrong one at once.
  if (await article.locator(".dl-quiz-grades").count()) await article.getByRole("button", { name: /^Good/ }).click();
  await expect(article.locator(".dl-quiz-next")).toBeVisible();
}

test("an old record with ids such as __proto__ and toString leaves every quiz working, one notice per page", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(CH9);
  const raw = JSON.stringify({
    attempts: ["__proto__", "toString", "constructor", "adam/adam-moments"].map((q, k) => ({
      q,
      t: Date.now() - 86_400_000 + k,
      ok: true,
    })),
  });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [QUIZ_V0, raw]);
  await page.reload();
  for (const id of ["quiz-practice", "quiz-review", "quiz-mock", "quiz-dashboard"]) await hydrated(page, id);
  await expect(page.locator("[data-loading]")).toHaveCount(0);
  await expect(filledNotices(page)).toHaveCount(1);
  await expect(filledNotices(page)).toContainText("3 answers had ids that are not question ids");
  await expect(page.locator("#quiz-dashboard dd").nth(1)).toHaveText("1");
  expect(await page.evaluate((k) => localStorage.getItem(k), QUIZ_V0)).toBe(raw); // the original is kept
  await answerChoice(page);
  expect(errors).toEqual([]);
  expect(await longest(page, "__proto__ ids", "every quiz ready, one notice naming 3 dropped ids")).toBeLessThan(FREEZE_MS);
});

test("a big unreadable record with no room for a backup stays untouched and can be downloaded", async ({ page }) => {
  await page.goto(CH9);
  // About 3 M characters: storing it fits the quota, a second copy does not.
  const stored = await page.evaluate((k) => {
    const raw = `{"version":1,"cards":"${"x".repeat(3_000_000)}`;
    try {
      localStorage.setItem(k, raw);
      return raw.length;
    } catch {
      return 0;
    }
  }, QUIZ);
  expect(stored).toBeGreaterThan(0);
  await page.reload();
  const q = await hydrated(page, "quiz-practice");
  const notice = filledNotices(page);
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("has no room for a copy. It is left untouched");
  await expect(notice).not.toContainText("—");
  expect(await longest(page, "3 MB record, no room: page load", "notice: left untouched, memory only")).toBeLessThan(FREEZE_MS);
  expect((await new AxeBuilder({ page }).include("#quiz-practice").analyze()).violations).toEqual([]);
  await forgetTasks(page);
  expect(await keys(page, `${QUIZ}.unreadable.`)).toEqual([]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    notice.getByRole("button", { name: "Download the unreadable record" }).click(),
  ]);
  const path = await download.path();
  const { statSync } = await import("node:fs");
  expect(statSync(path!).size).toBe(stored);
  await answerChoice(page);
  await expect(q.locator(".dl-quiz-notice")).toContainText("left untouched");
  expect(await page.evaluate((k) => localStorage.getItem(k)?.length, QUIZ)).toBe(stored); // not overwritten
  expect(await longest(page, "3 MB record, no room: download and answer", "the record as a file; notice: left untouched")).toBeLessThan(
    FREEZE_MS,
  );
});

test("damaged reading progress is backed up once over seven page views and the reader is told on the page", async ({ page }) => {
  await page.goto("./");
  const raw = JSON.stringify({
    version: 1,
    last: 3,
    chapters: { [CH1.slice(0, -1)]: { position: 0.4, visitedAt: 1 }, bad: { position: "x".repeat(300_000) } },
  });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [READING, raw]);
  await page.goto(CH1);
  await expect(page.locator(".dl-progress-notice")).toBeVisible();
  await expect(page.locator(".dl-progress-notice")).toContainText("copied once to");
  await longest(page, "300 KB damaged reading progress", "a notice at the top of the chapter");
  expect((await new AxeBuilder({ page }).include(".dl-progress-notice").analyze()).violations).toEqual([]);
  for (const path of ["./", CH1, "chapters/02-neural-network-foundations/", CH1, "./", CH1]) {
    await page.goto(path);
    await expect(page.locator(".dl-progress-notice")).toHaveCount(0);
  }
  const backups = await keys(page, `${READING}.unreadable.`);
  expect(backups).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe(raw);
});

test("a 37 MB import is refused at once with a clear message, without freezing the page", async ({ page }) => {
  await page.goto(CH9);
  const dash = await hydrated(page, "quiz-dashboard");
  await longest(page, "(page load)", "");
  // From disk: a Buffer passed to setInputFiles is decoded inside the page, which would itself stall it.
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = `${mkdtempSync(`${tmpdir()}/dl-import-`)}/huge.json`;
  writeFileSync(path, Buffer.alloc(37 * 1024 * 1024, 32));
  await dash.getByLabel("Import progress from a file").setInputFiles(path);
  await expect(dash.locator(".dl-quiz-notice")).toHaveText(/Nothing was imported\. The file is 37\.0 MB; .*files over 5 MB are not read\./);
  expect(await longest(page, "37 MB import", "refused: files over 5 MB are not read")).toBeLessThan(FREEZE_MS);
});

test("an import near the 5 MB bound is read and merged, and ids not in the bank are reported", async ({ page }) => {
  await page.goto(CH9);
  const dash = await hydrated(page, "quiz-dashboard");
  const t0 = Date.now() - 30 * 86_400_000;
  const history = Array.from({ length: 30_000 }, (_, k) => ({
    id: k % 2 ? "adam/adam-moments" : `retired/q-${k % 7}`,
    at: t0 + k * 1000,
    correct: k % 3 > 0,
    topics: ["adam"],
  }));
  const text = JSON.stringify(
    { format: "dlf-quiz-progress", exportedAt: Date.now(), version: 1, cards: {}, history, settings: {} },
    null,
    1,
  );
  expect(text.length).toBeLessThan(5 * 1024 * 1024);
  await longest(page, "(page load)", "");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = `${mkdtempSync(`${tmpdir()}/dl-import-`)}/big.json`;
  writeFileSync(path, text);
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  // The worker starts from a blob: URL (it inherits the page's policy) that imports the import-worker script.
  page.context().on("request", (r) => r.url().includes("import-worker") && workers.push(r.url()));
  await dash.getByLabel("Import progress from a file").setInputFiles(path);
  await expect(dash.locator(".dl-quiz-notice")).toContainText("Imported: 30000 new answers", { timeout: 20_000 });
  // The file is parsed and checked off the main thread (1037 ms of stall when it was not, about 250 ms in a worker).
  expect(
    workers.some((url) => url.includes("import-worker")),
    `workers started: ${workers.join(", ")}`,
  ).toBe(true);
  await expect(dash.locator(".dl-quiz-notice")).toContainText("7 of its question ids are not in this course's question bank");
  await expect(dash.locator(".dl-quiz-notice")).toContainText("retired/q-0");
  const ms = await longest(
    page,
    `${(text.length / 1048576).toFixed(1)} MB import, 30000 answers`,
    "Reading the file…, then the import report",
  );
  expect(ms).toBeLessThan(FREEZE_MS);
});

test("export carries reading progress, and a recovered backup is restored from the dashboard", async ({ page }) => {
  await page.goto(CH1);
  await page.goto(CH9);
  const good = {
    version: 1,
    cards: {},
    history: [{ id: "adam/adam-moments", at: Date.now() - 3_600_000, correct: true, topics: ["adam"], rating: "good" }],
    settings: {},
  };
  // A damaged record: one valid answer, one broken.
  const damaged = JSON.stringify({ ...good, history: [...good.history, { id: 7 }] });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [QUIZ, damaged]);
  await page.reload();
  const dash = await hydrated(page, "quiz-dashboard");
  // The repaired record kept the valid answer; empty it to show that the restore brings it back.
  await page.evaluate(
    (k) =>
      localStorage.setItem(
        k,
        JSON.stringify({ version: 1, cards: {}, history: [], settings: { newPerDay: 10, mockSize: 10, mockMinutes: 30 } }),
      ),
    QUIZ,
  );
  await page.reload();
  await hydrated(page, "quiz-dashboard");
  await expect(dash.locator("dd").nth(1)).toHaveText("0");
  const item = dash.locator("[data-backup]");
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: /Restore what can be read/ }).click();
  await expect(dash.locator(".dl-quiz-notice")).toContainText("1 new answers");
  await expect(dash.locator("dd").nth(1)).toHaveText("1");
  expect((await new AxeBuilder({ page }).include("#quiz-dashboard").analyze()).violations).toEqual([]);
  // An edited code cell is saved too, so the export carries it.
  await page.evaluate(() => localStorage.setItem("dlf.cell.v1:/chapters/01-what-is-deep-learning/#cell-1", "print(42)"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dash.getByRole("button", { name: "Export progress to a file" }).click(),
  ]);
  const { readFileSync } = await import("node:fs");
  const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(Object.keys(file.reading.chapters)).toContain(CH1.slice(0, -1));
  expect(file.history).toHaveLength(1);
  expect(file.cells).toEqual({ "dlf.cell.v1:/chapters/01-what-is-deep-learning/#cell-1": "print(42)" });
  expect(file.settings).toMatchObject({ retention: 0.9, suspended: [], chapters: [] });
  await expect(dash.locator(".dl-quiz-notice")).toContainText("chapters of reading progress, 1 edited code cells");
});
