// Opens a chapter page and waits for one of its widgets to load: the shared first step of the
// chapter and widget specs.
import { expect, type Locator, type Page } from "@playwright/test";

/** Goes to `url`, scrolls the widget matching `selector` into view (which loads it) and waits until it has hydrated. */
export async function openWidget(page: Page, url: string, selector: string): Promise<Locator> {
  await page.goto(url);
  const widget = page.locator(selector);
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
  return widget;
}
