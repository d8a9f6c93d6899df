// The quiz: every question type with its feedback, progress kept across reloads, export and import into a fresh
// browser profile, recovery from a corrupted store, a mock interview to its summary, the keyboard shortcuts,
// a chapter's check, and the site search finding questions.
import { test, expect, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { generators } from "../../src/quiz/generators";
import { loadStrings } from "./strings";
import AxeBuilder from "@axe-core/playwright";

const CH9 = "chapters/11-interview-preparation/";
loadStrings("en");
const KEY = "dlf.quiz.v1";

async function quiz(page: Page, id: string): Promise<Locator> {
  const q = page.locator(`#${id}`);
  await q.scrollIntoViewIfNeeded();
  await expect(q).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  return q;
}

async function practiseType(page: Page, type: "choice" | "numeric" | "flashcard" | "generated"): Promise<Locator> {
  const q = await quiz(page, "quiz-practice");
  await q.locator('[data-control="type"]').selectOption(type);
  await expect(q.locator(`.dl-quiz-q[data-type="${type}"]`)).toBeVisible();
  return q;
}

/** Answers whatever question is shown (first option, 0, or "Again") and returns its type. */
async function answerCurrent(q: Locator): Promise<string> {
  const article = q.locator(".dl-quiz-q");
  const type = (await article.getAttribute("data-type"))!;
  if (type === "choice") {
    await article.locator(".dl-quiz-option").first().click();
    await article.getByRole("button", { name: "Check answer" }).click();
  } else if (type === "flashcard") {
    await article.getByRole("button", { name: "Show answer" }).click();
    await article.getByRole("button", { name: /Again/ }).click();
  } else {
    await article.getByLabel("Your answer").fill("0");
    await article.getByRole("button", { name: "Check answer" }).click();
  }
  await expect(article.locator(".dl-quiz-feedback")).not.toBeEmpty();
  // A right checked answer waits for Hard, Good or Easy (there is no such step in a mock interview).
  if (type !== "flashcard" && (await article.locator(".dl-quiz-grades").count()))
    await article.getByRole("button", { name: /^Good/ }).click();
  return type;
}

const history = (page: Page) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"history":[]}').history as { id: string; mode?: string }[], KEY);

