// The daily review as a session: a missed question comes back in the same session, the grade buttons show the
// interval FSRS would schedule, the last answer can be undone (button and key), the settings change the queue,
// the card browser filters and suspends; on a phone (390x844) and a desktop (1280x800), axe-clean.
import { test, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const CH9 = "chapters/11-interview-preparation/";
const KEY = "dlf.quiz.v1";

async function review(page: Page): Promise<Locator> {
  const q = page.locator("#quiz-review");
  await q.scrollIntoViewIfNeeded();
  await expect(q).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  return q;
}

const stored = (page: Page) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"history":[],"cards":{}}'), KEY) as Promise<{
    history: { id: string; rating?: string; correct?: boolean; mode?: string }[];
    cards: Record<string, { state: number }>;
    settings?: { newPerDay: number; chapters: string[]; suspended: string[]; retention: number };
  }>;

/** Answers the question shown: wrong when `fail` (a flashcard graded Again, an impossible number, or a guessed option). */
async function answer(q: Locator, fail: boolean): Promise<void> {
  const article = q.locator(".dl-quiz-q");
  const type = await article.getAttribute("data-type");
  if (type === "flashcard") {
    await article.getByRole("button", { name: "Show answer" }).click();
    await article.getByRole("button", { name: fail ? /^Again/ : /^Easy/ }).click();
  } else if (type === "choice") {
    await article.locator(".dl-quiz-option").first().click();
    await article.getByRole("button", { name: "Check answer" }).click();
  } else {
    await article.getByLabel("Your answer").fill(fail ? "-987654.321" : "1");
    await article.getByRole("button", { name: "Check answer" }).click();
  }
  await expect(article.locator(".dl-quiz-feedback")).not.toBeEmpty();
  // A right checked answer waits for Hard, Good or Easy.
  if (type !== "flashcard" && (await article.locator(".dl-quiz-grades").count()))
    await article.getByRole("button", { name: /^Good/ }).click();
}

