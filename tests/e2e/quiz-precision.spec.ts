// A numeric question says what precision it expects before the learner answers, and its answer box
// brings up a keyboard with a minus sign, "/" and "e" on phones.
import { test, expect } from "@playwright/test";

test("numeric and generated questions state their precision, and the answer box is a text keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("chapters/11-interview-preparation/");
  const q = page.locator("#quiz-practice");
  await q.scrollIntoViewIfNeeded();
  await expect(q).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  for (const type of ["numeric", "generated"]) {
    await q.locator('[data-control="type"]').selectOption(type);
    const article = q.locator(`.dl-quiz-q[data-type="${type}"]`);
    await expect(article).toBeVisible();
    const box = article.getByLabel("Your answer");
    await expect(box).toHaveAttribute("inputmode", "text");
    const hint = article.locator(".dl-quiz-precision");
    await expect(hint).toHaveText(
      /^(Three significant figures are enough\.|Give at least \d+ significant figures\.|Give the exact value\.)$/,
    );
    await expect(box).toHaveAttribute("aria-describedby", (await hint.getAttribute("id"))!);
  }
});