test("a multiple-choice question gives feedback per option, the worked answer and a link to the section", async ({ page }) => {
  await page.goto(CH9);
  const q = await practiseType(page, "choice");
  const article = q.locator(".dl-quiz-q");
  await article.getByRole("button", { name: "Check answer" }).click();
  await expect(article.locator(".dl-quiz-feedback")).toHaveText(/Select at least one option/);
  await article.locator(".dl-quiz-option").first().click();
  await article.getByRole("button", { name: "Check answer" }).click();
  await expect(article.locator(".dl-quiz-feedback")).toHaveText(/Correct|not correct|Not all correct/);
  await expect(article.locator(".dl-quiz-mark").first()).toBeVisible();
  await expect(article.locator(".dl-quiz-answer")).toBeVisible();
  await expect(article.locator(".dl-quiz-section a")).toHaveAttribute("href", /\/chapters\/\d\d-[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
  if (await article.locator(".dl-quiz-grades").count()) await article.getByRole("button", { name: /^Good/ }).click();
  expect(await history(page)).toHaveLength(1);
});

test("a numeric question explains unreadable input, then grades within the tolerance", async ({ page }) => {
  await page.goto(CH9);
  const q = await practiseType(page, "numeric");
  const article = q.locator(".dl-quiz-q");
  await article.getByLabel("Your answer").fill("abc");
  await article.getByLabel("Your answer").press("Enter");
  await expect(article.locator(".dl-quiz-feedback")).toHaveText(/“abc” is not a number/);
  expect(await history(page)).toHaveLength(0);
  await article.getByLabel("Your answer").fill("0.5,3");
  await article.getByLabel("Your answer").press("Enter");
  await expect(article.locator(".dl-quiz-feedback")).toHaveText(/comma/);
  await article.getByLabel("Your answer").fill("-123456.789");
  await article.getByLabel("Your answer").press("Enter");
  await expect(article.locator(".dl-quiz-feedback")).toHaveText(/Not quite: the answer is|Correct/);
  await expect(article.locator(".dl-quiz-answer")).toBeVisible();
  expect(await history(page)).toHaveLength(1);
});

test("a flashcard is revealed, then graded by the reader", async ({ page }) => {
  await page.goto(CH9);
  const q = await practiseType(page, "flashcard");
  const article = q.locator(".dl-quiz-q");
  await expect(article.locator(".dl-quiz-answer")).toHaveCount(0);
  await article.getByRole("button", { name: "Show answer" }).click();
  await expect(article.locator(".dl-quiz-answer")).toBeVisible();
  await article.getByRole("button", { name: /Good/ }).click();
  await expect(article.locator(".dl-quiz-feedback")).toHaveText("Recorded as “Good”.");
  const [a] = await history(page);
  expect(a).toMatchObject({ correct: true, rating: "good", mode: "practice" });
});

test("a generated question has fresh numbers, a worked solution, and names a known mistake", async ({ page }) => {
  await page.goto(CH9);
  const q = await practiseType(page, "generated");
  // Skip to a template whose drawn numbers have a nameable mistake.
  let article = q.locator(".dl-quiz-q");
  let mistake: { label: string; value: number } | undefined;
  for (let k = 0; k < 30 && !mistake; k++) {
    const id = (await article.getAttribute("data-generator"))!,
      seed = Number(await article.getAttribute("data-seed"));
    mistake = generators.get(id)!.generate(seed).mistakes[0];
    if (!mistake) {
      await q.getByRole("button", { name: "Skip" }).click();
      article = q.locator(".dl-quiz-q");
    }
  }
  expect(mistake, "a generated question with a known mistake").toBeDefined();
  await expect(article.locator(".dl-quiz-generated")).toHaveText(/\d/);
  await article.getByLabel("Your answer").fill(String(mistake!.value));
  await article.getByRole("button", { name: "Check answer" }).click();
  await expect(article.locator(".dl-quiz-feedback")).toContainText(mistake!.label);
  await expect(article.locator(".dl-quiz-solution li").first()).toBeVisible();
});

test("progress survives a reload and shows on the dashboard", async ({ page }) => {
  await page.goto(CH9);
  const q = await quiz(page, "quiz-practice");
  await answerCurrent(q);
  await q.getByRole("button", { name: "Next question" }).click();
  await answerCurrent(q);
  await page.reload();
  expect(await history(page)).toHaveLength(2);
  const dash = await quiz(page, "quiz-dashboard");
  await expect(dash.locator("dd").nth(1)).toHaveText("2");
  await dash.locator('[data-control="view"]').selectOption("history");
  await expect(dash.locator(".dl-chart-description")).toContainText("2 answers");
});

test("progress exported to a file is merged into a fresh browser profile", async ({ page, browser }) => {
  await page.goto(CH9);
  const q = await quiz(page, "quiz-practice");
  await answerCurrent(q);
  const dash = await quiz(page, "quiz-dashboard");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dash.getByRole("button", { name: "Export progress to a file" }).click(),
  ]);
  const file = await download.path();
  expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ format: "dlf-quiz-progress", version: 1 });

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(CH9);
  const otherDash = await quiz(other, "quiz-dashboard");
  await expect(otherDash.locator("dd").nth(1)).toHaveText("0");
  await otherDash
    .getByLabel("Import progress from a file")
    .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
  await expect(otherDash.locator(".dl-quiz-notice")).toHaveText(/Nothing was imported\. The file is not valid JSON/);
  await otherDash.getByLabel("Import progress from a file").setInputFiles(file);
  await expect(otherDash.locator(".dl-quiz-notice")).toContainText("Imported: 1 new answers, 1 cards updated.");
  await expect(otherDash.locator("dd").nth(1)).toHaveText("1");
  expect(await history(other)).toHaveLength(1);
  // Importing the same file again adds nothing: answers already present are kept once.
  await otherDash.getByLabel("Import progress from a file").setInputFiles(file);
  await expect(otherDash.locator(".dl-quiz-notice")).toContainText("Imported: 0 new answers, 0 cards updated.");
  await fresh.close();
});