// The session's logic does not depend on the screen: these flows run on a desktop, and the phone repeats only
// the one whose layout differs most (settings and the card browser, below).
test.describe("desktop flows", () => {
  const name = "desktop";
  test.use({ viewport: { width: 1280, height: 800 } });

  test(`${name}: a missed question comes back in the same session; the grade buttons show FSRS's intervals; undo restores it`, async ({
    page,
  }) => {
    await page.goto(CH9);
    // Only flashcards: the test then decides which answers fail. Everything else is suspended (set before load).
    const ids: { id: string; type: string }[] = await page.evaluate(async () => {
      const r = await fetch(new URL("../../quiz/bank/all.json", location.href));
      return ((await r.json()) as { questions: { id: string; type: string }[] }).questions.map((x) => ({ id: x.id, type: x.type }));
    });
    const suspended = ids.filter((x) => x.type !== "flashcard").map((x) => x.id);
    await page.evaluate(
      ([k, s]) =>
        localStorage.setItem(
          k,
          JSON.stringify({ version: 1, cards: {}, history: [], settings: { newPerDay: 3, mockSize: 10, mockMinutes: 30, suspended: s } }),
        ),
      [KEY, suspended] as const,
    );
    await page.reload();
    const q = await review(page);
    await expect(q.locator(".dl-quiz-status")).toHaveText(/^3 new · 0 learning · 0 to review/);
    const article = q.locator(".dl-quiz-q");
    const first = (await article.getAttribute("data-question-id"))!;
    await article.getByRole("button", { name: "Show answer" }).click();
    // A new card: Again 1 min, Hard 6 min, Good 10 min (the learning steps), Easy in days.
    await expect(article.getByRole("button", { name: /^Again: next review in 1 min$/ })).toBeVisible();
    await expect(article.getByRole("button", { name: /^Good: next review in 10 min$/ })).toBeVisible();
    await expect(article.getByRole("button", { name: /^Easy: next review in \d+ d$/ })).toBeVisible();
    const axe = await new AxeBuilder({ page }).include("#quiz-review").analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await article.getByRole("button", { name: /^Again/ }).click();
    await expect(q.locator(".dl-quiz-status")).toContainText("1 learning");
    await expect(q.locator(".dl-quiz-keys")).toContainText("Enter next question, U undo");

    // Undo with the key: the card is new again and asked again.
    await page.keyboard.press("u");
    await expect(q.locator(".dl-quiz-notice")).toContainText("Undone");
    await expect(article).toHaveAttribute("data-question-id", first);
    expect((await stored(page)).cards[first]).toBeUndefined();
    expect((await stored(page)).history).toHaveLength(0);
    await expect(q.locator(".dl-quiz-status")).toHaveText(/^3 new · 0 learning/);

    // Miss it for real, then answer the other two: the missed one is shown again (early: nothing else is left).
    await answer(q, true);
    const seen = [first];
    for (let k = 0; k < 2; k++) {
      await q.getByRole("button", { name: "Next question" }).click();
      const id = (await article.getAttribute("data-question-id"))!;
      expect(id).not.toBe(first);
      seen.push(id);
      await answer(q, false);
    }
    await q.getByRole("button", { name: "Next question" }).click();
    await expect(article).toHaveAttribute("data-question-id", first);
    await expect(q.locator(".dl-quiz-status")).toContainText("Shown early");
    // The undo button undoes the last answer too.
    await answer(q, false);
    await q.getByRole("button", { name: "Undo last answer" }).click();
    await expect(article).toHaveAttribute("data-question-id", first);
    expect((await stored(page)).cards[first].state).toBe(1); // learning, as before the undone answer
    await answer(q, false);
    await q.getByRole("button", { name: "Next question" }).click();
    await expect(q.locator(".dl-quiz-done")).toContainText("Today's review is done: 3 questions");
  });

  test(`${name}: a right checked answer asks Hard, Good or Easy with FSRS's intervals (keys 2–4); a wrong one is Again`, async ({
    page,
  }) => {
    await page.goto(CH9);
    // Only choice questions, whose right options the test reads from the bank file.
    const bank: { id: string; type: string; options?: { correct: boolean }[] }[] = await page.evaluate(async () => {
      const r = await fetch(new URL("../../quiz/bank/all.json", location.href));
      return (await r.json()).questions;
    });
    const right = new Map(bank.filter((x) => x.type === "choice").map((x) => [x.id, x.options!.flatMap((o, i) => (o.correct ? [i] : []))]));
    const suspended = bank.filter((x) => x.type !== "choice").map((x) => x.id);
    await page.evaluate(
      ([k, s]) =>
        localStorage.setItem(
          k,
          JSON.stringify({ version: 1, cards: {}, history: [], settings: { newPerDay: 2, mockSize: 10, mockMinutes: 30, suspended: s } }),
        ),
      [KEY, suspended] as const,
    );
    await page.reload();
    const q = await review(page);
    const article = q.locator(".dl-quiz-q");
    const first = (await article.getAttribute("data-question-id"))!;
    for (const i of right.get(first)!) await article.locator(`.dl-quiz-option input[value="${i}"]`).check();
    await article.getByRole("button", { name: "Check answer" }).click();
    await expect(article.locator(".dl-quiz-feedback")).toHaveClass(/dl-quiz-right/);
    // A new card: Hard and Good are learning steps (minutes), Easy graduates it (days); Again is not offered.
    await expect(article.getByRole("button", { name: /^Hard: next review in \d+ min$/ })).toBeVisible();
    await expect(article.getByRole("button", { name: /^Good: next review in 10 min$/ })).toBeVisible();
    await expect(article.getByRole("button", { name: /^Easy: next review in \d+ d$/ })).toBeVisible();
    await expect(article.getByRole("button", { name: /^Again/ })).toHaveCount(0);
    await expect(q.locator(".dl-quiz-keys")).toContainText("2 Hard, 3 Good, 4 Easy");
    expect((await stored(page)).history).toHaveLength(0); // recorded once rated
    const axe = await new AxeBuilder({ page }).include("#quiz-review").analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press("1"); // not a rating here
    await expect(article.locator(".dl-quiz-rated")).toHaveCount(0);
    await page.keyboard.press("4");
    await expect(article.locator(".dl-quiz-rated")).toHaveText("Recorded as “Easy”.");
    await expect(q.locator(".dl-quiz-keys")).toContainText("Enter next question, U undo");
    let s = await stored(page);
    expect(s.history).toMatchObject([{ id: first, correct: true, rating: "easy", mode: "review" }]);
    expect(s.cards[first].state).toBe(2); // graduated straight to review

    // A wrong answer: no rating asked, recorded as Again, back in the session in minutes.
    await q.getByRole("button", { name: "Next question" }).click();
    const second = (await article.getAttribute("data-question-id"))!;
    expect(second).not.toBe(first);
    const wrongOption = (
      await article.locator(".dl-quiz-option input").evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)))
    ).find((i) => !right.get(second)!.includes(i))!;
    await article.locator(`.dl-quiz-option input[value="${wrongOption}"]`).check();
    await article.getByRole("button", { name: "Check answer" }).click();
    await expect(article.locator(".dl-quiz-feedback")).toHaveClass(/dl-quiz-wrong/);
    await expect(article.locator(".dl-quiz-grades")).toHaveCount(0);
    await expect(q.locator(".dl-quiz-status")).toContainText("1 learning");
    s = await stored(page);
    expect(s.history[1]).toMatchObject({ id: second, correct: false, rating: "again" });
    expect(s.cards[second].state).toBe(1);

    // Leaving a right answer unrated (Skip) records it as Good: a right answer is never lost.
    await q.getByRole("button", { name: "Next question" }).click();
    await expect(article).toHaveAttribute("data-question-id", second); // the missed card, early: nothing else is left
    for (const i of right.get(second)!) await article.locator(`.dl-quiz-option input[value="${i}"]`).check();
    await article.getByRole("button", { name: "Check answer" }).click();
    await expect(article.locator(".dl-quiz-grades")).toBeVisible();
    await q.getByRole("button", { name: "Skip" }).click();
    await expect.poll(async () => (await stored(page)).history.length).toBe(3);
    expect((await stored(page)).history[2]).toMatchObject({ id: second, correct: true, rating: "good" });
  });
});

