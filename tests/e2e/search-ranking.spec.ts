// Site search ranks the chapter section that teaches a topic first, above the question pages and the engine
// reference that restate it (src/components/frame/search-weight.ts, astro.config.mjs's pagefind ranking). Also run
// under the sub-path build: every link is checked with the base path the page was served under.
import { test, expect } from "@playwright/test";

/** Query → the chapter expected as the first result, and the section that should be its first listed section. */
const EXPECTED: { query: string; chapter: string; section?: string; sectionFirst?: boolean }[] = [
  // Chapter 3's backward pass names backpropagation in its text, not its heading: it is listed, not necessarily first.
  { query: "backpropagation", chapter: "03-training-neural-networks", section: "the-backward-pass", sectionFirst: false },
  { query: "Adam", chapter: "04-optimization-algorithms", section: "adam", sectionFirst: true },
  { query: "softmax", chapter: "02-neural-network-foundations", section: "softmax", sectionFirst: true },
  { query: "vanishing", chapter: "06-vanishing-gradients" },
  { query: "dropout", chapter: "05-regularization", section: "dropout", sectionFirst: true },
  { query: "momentum", chapter: "04-optimization-algorithms", section: "momentum", sectionFirst: true },
];

test("search finds the chapter section that teaches each topic before question pages and the engine reference", async ({ page }) => {
  await page.goto("./");
  const base = new URL(page.url()).pathname; // "/" or the sub-path, e.g. "/course/sub/"
  await page.locator("site-search button[data-open-modal]").click();
  const input = page.locator("#starlight__search input");
  await expect(input).toBeVisible({ timeout: 15_000 });
  for (const { query, chapter, section, sectionFirst } of EXPECTED) {
    await input.fill("");
    await input.focus();
    await page.keyboard.type(query);
    const first = page.locator(".pagefind-ui__result").first();
    const pageLink = first.locator(":scope > .pagefind-ui__result-inner > .pagefind-ui__result-title > a");
    // Pagefind updates the list as the query grows; poll until the full query's results are in.
    await expect
      .poll(() => pageLink.getAttribute("href"), { timeout: 15_000, message: `first result for "${query}"` })
      .toBe(`${base}chapters/${chapter}/`);
    if (!section) continue;
    // The result's sections arrive after its title (Pagefind loads each result's fragment on its own): poll.
    const sections = () => first.locator(".pagefind-ui__result-nested a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const want = `${base}chapters/${chapter}/#${section}`;
    if (sectionFirst)
      await expect.poll(async () => (await sections())[0], { timeout: 15_000, message: `first section listed for "${query}"` }).toBe(want);
    else await expect.poll(sections, { timeout: 15_000, message: `sections listed for "${query}"` }).toContain(want);
  }
  // The linked section exists on the page.
  const response = await page.request.get(`${base}chapters/04-optimization-algorithms/`);
  expect(await response.text()).toContain('id="adam"');
});