test("a corrupted store is backed up and reported, never silently wiped", async ({ page }) => {
  await page.goto(CH9);
  await page.evaluate((k) => localStorage.setItem(k, "{garbage"), KEY);
  await page.reload();
  await quiz(page, "quiz-dashboard");
  // One notice per page, in the first quiz the reader meets.
  await expect(page.locator("#quiz-practice .dl-quiz-notice")).toContainText("could not be read and was copied to");
  const backups = await page.evaluate(
    (k) =>
      Object.keys(localStorage)
        .filter((x) => x.startsWith(`${k}.unreadable.`))
        .map((x) => localStorage.getItem(x)),
    KEY,
  );
  expect(backups).toEqual(["{garbage"]);
  // The quiz still works and saves over the repaired record.
  await answerCurrent(await quiz(page, "quiz-practice"));
  expect(await history(page)).toHaveLength(1);
});

test("progress in the older format is migrated with a message", async ({ page }) => {
  await page.goto(CH9);
  await page.evaluate(() =>
    localStorage.setItem(
      "dlf.quiz",
      JSON.stringify({ attempts: [{ q: "adam/adam-moments", t: Date.now() - 86_400_000, ok: true }], boxes: {} }),
    ),
  );
  await page.reload();
  const dash = await quiz(page, "quiz-dashboard");
  await expect(page.locator("#quiz-practice .dl-quiz-notice")).toContainText("updated from an older format (1 answers kept)");
  await expect(dash.locator("dd").nth(1)).toHaveText("1");
});

test("the daily review shows what is due and brings a missed question back later", async ({ page }) => {
  await page.goto(CH9);
  const q = await quiz(page, "quiz-review");
  await expect(q.locator(".dl-quiz-status")).toHaveText("10 new · 0 learning · 0 to review");
  await answerCurrent(q);
  await q.getByRole("button", { name: "Next question" }).click();
  await expect(q.locator(".dl-quiz-status")).toHaveText(/^9 new · [01] learning · 0 to review/);
  const [a] = await history(page);
  expect(a.mode).toBe("review");
});

test("a full storage is reported when an answer cannot be saved", async ({ page }) => {
  await page.goto(CH9);
  const q = await quiz(page, "quiz-practice");
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  await answerCurrent(q);
  await expect(q.locator(".dl-quiz-notice")).toContainText("storage is full");
});

test("a mock interview runs against a visible clock to its summary with weak topics", async ({ page }) => {
  await page.goto(CH9);
  const q = await quiz(page, "quiz-mock");
  await q.locator('[data-control="size"]').selectOption("5");
  await q.locator('[data-control="minutes"]').selectOption("5");
  await expect(q.locator("[data-figure]")).toContainText("5 random questions");
  await q.getByRole("button", { name: "Start the mock interview" }).click();
  await expect(q.locator(".dl-quiz-timer")).toHaveText(/Time left [45]:\d\d/);
  for (let k = 0; k < 5; k++) {
    await expect(q.locator(".dl-quiz-status")).toContainText(`Question ${k + 1} of 5`);
    await answerCurrent(q);
    await q.getByRole("button", { name: k < 4 ? "Next question" : "See the summary" }).click();
  }
  await expect(q.locator(".dl-quiz-score")).toHaveText(/Score: \d of 5 \(\d+ %\)\./);
  await expect(q.locator(".dl-quiz-summary")).toContainText(/Topics to revise/);
  const weak = q.locator(".dl-quiz-weak a");
  if (await weak.count()) await expect(weak.first()).toHaveAttribute("href", /\/chapters\/\d\d-/);
  expect((await history(page)).filter((a) => a.mode === "mock")).toHaveLength(5);
});

test("a mock interview ends when the clock runs out, counting unanswered questions as wrong", async ({ page }) => {
  await page.clock.install();
  await page.goto(CH9);
  const q = await quiz(page, "quiz-mock");
  await q.locator('[data-control="size"]').selectOption("5");
  await q.locator('[data-control="minutes"]').selectOption("5");
  await q.getByRole("button", { name: "Start the mock interview" }).click();
  await answerCurrent(q);
  await page.clock.runFor(2 * 60_000);
  // The installed clock also moves with real time: answering may take seconds on a loaded machine.
  await expect(q.locator(".dl-quiz-timer")).toHaveText(/Time left (3:0\d|2:[345]\d)/);
  await page.clock.runFor(3 * 60_000 + 2000);
  await expect(q.locator(".dl-quiz-notice")).toHaveText("Time is up.");
  await expect(q.locator(".dl-quiz-summary")).toContainText("1 of 5 answered");
  await expect(q.locator(".dl-quiz-score")).toHaveText(/Score: [01] of 5/);
});