for (const [name, viewport] of [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 800 }],
] as const) {
  test.describe(name, () => {
    test.use({ viewport });

    test(`${name}: settings change the queue and are kept; the card browser filters, suspends and resets`, async ({ page }) => {
      await page.goto(CH9);
      const q = await review(page);
      await expect(q.locator(".dl-quiz-status")).toHaveText(/^10 new/);
      await q.getByText("Review settings").click();
      await q.getByLabel("New questions per day").fill("4");
      await q.getByLabel("New questions per day").press("Enter");
      await expect(q.locator(".dl-quiz-status")).toHaveText(/^4 new/);
      await q.getByLabel("Desired retention").selectOption("0.95");
      await q.getByRole("checkbox", { name: /Chapter 5:/ }).check();
      await expect(q.locator(".dl-quiz-q")).toHaveAttribute("data-question-id", /.+/);
      const s = (await stored(page)).settings!;
      expect(s).toMatchObject({ newPerDay: 4, retention: 0.95, chapters: ["05-regularization"] });
      await page.reload();
      const again = await review(page);
      await again.getByText("Review settings").click();
      await expect(again.getByLabel("New questions per day")).toHaveValue("4");
      await expect(again.getByRole("checkbox", { name: /Chapter 5:/ })).toBeChecked();

      // The browser: search, filter by state, suspend; a suspended question never shows in the review.
      await again.getByText(/^All questions \(\d+\)$/).click();
      const first = (await again.locator(".dl-quiz-q").getAttribute("data-question-id"))!;
      await again.getByLabel("Search", { exact: true }).fill(first.split("/")[1].replace(/-/g, " "));
      const row = again.locator(`.dl-quiz-cards li[data-card="${first}"]`);
      await expect(row).toBeVisible();
      await row.getByRole("button", { name: /^Suspend/ }).click();
      await expect(row).toHaveAttribute("data-state", "suspended");
      await expect(again.locator(".dl-quiz-q")).not.toHaveAttribute("data-question-id", first);
      expect((await stored(page)).settings!.suspended).toEqual([first]);
      await again.getByLabel("Search", { exact: true }).fill("");
      await again.getByLabel("State", { exact: true }).selectOption("suspended");
      await expect(again.locator(".dl-quiz-cards li[data-card]")).toHaveCount(1);
      await row.getByRole("button", { name: /^Unsuspend/ }).click();
      await expect(again.locator(".dl-quiz-cards li[data-card]")).toHaveCount(0);
      // Reset asks first.
      await answer(again, true);
      const answered = (await again.locator(".dl-quiz-q").getAttribute("data-question-id"))!;
      // Only chapter 5 is in the review now.
      await expect(again.locator(".dl-quiz-q .dl-quiz-section a")).toHaveAttribute("href", /05-regularization/);
      await again.getByLabel("State", { exact: true }).selectOption("learning");
      const lrow = again.locator(`.dl-quiz-cards li[data-card="${answered}"]`);
      await lrow.getByRole("button", { name: /^Reset/ }).click();
      expect((await stored(page)).cards[answered]).toBeDefined();
      await lrow.getByRole("button", { name: /^Confirm/ }).click();
      await expect(again.locator(".dl-quiz-cards")).toContainText("No question matches");
      expect((await stored(page)).cards[answered]).toBeUndefined();
      const axe = await new AxeBuilder({ page }).include("#quiz-review").analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
    });
  });
}

