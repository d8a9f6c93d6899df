// The Chinese edition: the language picker lands on the same section, progress is one record across languages,
// and the site search finds Chinese terms in the Chinese chapters.
import { test, expect, type Page } from "@playwright/test";
import zhQuiz from "../../src/i18n/zh-cn/quiz.json" with { type: "json" };

const CH6 = "chapters/06-vanishing-gradients/";
const CH11 = "chapters/11-interview-preparation/";
const CJK = /[\u4e00-\u9fff]/;

/** Whether the element's top is on screen, below the header. */
const nearTop = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    return top >= 0 && top < window.innerHeight / 2;
  });

test("switching language on a chapter lands on the same section, and back", async ({ page, baseURL }) => {
  const root = new URL(baseURL!).pathname;
  await page.goto(CH6);
  // Read down to a section without following a link, so the URL has no #fragment.
  await page.locator("#residual-connections").evaluate((h) => h.scrollIntoView({ block: "start" }));
  await expect.poll(() => nearTop(page, "#residual-connections")).toBe(true);
  expect(new URL(page.url()).hash).toBe("");
  const picker = page.locator("starlight-lang-select select").first();
  await picker.selectOption({ label: "简体中文" });
  await page.waitForURL(`**${root}zh-cn/${CH6}#residual-connections`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator("#residual-connections")).toHaveText(CJK);
  await expect.poll(() => nearTop(page, "#residual-connections")).toBe(true);

  // Further down in Chinese, then back to English: the section being read there.
  await page.locator("#through-many-blocks").evaluate((h) => h.scrollIntoView({ block: "start" }));
  await expect.poll(() => nearTop(page, "#through-many-blocks")).toBe(true);
  await page.locator("starlight-lang-select select").first().selectOption({ label: "English" });
  await page.waitForURL(`**${root}${CH6}#through-many-blocks`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("#through-many-blocks")).toHaveText("Through many blocks");
  await expect.poll(() => nearTop(page, "#through-many-blocks")).toBe(true);
});

test("a question answered in Chinese counts in English, on the same record", async ({ page }) => {
  await page.goto(`zh-cn/${CH11}`);
  const practice = page.locator("#quiz-practice");
  await practice.scrollIntoViewIfNeeded();
  await expect(practice).toHaveAttribute("data-hydrated", "");
  await practice.locator('[data-control="type"]').selectOption("choice");
  const article = practice.locator('.dl-quiz-q[data-type="choice"]');
  await expect(article).toBeVisible();
  await expect(article.locator(".dl-quiz-prompt")).toHaveText(CJK);
  const id = await article.getAttribute("data-question-id");
  await article.locator(".dl-quiz-option").first().click();
  await article.getByRole("button", { name: zhQuiz["quiz.check"] }).click();
  await expect(article.locator(".dl-quiz-feedback")).toHaveText(CJK);
  // A right answer waits for the reader's grade before it is recorded.
  if (await article.locator(".dl-quiz-grades").count())
    await article.getByRole("button", { name: new RegExp(`^${zhQuiz["quiz.rating.good"]}`) }).click();

  await page.goto(CH11);
  const dash = page.locator("#quiz-dashboard");
  await dash.scrollIntoViewIfNeeded();
  await expect(dash).toHaveAttribute("data-hydrated", "");
  await expect(dash.locator("dd").nth(1)).toHaveText("1");
  const history = await page.evaluate(() => JSON.parse(localStorage.getItem("dlf.quiz.v1") ?? "{}").history as { id: string }[]);
  expect(history.map((h) => h.id)).toEqual([id]);
});

test("the Chinese search finds 梯度消失, 反向传播 and 学习率 in the chapters that teach them, and only Chinese pages", async ({
  page,
  baseURL,
}) => {
  const root = new URL(baseURL!).pathname;
  await page.goto("zh-cn/");
  await page.locator("site-search button[data-open-modal]").click();
  const input = page.locator("#starlight__search input");
  await expect(input).toBeVisible();
  const firstLink = page
    .locator(".pagefind-ui__result")
    .first()
    .locator(":scope > .pagefind-ui__result-inner > .pagefind-ui__result-title > a");
  for (const [term, chapter] of [
    ["梯度消失", "06-vanishing-gradients"],
    ["反向传播", "03-training-neural-networks"],
    ["学习率", "04-optimization-algorithms"],
  ] as const) {
    // Typed as an input method commits it: the whole word at once.
    await input.fill(term);
    // Pagefind updates the list as the query changes; poll until this query's results are in.
    await expect
      .poll(() => firstLink.getAttribute("href"), { message: `first result for ${term}` })
      .toBe(`${root}zh-cn/chapters/${chapter}/`);
    // The result count and the search's own controls speak Chinese too.
    await expect(page.locator(".pagefind-ui__message")).toHaveText(CJK);
    const hrefs = await page.locator(".pagefind-ui__result-link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(
      hrefs.filter((h) => !h.startsWith(`${root}zh-cn/`)),
      "results outside the Chinese edition",
    ).toEqual([]);
  }
});