test("keyboard: digits pick options, Enter checks and moves on, Space reveals, 1–4 grade; typing is left alone", async ({ page }) => {
  await page.goto(CH9);
  let q = await practiseType(page, "choice");
  await expect(q.locator(".dl-quiz-keys")).toContainText("Enter check");
  await q.locator(".dl-quiz-meta").click(); // focus the question itself
  await page.keyboard.press("2");
  await expect(q.locator(".dl-quiz-option input").nth(1)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(q.locator(".dl-quiz-feedback")).not.toBeEmpty();
  if (await q.locator(".dl-quiz-grades").count()) {
    // Right: rated with the flashcard's keys, 2–4 (Again is what a wrong answer gets).
    await expect(q.locator(".dl-quiz-keys")).toContainText("2 Hard, 3 Good, 4 Easy");
    await page.keyboard.press("3");
    await expect(q.locator(".dl-quiz-rated")).toHaveText("Recorded as “Good”.");
  }
  await expect(q.locator(".dl-quiz-keys")).toContainText("Enter next question");
  await page.keyboard.press("Enter");
  await expect(q.locator(".dl-quiz-status")).toContainText("Question 2 of");

  q = await practiseType(page, "flashcard");
  await q.locator(".dl-quiz-meta").click();
  await page.keyboard.press(" ");
  await expect(q.locator(".dl-quiz-answer")).toBeVisible();
  await expect(q.locator(".dl-quiz-keys")).toContainText("1 Again, 2 Hard, 3 Good, 4 Easy");
  await page.keyboard.press("4");
  await expect(q.locator(".dl-quiz-feedback")).toHaveText("Recorded as “Easy”.");

  q = await practiseType(page, "numeric");
  const input = q.getByLabel("Your answer");
  await input.click();
  await page.keyboard.type("12");
  await expect(input).toHaveValue("12");
  await page.keyboard.press("Enter");
  await expect(q.locator(".dl-quiz-feedback")).not.toBeEmpty();
});

test("a chapter ends with a check whose answers go into the same progress", async ({ page }) => {
  await page.goto("chapters/01-what-is-deep-learning/");
  await expect(page.getByRole("heading", { name: "Check yourself" })).toBeVisible();
  const q = await quiz(page, "quiz-check-01");
  await expect(q.locator(".dl-quiz-status")).toHaveText(/Question 1 of [3-5]/);
  await answerCurrent(q);
  const [a] = await history(page);
  expect(a.mode).toBe("check");
  expect(a.id.length).toBeGreaterThan(0);
});

test("the site search finds a question and its answer", async ({ page }) => {
  await page.goto("questions/gan/");
  await expect(page.locator(".dl-question-item").first()).toBeVisible();
  await page.locator("site-search button[data-open-modal]").click();
  await page.keyboard.type("mode collapse");
  // Several pages mention the phrase and chapters rank above question pages (search-weight.ts); the GAN
  // questions page must be among the results, after "Load more results" if need be.
  await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible({ timeout: 15_000 });
  const gan = page.locator('.pagefind-ui__result-link[href*="questions/gan/"]').first();
  for (let k = 0; k < 5 && !(await gan.isVisible()); k++) {
    const more = page.locator("button.pagefind-ui__button");
    if (!(await more.isVisible())) break;
    await more.click();
    await page.waitForTimeout(300);
  }
  await expect(gan).toBeVisible({ timeout: 15_000 });
});

test("options that are only a formula are labelled for assistive technology (axe finds nothing)", async ({ page }) => {
  await page.goto(CH9);
  const q = await practiseType(page, "choice");
  // Skip until a question shows an option written in math.
  const mathOption = q.locator(".dl-quiz-option-text .katex").first();
  for (let i = 0; i < 120 && !(await mathOption.count()); i++) await q.getByRole("button", { name: "Skip" }).click();
  await expect(mathOption).toBeVisible();
  const input = q
    .locator(".dl-quiz-option", { has: page.locator(".katex") })
    .first()
    .locator("input");
  const name = await input.getAttribute("aria-label");
  expect(name?.length).toBeGreaterThan(0);
  expect(name).not.toContain("\\"); // glyphs, not TeX source
  const results = await new AxeBuilder({ page }).include("#quiz-practice").analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