test("a solved exercise comes back in the daily review as a card to rate; the card browser lists it; the dashboard counts it", async ({
  page,
}) => {
  await page.goto(CH9);
  const now = Date.now(),
    DAY = 86_400_000;
  // Solved eight days ago, its card now due; no new questions today, so it is the only card.
  const card = {
    due: now - 60_000,
    stability: 8,
    difficulty: 3,
    elapsed_days: 0,
    scheduled_days: 8,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: now - 8 * DAY,
  };
  const record = {
    version: 1,
    cards: { "exercises/mse": card },
    history: [],
    settings: { newPerDay: 0, mockSize: 10, mockMinutes: 30 },
    exercises: { mse: { solvedAt: now - 8 * DAY, due: card.due } },
  };
  await page.evaluate(([k, r]) => localStorage.setItem(k, r), [KEY, JSON.stringify(record)] as const);
  await page.reload();
  const q = await review(page);
  await expect(q.locator(".dl-quiz-status")).toHaveText(/^0 new · 0 learning · 1 to review/);
  const article = q.locator(".dl-quiz-q");
  await expect(article).toHaveAttribute("data-question-id", "exercises/mse");
  await expect(article.locator(".dl-quiz-meta")).toHaveText(/^Coding exercise · Loss functions$/);
  await expect(article.locator(".dl-quiz-prompt")).toContainText("Exercise: Mean squared error and its gradient");
  await expect(article.locator(".dl-quiz-prompt a")).toHaveAttribute("href", /\/exercises\/#ex-mse-title$/);
  await article.getByRole("button", { name: "Show answer" }).click();
  await expect(article.locator(".dl-quiz-answer")).toContainText("function mseLoss(");
  const axe = await new AxeBuilder({ page }).include("#quiz-review").analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // A review card: each button days or months ahead, Again a relearning step in minutes.
  await expect(article.getByRole("button", { name: /^Again: next review in 10 min$/ })).toBeVisible();
  await article.getByRole("button", { name: /^Good: next review in [\d.]+ (d|mo)$/ }).click();
  const s = await stored(page);
  expect(s.history).toMatchObject([{ id: "exercises/mse", rating: "good", mode: "review" }]);
  expect((s.cards["exercises/mse"] as unknown as { due: number }).due).toBeGreaterThan(now + DAY);

  await q.getByText(/^All questions \(\d+\)$/).click();
  await q.getByLabel("Search", { exact: true }).fill("exercise mean squared");
  const row = q.locator('.dl-quiz-cards li[data-card="exercises/mse"]');
  await expect(row).toHaveAttribute("data-state", "review");
  await expect(row).toContainText("Exercise: Mean squared error");
  await q.getByLabel("Topic", { exact: true }).selectOption("losses");
  await expect(row).toBeVisible();

  const dash = page.locator("#quiz-dashboard");
  await dash.scrollIntoViewIfNeeded();
  await expect(dash).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  await expect(dash.locator("dt", { hasText: "Coding exercises solved" }).locator("xpath=following-sibling::dd[1]")).toHaveText("1");
});

test("the mock interview withholds verdicts and worked answers until its summary, whose links are named by section", async ({ page }) => {
  await page.goto(CH9);
  const q = page.locator("#quiz-mock");
  await q.scrollIntoViewIfNeeded();
  await expect(q).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  await q.locator('[data-control="size"]').selectOption("5");
  await q.getByRole("button", { name: "Start the mock interview" }).click();
  for (let k = 0; k < 5; k++) {
    const article = q.locator(".dl-quiz-q");
    const type = await article.getAttribute("data-type");
    await answer(q, true);
    if (type !== "flashcard") {
      await expect(article.locator(".dl-quiz-feedback")).toHaveText(/Answer recorded/);
      await expect(article.locator(".dl-quiz-answer, .dl-quiz-solution, .dl-quiz-mark, .dl-quiz-why")).toHaveCount(0);
    }
    await q.getByRole("button", { name: k < 4 ? "Next question" : "See the summary" }).click();
  }
  const items = q.locator(".dl-quiz-mock-answers li");
  await expect(items).toHaveCount(5);
  const names = await q.locator(".dl-quiz-summary a").allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toMatch(/\(chapter \d+\)$/);
  expect(names.some((n) => n.startsWith("Read"))).toBe(false);
  const axe = await new AxeBuilder({ page }).include("#quiz-mock").analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
